/**
 * Typed nodes of one command group. Commands that read or write the store and the loaded detections: metadata, eventcount, savedsearch, collect, inputcsv, outputcsv.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";
import type { Command } from "./commands.js";
import type { SearchExpr } from "./nodes.js";

/** `| metadata type=hosts|sources|sourcetypes [index=<pattern>]...`. */
export interface MetadataCommand {
  readonly kind: "metadata";
  readonly span: Span;
  readonly type: "hosts" | "sources" | "sourcetypes";
  /** `index=` patterns (`*` wildcards); empty: the default index, main. */
  readonly indexes: readonly string[];
  /** `datatype=metric`, or a `splunk_server=` that is not the local one: nothing to list. */
  readonly empty: boolean;
}

/** `| eventcount [index=<pattern>]... [summarize=<bool>] [report_size=<bool>] [list_vix=<bool>]`. */
export interface EventcountCommand {
  readonly kind: "eventcount";
  readonly span: Span;
  readonly indexes: readonly string[];
  readonly summarize: boolean;
  readonly reportSize: boolean;
}

/** `| savedsearch <name> [nosubstitution=<bool>] [<key>=<value>]...`. */
export interface SavedsearchCommand {
  readonly kind: "savedsearch";
  readonly span: Span;
  readonly name: string;
  readonly nameSpan: Span;
  /** `$key$` → value, unless nosubstitution=true (then empty and `substitute` false). */
  readonly replacements: ReadonlyMap<string, string>;
  readonly substitute: boolean;
}

/** `collect [index=<name>] [addtime=] [addinfo=] [marker=] [testmode=] [spool=] [host=] [source=] [sourcetype=] [timeformat=] [output_format=]`. */
export interface CollectCommand {
  readonly kind: "collect";
  readonly span: Span;
  readonly index: string;
  readonly addtime: boolean;
  readonly addinfo: boolean;
  /** Text appended to each event's `_raw` (`key=value, key=value`); its pairs become fields. */
  readonly marker: string | null;
  /** Shows the events as they would be indexed instead of writing them. */
  readonly testmode: boolean;
  /** false: written where nothing indexes them (Splunk's var/run/splunk/collect), so no search sees them. */
  readonly spool: boolean;
  readonly host: string | null;
  readonly source: string | null;
  readonly sourcetype: string | null;
  readonly timeformat: string;
  readonly format: "raw" | "hec";
}

/** `inputcsv [dispatch=] [append=] [strict=] [start=] [max=] [events=] <file> [WHERE <search>]`. */
export interface InputcsvCommand {
  readonly kind: "inputcsv";
  readonly span: Span;
  readonly file: string;
  readonly fileSpan: Span;
  readonly append: boolean;
  readonly strict: boolean;
  readonly start: number;
  readonly max: number;
  readonly events: boolean;
  readonly where: SearchExpr | null;
}

/** `outputcsv [append=] [create_empty=] [override_if_empty=] [singlefile=] <file>|[<subsearch>]`. */
export interface OutputcsvCommand {
  readonly kind: "outputcsv";
  readonly span: Span;
  /** The file name, or null when a subsearch gives it (its first result's `search` field). */
  readonly file: string | null;
  readonly fileSearch?: readonly Command[];
  readonly fileSpan: Span;
  readonly append: boolean;
  readonly createEmpty: boolean;
  readonly overrideIfEmpty: boolean;
}

/** The union of this group's typed commands. */
export type StoreCommand = MetadataCommand | EventcountCommand | SavedsearchCommand | CollectCommand | InputcsvCommand | OutputcsvCommand;
