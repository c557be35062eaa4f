/**
 * Typed nodes of one command group. More commands a Splunk user reaches for: transpose, tojson, concurrency, xpath, xmlunescape, makecontinuous, contingency, timewrap.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";

/** `transpose [int] [column_name=] [header_field=] [include_empty=]` (0 = every row). */
export interface TransposeCommand {
  readonly kind: "transpose";
  readonly rows: number;
  readonly columnName: string;
  readonly headerField: string | null;
  readonly includeEmpty: boolean;
  readonly span: Span;
}

/** `xmlunescape [maxinputs=]`: XML entities in `_raw` decoded. */
export interface XmlunescapeCommand {
  readonly kind: "xmlunescape";
  readonly maxInputs: number;
  readonly span: Span;
}

/** A tojson datatype function (`num(age)`), or `none` for plain field names. */
export type JsonType = "auto" | "bool" | "json" | "none" | "num" | "str";

export interface TojsonCommand {
  readonly kind: "tojson";
  readonly specs: readonly { readonly type: JsonType; readonly pattern: string }[];
  readonly defaultType: JsonType;
  readonly fillNull: boolean;
  readonly includeInternal: boolean;
  readonly outputField: string;
  readonly span: Span;
}

/** `concurrency duration=<field> [start=<field>] [output=<field>]`. */
export interface ConcurrencyCommand {
  readonly kind: "concurrency";
  readonly duration: string;
  readonly start: string;
  readonly output: string;
  readonly span: Span;
}

/** `contingency <row-field> <col-field>` with its limits and totals. */
export interface ContingencyCommand {
  readonly kind: "contingency";
  readonly rowField: string;
  readonly colField: string;
  readonly maxRows: number;
  readonly maxCols: number;
  readonly minColCover: number;
  readonly minRowCover: number;
  readonly useTotal: boolean;
  readonly totalStr: string;
  readonly span: Span;
}

/** `makecontinuous [<field>] span=<span> [start=] [end=]`. */
export interface MakecontinuousCommand {
  readonly kind: "makecontinuous";
  readonly field: string;
  /** Seconds for time spans, else the numeric step. */
  readonly step: number;
  readonly start: number | null;
  readonly end: number | null;
  readonly span: Span;
}

/** `xpath [outfield=] "<xpath>" [field=] [default=]`: an XPath subset (xpath.ts). */
export interface XpathCommand {
  readonly kind: "xpath";
  readonly path: string;
  readonly outfield: string;
  readonly field: string;
  readonly default: string | null;
  readonly span: Span;
}

/** `setfields <field>="<value>", ...`: every result gets the given values. */
export interface SetfieldsCommand {
  readonly kind: "setfields";
  readonly assignments: readonly { readonly field: string; readonly value: string }[];
  readonly span: Span;
}

/** The union of this group's typed commands. */
export type ExtraCommand =
  | TransposeCommand | XmlunescapeCommand | TojsonCommand | ConcurrencyCommand | ContingencyCommand
  | MakecontinuousCommand | XpathCommand | SetfieldsCommand | TimewrapCommand | OutputtextCommand
  | CtableCommand | CounttableCommand;

/** `timewrap <span> [align=end|now] [series=relative|exact|short] [time_format=<str>]`. */
export interface TimewrapCommand {
  readonly kind: "timewrap";
  /** The period in seconds, its count and unit name (for series names). */
  readonly period: number;
  readonly count: number;
  readonly unit: string;
  readonly align: "end" | "now";
  readonly series: "relative" | "exact" | "short";
  readonly timeFormat: string | null;
  readonly span: Span;
}

/** `outputtext [usexml=<bool>]`: `_raw` copied into `_xml`, XML-escaped unless usexml=false. */
export interface OutputtextCommand {
  readonly kind: "outputtext";
  readonly useXml: boolean;
  readonly span: Span;
}

/** `ctable` and `counttable`: "an alias for the contingency command" (ctable reference). */
export interface CtableCommand extends Omit<ContingencyCommand, "kind"> {
  readonly kind: "ctable";
}
export interface CounttableCommand extends Omit<ContingencyCommand, "kind"> {
  readonly kind: "counttable";
}
