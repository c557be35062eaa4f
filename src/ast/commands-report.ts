/**
 * Typed nodes of one command group. Reporting commands: chart, fieldsummary; plus the options
 * chart shares with timechart and xyseries (their nodes live in commands-combine.ts and extend
 * the interfaces here).
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";
import type { AggregateSpec } from "./commands.js";
import type { BinSpan } from "./commands-stream.js";
import type { Expr } from "./nodes.js";

interface Base {
  readonly span: Span;
}

/**
 * How a split-by field becomes columns (chart and timechart references, "tc-options" and
 * "chart-options"): which series are kept, how the rest and the rows without a value are named,
 * and how a column is named when several aggregates are split.
 */
export interface SplitOptions {
  /** Series kept by rank; 0 = all. `bottom` ranks ascending. */
  readonly limit: number;
  readonly bottom: boolean;
  readonly useother: boolean;
  readonly usenull: boolean;
  readonly otherstr: string;
  readonly nullstr: string;
  /** `agg=`: the function a series is ranked by over its cells (default sum). */
  readonly rankFn: string;
  /** `format=` (`$AGG$`, `$VAL$`) or `sep=` turned into a format; default `$AGG$: $VAL$`. */
  readonly format: string;
  /** `dedup_splitvals=`: a multivalue split value counts once per result. */
  readonly dedupSplitvals: boolean;
  /** The `where <agg> …` series filter after the split field; limit= and agg= are then ignored. */
  readonly where?: SeriesFilter;
}

/**
 * `where <agg> in|notin top<N>|bottom<N>` or `where <agg> <|> <number>` (chart and timechart
 * references, "where clause"): `fn` over each series' cells of the first aggregate decides.
 */
export type SeriesFilter =
  | { readonly fn: string; readonly kind: "rank"; readonly negate: boolean; readonly bottom: boolean; readonly n: number }
  | { readonly fn: string; readonly kind: "threshold"; readonly op: "<" | ">"; readonly value: number };

/** A time bin span: bin's spans, or timechart's snap-to week span (`span=w@w1`, weekday 0 = Sunday). */
export type TimeBucketSpan = BinSpan | { readonly kind: "weeks"; readonly weeks: number; readonly weekday: number };

/** timechart's options beyond those commands-combine.ts declares. */
export interface TimechartExtras extends SplitOptions {
  /** `aligntime=`: earliest, latest, an epoch or a time modifier (`@d+5h`), resolved at run time. */
  readonly aligntime?: string;
  /** `span=`/`bins=` written after the split-by field: they bin the split-by field (`by size span=log2`). */
  readonly byBins?: ChartBins;
  /** `bins=`: the most buckets an automatic span may give (default 100). */
  readonly bins: number;
  /** `minspan=` in seconds: the smallest automatic span. */
  readonly minspan?: number;
  /**
   * The output columns when one is an eval expression (`eval(avg(CPU) * avg(MEM))`); `aggregates`
   * then holds the plain aggregates and the expressions' hidden parts. Absent: one per aggregate.
   */
  readonly columns?: readonly ChartAggregate[];
}

/** xyseries's options beyond those commands-combine.ts declares. */
export interface XyseriesExtras {
  /** `format=` with `$AGG$` (the data field) and `$VAL$` (the y-name value); wins over sep. */
  readonly format?: string;
  /** `grouped=true`: the input is sorted by x, so a new row starts whenever x changes. */
  readonly grouped: boolean;
}

/** A bin option set on a chart split field (`by size bins=10`, `over duration span=log2`). */
export interface ChartBins {
  readonly bins?: number;
  readonly binSpan?: BinSpan;
  /** `span=[<coef>]log[<base>]`: bins between successive powers of the base. */
  readonly logSpan?: { readonly coef: number; readonly base: number };
  readonly start?: number;
  readonly end?: number;
  /** `aligntime=` of a time split (bin's). */
  readonly aligntime?: string;
}

/** One split field of chart with its bin options (none: its values as they are). */
export interface ChartSplit {
  readonly field: string;
  readonly bins?: ChartBins;
}

/**
 * `chart <agg>... [over <row> [by <col>]] | [by <row> [<col>]]`. An eval-expression aggregate
 * (`eval(avg(x)/max(x)) AS r`) is computed from the hidden aggregates it references.
 */
export interface ChartCommand extends Base, SplitOptions {
  readonly kind: "chart";
  readonly aggregates: readonly ChartAggregate[];
  readonly row?: ChartSplit;
  readonly column?: ChartSplit;
  /** `cont=`: fill the empty bins of a binned row split. */
  readonly cont: boolean;
}

/**
 * A chart column: a plain aggregate, an eval expression over aggregates, or (timechart only) a
 * per-time-unit rate: `per_hour(x)` is sum(x) scaled from the bucket span to `unit` seconds.
 */
export type ChartAggregate =
  | { readonly kind: "agg"; readonly spec: AggregateSpec }
  | { readonly kind: "rate"; readonly spec: AggregateSpec; readonly unit: number }
  | { readonly kind: "eval"; readonly as: string; readonly parts: readonly AggregateSpec[]; readonly expr: Expr; readonly span: Span };

/** `fieldsummary [maxvals=N] [<wc-field>...]`. */
export interface FieldsummaryCommand extends Base {
  readonly kind: "fieldsummary";
  /** 0 = every distinct value. */
  readonly maxvals: number;
  /** Field patterns (`*` wildcards); empty = every field. */
  readonly fields: readonly string[];
}

/** The union of this group's typed commands. */
export type ReportCommand = ChartCommand | FieldsummaryCommand;
