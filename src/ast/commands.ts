/**
 * Typed command nodes: what each registry entry (src/commands) makes of the generic command
 * shape. Adding a kind here without registering a CommandDef for it fails to compile
 * (commands/registry.ts maps every kind).
 */
import type { Span } from "../source/source-text.js";
import type { Expr, ExprSubsearch, SearchExpr, SearchSubsearch } from "./nodes.js";
import type { BinSpan, StreamCommand } from "./commands-stream.js";
import type { CombineCommand } from "./commands-combine.js";
import type { LookupCommand } from "./commands-lookup.js";
import type { SeriesCommand } from "./commands-series.js";
import type { MultiCommand } from "./commands-multi.js";
import type { ReportCommand } from "./commands-report.js";
import type { StoreCommand } from "./commands-store.js";
import type { ExtraCommand } from "./commands-extra.js";

interface Base {
  readonly span: Span;
}

/** An aggregation in stats/tstats: `count`, `min(_time) AS firstTime`, `count(eval(x>1))`, `perc95(x)`. */
export interface AggregateSpec {
  /** Function name as written, lower-cased (`values`, `perc95`). */
  readonly fn: string;
  /** Field argument, or null for bare `count`. */
  readonly field: string | null;
  /** `count(eval(...))`-style argument. */
  readonly evalExpr?: Expr;
  /** The checked `[subsearch]`es inside `evalExpr` (commands/eval-subsearch.ts); absent when none. */
  readonly evalSubsearches?: ReadonlyMap<ExprSubsearch, readonly Command[]>;
  /** Output column name: the AS name, else the text as written (`values(Processes.process)`). */
  readonly as: string;
  readonly span: Span;
}

export interface SearchCommand extends Base {
  readonly kind: "search";
  readonly expr: SearchExpr | null;
  /** True for the search before the first pipe (it reads the event store). */
  readonly leading: boolean;
  /** The checked pipeline of each `[subsearch]` in `expr`. */
  readonly subsearches: ReadonlyMap<SearchSubsearch, readonly Command[]>;
}

export interface TstatsCommand extends Base {
  readonly kind: "tstats";
  /** `from datamodel=<Model.Dataset>`; null: over the indexes' events (no FROM clause). */
  readonly datamodel: string | null;
  readonly nodename?: string;
  readonly where: SearchExpr | null;
  readonly aggregates: readonly AggregateSpec[];
  readonly by: readonly string[];
  /** `by _time span=…`: bins as `bin _time span=…` makes them (local midnight for days, calendar months). */
  readonly bucketSpan?: BinSpan;
  /** tstats `fillnull_value`; undefined drops rows with a null BY field (spl-semantics.md §1.2). */
  readonly fillnull?: string;
  readonly summariesonly: boolean;
}

export interface StatsCommand extends Base {
  readonly kind: "stats";
  readonly aggregates: readonly AggregateSpec[];
  readonly by: readonly string[];
  /** `allnum=true`: numeric aggregates of a field with a non-numeric value give null. */
  readonly allnum?: boolean;
  /** `dedup_splitvals=true`: a repeated value of a multivalue BY field counts once. */
  readonly dedupSplitvals?: boolean;
}

export interface RenameCommand extends Base {
  readonly kind: "rename";
  readonly pairs: readonly { readonly from: string; readonly to: string; readonly span: Span }[];
}

export type ConvertFn = "ctime" | "mktime" | "num" | "auto" | "dur2sec" | "rmcomma" | "rmunit" | "none" | "memk" | "mstime";

export interface ConvertCommand extends Base {
  readonly kind: "convert";
  readonly timeformat: string;
  readonly conversions: readonly { readonly fn: ConvertFn; readonly field: string; readonly as?: string }[];
}

export interface EvalCommand extends Base {
  readonly kind: "eval";
  readonly assignments: readonly { readonly field: string; readonly expr: Expr }[];
  /** The checked `[subsearch]`es inside the expressions (commands/eval-subsearch.ts); absent when none. */
  readonly subsearches?: ReadonlyMap<ExprSubsearch, readonly Command[]>;
}

export interface WhereCommand extends Base {
  readonly kind: "where";
  readonly expr: Expr;
  /** The checked `[subsearch]`es inside the expression (commands/eval-subsearch.ts); absent when none. */
  readonly subsearches?: ReadonlyMap<ExprSubsearch, readonly Command[]>;
}

export interface TableCommand extends Base {
  readonly kind: "table";
  /** Field names or wildcard patterns, in output order. */
  readonly fields: readonly string[];
}

export interface FieldsCommand extends Base {
  readonly kind: "fields";
  readonly remove: boolean;
  readonly fields: readonly string[];
}

export interface SortKey {
  readonly field: string;
  readonly desc: boolean;
  readonly mode: "auto" | "num" | "str" | "ip";
}

export interface SortCommand extends Base {
  readonly kind: "sort";
  readonly limit: number;
  readonly keys: readonly SortKey[];
}

export interface HeadCommand extends Base {
  readonly kind: "head";
  readonly count: number;
  /** `head (<eval-expression>)`: results up to the first one for which it is false. */
  readonly while?: Expr;
  /** Keep the result that ended the run (`keeplast=true`). */
  readonly keeplast: boolean;
  /** A null expression result counts as true (`null=true`), else as false. */
  readonly nullTrue: boolean;
}

export interface DedupCommand extends Base {
  readonly kind: "dedup";
  readonly count: number;
  readonly fields: readonly string[];
  readonly keepempty: boolean;
  readonly consecutive: boolean;
  /** keepevents=true: duplicates stay, with the dedup fields removed (dedup reference). */
  readonly keepevents: boolean;
  readonly sortby: readonly SortKey[];
}

export interface MakeresultsCommand extends Base {
  readonly kind: "makeresults";
  readonly count: number;
  readonly annotate: boolean;
  /** `format=csv|json data="…"`: the rows to generate. */
  readonly data?: { readonly format: "csv" | "json"; readonly text: string };
}

/** `iplocation [prefix=<s>] [allfields=<bool>] [lang=<code>] <ip-field>`. */
export interface IplocationCommand extends Base {
  readonly kind: "iplocation";
  readonly field: string;
  /** Put before each output field name (`prefix=auth_` → auth_Country). */
  readonly prefix: string;
  /** Also Continent, MetroCode and Timezone. */
  readonly allfields: boolean;
  /** Locale of the names (`lang=es`). */
  readonly lang: string;
}

/** The commands of the foundation (this file). */
export type CoreCommand =
  | SearchCommand | TstatsCommand | StatsCommand | RenameCommand | ConvertCommand | EvalCommand
  | WhereCommand | TableCommand | FieldsCommand | SortCommand | HeadCommand | DedupCommand | MakeresultsCommand
  | IplocationCommand;

/** Every command: the core set plus the groups declared in their own files. */
export type Command =
  | CoreCommand | StreamCommand | CombineCommand | LookupCommand | SeriesCommand | MultiCommand | ReportCommand | StoreCommand | ExtraCommand;

export type CommandKind = Command["kind"];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;
