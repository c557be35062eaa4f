/**
 * Typed nodes of one command group. Row-by-row series and field formatting commands: delta, accum, autoregress, trendline, filldown, strcat, rangemap, reltime, addinfo, addcoltotals, fieldformat.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";
import type { Expr } from "./nodes.js";

interface Base {
  readonly span: Span;
}

/** `delta <field> [AS <newfield>] [p=<int>]`. */
export interface DeltaCommand extends Base {
  readonly kind: "delta";
  readonly field: string;
  readonly as: string;
  /** How many results back the compared value is (p=, default 1). */
  readonly p: number;
}

/** `accum <field> [AS <newfield>]`. */
export interface AccumCommand extends Base {
  readonly kind: "accum";
  readonly field: string;
  readonly as: string;
}

/** `autoregress <field> [AS <newfield>] [p=<int> | p=<int>-<int>]`. */
export interface AutoregressCommand extends Base {
  readonly kind: "autoregress";
  readonly field: string;
  /** Only with a single p: the field the copied value goes to. */
  readonly as?: string;
  readonly from: number;
  readonly to: number;
}

export type TrendType = "sma" | "ema" | "wma";

/** `trendline (<trendtype><period>(<field>) [AS <newfield>])...`. */
export interface TrendlineCommand extends Base {
  readonly kind: "trendline";
  readonly trends: readonly { readonly type: TrendType; readonly period: number; readonly field: string; readonly as: string }[];
}

/** `filldown [<wc-field-list>]`: an empty list means every field. */
export interface FilldownCommand extends Base {
  readonly kind: "filldown";
  readonly fields: readonly string[];
}

/** One piece of `strcat`'s source list: a field's value or a quoted literal. */
export type StrcatPart = { readonly field: string } | { readonly literal: string };

/** `strcat [allrequired=<bool>] <source-fields> <dest-field>`. */
export interface StrcatCommand extends Base {
  readonly kind: "strcat";
  readonly allRequired: boolean;
  readonly parts: readonly StrcatPart[];
  readonly dest: string;
}

/** `rangemap field=<field> (<name>=<start>-<end>)... [default=<string>]`. */
export interface RangemapCommand extends Base {
  readonly kind: "rangemap";
  readonly field: string;
  readonly ranges: readonly { readonly name: string; readonly start: number; readonly end: number }[];
  readonly dflt: string;
}

/** `reltime [timefield=<field-list>] [prefix=<string>]`. */
export interface ReltimeCommand extends Base {
  readonly kind: "reltime";
  /** Each time field and the field its relative time goes to. */
  readonly outputs: readonly { readonly timefield: string; readonly as: string }[];
}

/** `addinfo`. */
export interface AddinfoCommand extends Base {
  readonly kind: "addinfo";
}

/** `addcoltotals [labelfield=<field>] [label=<string>] [<wc-field-list>]`. */
export interface AddcoltotalsCommand extends Base {
  readonly kind: "addcoltotals";
  readonly labelfield?: string;
  readonly label: string;
  /** Fields (wildcards allowed) to sum; empty means every field. */
  readonly fields: readonly string[];
}

/** `fieldformat <field>=<eval-expression>`. */
export interface FieldformatCommand extends Base {
  readonly kind: "fieldformat";
  readonly field: string;
  readonly expr: Expr;
}

/** The union of this group's typed commands. */
export type SeriesCommand =
  | DeltaCommand | AccumCommand | AutoregressCommand | TrendlineCommand | FilldownCommand | StrcatCommand
  | RangemapCommand | ReltimeCommand | AddinfoCommand | AddcoltotalsCommand | FieldformatCommand;
