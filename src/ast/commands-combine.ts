/**
 * Typed nodes of one command group. Commands that combine pipelines or reshape results: join, append, appendpipe, appendcols, foreach, map, transaction, top, rare, timechart, …
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";
import type { AggregateSpec, Command } from "./commands.js";
import type { Expr, SearchExpr } from "./nodes.js";
import type { TimeBucketSpan, TimechartExtras, XyseriesExtras } from "./commands-report.js";

interface Base {
  readonly span: Span;
}

/** A checked `[ … ]` pipeline. */
export type Subpipeline = readonly Command[];

/** `join [type=…] [max=N] [usetime=… earlier=…] [overwrite=…] <field>... [subsearch]`. */
export interface JoinCommand extends Base {
  readonly kind: "join";
  /** `outer` is Splunk's synonym of `left`. */
  readonly type: "inner" | "left";
  /** Subsearch rows joined per main row; 0 = no limit. */
  readonly max: number;
  /** Join fields; empty = every field the two result sets share. */
  readonly fields: readonly string[];
  readonly overwrite: boolean;
  readonly usetime: boolean;
  readonly earlier: boolean;
  readonly subsearch: Subpipeline;
  /**
   * `left=L right=R where L.a=R.b …`: every field of each side is named `<alias>.<field>` and
   * `on` pairs the left and right fields (unprefixed) that must be equal.
   */
  readonly aliases?: { readonly left: string; readonly right: string; readonly on: readonly (readonly [string, string])[] };
}

/** `append [maxout=N] [subsearch]`. */
export interface AppendCommand extends Base {
  readonly kind: "append";
  readonly maxout: number;
  readonly subsearch: Subpipeline;
}

/** `appendpipe [subpipeline]`: the subpipeline reads the current results. */
export interface AppendpipeCommand extends Base {
  readonly kind: "appendpipe";
  readonly subpipeline: Subpipeline;
}

/** `appendcols [override=bool] [subsearch]`. */
export interface AppendcolsCommand extends Base {
  readonly kind: "appendcols";
  readonly override: boolean;
  readonly maxout: number;
  readonly subsearch: Subpipeline;
}

/** `foreach <wc-field>... [template]`: the template's SPL text, run once per matching field. */
export interface ForeachCommand extends Base {
  readonly kind: "foreach";
  readonly patterns: readonly string[];
  /** The template printed back to SPL, with the `<<…>>` tokens still in it. */
  readonly template: string;
  /** The token texts replaced per field: `<<FIELD>>`, `<<MATCHSTR>>`, `<<MATCHSEG1>>`..3 unless renamed by options. */
  readonly tokens: { readonly field: string; readonly matchstr: string; readonly matchseg: readonly string[] };
  /** multifield (the default): per field; the others iterate over the values of `patterns[0]`. */
  readonly mode: "multifield" | "multivalue" | "json_array" | "auto_collections";
  /** `<<ITEM>>` and `<<ITER>>` unless renamed (itemstr=, iterstr=): the value and its 0-based index. */
  readonly itemTokens: { readonly item: string; readonly iter: string };
}

/** `map search="… $field$ …" [maxsearches=N]` (or `map [subsearch]`). */
export interface MapCommand extends Base {
  readonly kind: "map";
  /** SPL text with `$field$` tokens (empty when `saved` names the search). */
  readonly search: string;
  readonly maxsearches: number;
  /** `map <savedsearch>`: the saved search run per result, its `$field$` tokens filled the same way. */
  readonly saved?: { readonly name: string; readonly span: Span };
}

/** A transaction boundary: a search expression (search semantics) or an eval expression. */
export type TxnFilter =
  | { readonly kind: "search"; readonly expr: SearchExpr }
  | { readonly kind: "eval"; readonly expr: Expr };

export interface TransactionCommand extends Base {
  readonly kind: "transaction";
  readonly fields: readonly string[];
  /** Seconds; undefined = no limit. */
  readonly maxspan?: number;
  readonly maxpause?: number;
  /** Negative = no limit. */
  readonly maxevents: number;
  readonly startswith?: TxnFilter;
  readonly endswith?: TxnFilter;
  readonly keepevicted: boolean;
  /** true: every field as a list; false: sets; a field list: those fields as lists. */
  readonly mvlist: boolean | readonly string[];
  /** An event none of whose field values the open transaction has yet opens a new one (true) or joins it (false). */
  readonly connected: boolean;
  /** startswith/endswith events must also share a field value with the transaction. */
  readonly unifyends: boolean;
  /** LRU eviction limits of the open pool (transactions, events in them). */
  readonly maxopentxn: number;
  readonly maxopenevents: number;
  /** Rendering: `_raw` as a multivalue field (mvraw), the `_raw` joiner (delim), list fillers (nullstr). */
  readonly mvraw: boolean;
  readonly delim: string;
  readonly nullstr: string;
}

/** Options shared by top and rare. */
export interface TopOptions extends Base {
  readonly fields: readonly string[];
  readonly by: readonly string[];
  /** 0 = all values. */
  readonly limit: number;
  readonly countfield: string;
  readonly percentfield: string;
  readonly showcount: boolean;
  readonly showperc: boolean;
  readonly useother: boolean;
  readonly otherstr: string;
}

export interface TopCommand extends TopOptions {
  readonly kind: "top";
}

export interface RareCommand extends TopOptions {
  readonly kind: "rare";
}

export interface TimechartCommand extends Base, TimechartExtras {
  readonly kind: "timechart";
  /** Bucket span (a number counts seconds); undefined = chosen from the data (at most `bins` buckets). */
  readonly bucketSpan?: TimeBucketSpan;
  readonly aggregates: readonly AggregateSpec[];
  readonly by?: string;
  readonly cont: boolean;
}

/** `| from datamodel:"M.D"`: the dataset's events, datamodel fields without a prefix. */
export interface FromCommand extends Base {
  readonly kind: "from";
  /** The `<Model>.<Dataset>` of `from datamodel:…`; empty for the other dataset types. */
  readonly datamodel: string;
  /** `from lookup:<name>` (a lookup table's rows) or `from savedsearch:<name>` (its results). */
  readonly dataset?: { readonly type: "lookup" | "savedsearch"; readonly name: string; readonly span: Span };
}

/** `| datamodel M D search|flat`: the dataset's events; `search` prefixes datamodel fields. */
export interface DatamodelCommand extends Base {
  readonly kind: "datamodel";
  readonly datamodel: string;
  readonly mode: "search" | "flat";
}

/** `untable <x-field> <y-name-field> <y-data-field>`. */
export interface UntableCommand extends Base {
  readonly kind: "untable";
  readonly x: string;
  readonly yname: string;
  readonly ydata: string;
}

/** `xyseries <x-field> <y-name-field> <y-data-field>...`. */
export interface XyseriesCommand extends Base, XyseriesExtras {
  readonly kind: "xyseries";
  readonly x: string;
  readonly yname: string;
  readonly ydata: readonly string[];
  readonly sep: string;
}

/** The union of this group's typed command nodes (`never` while the group is empty). */
export type CombineCommand =
  | JoinCommand | AppendCommand | AppendpipeCommand | AppendcolsCommand | ForeachCommand | MapCommand
  | TransactionCommand | TopCommand | RareCommand | TimechartCommand | FromCommand | DatamodelCommand
  | UntableCommand | XyseriesCommand;
