/**
 * Typed nodes of one command group. Row-wise and statistics commands beyond the core: rex, regex,
 * bin/bucket, fillnull, eventstats, streamstats, mvexpand, makemv, mvcombine, nomv, spath,
 * fromjson, xmlkv, extract/kv, replace, reverse, tail, addtotals, uniq.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";
import type { AggregateSpec } from "./commands.js";
import type { Expr } from "./nodes.js";

interface Base {
  readonly span: Span;
}

/** A sed expression of `rex mode=sed`: `s/regex/replacement/flags` or `y/from/to/`. */
export type SedExpr =
  | {
      readonly op: "s";
      readonly pattern: string;
      readonly replacement: string;
      /** `g`: every match; otherwise only the `nth` (1 = first). */
      readonly global: boolean;
      readonly nth: number;
    }
  | { readonly op: "y"; readonly from: readonly string[]; readonly to: readonly string[] };

export interface RexCommand extends Base {
  readonly kind: "rex";
  /** Input field (default `_raw`). */
  readonly field: string;
  /** The PCRE pattern (extract mode); absent in sed mode. */
  readonly pattern?: string;
  /** Names of the named groups of `pattern`, in order. */
  readonly groups: readonly string[];
  /** Matches to extract per value; 0 = unlimited (multivalue results). */
  readonly maxMatch: number;
  readonly offsetField?: string;
  readonly sed?: SedExpr;
}

export interface RegexCommand extends Base {
  readonly kind: "regex";
  readonly field: string;
  readonly pattern: string;
  /** `field!="re"`: keep the results that do not match. */
  readonly negate: boolean;
}

/** A bin size: seconds (s/m/h), local days (d/w), calendar months (mon/q/y), or a plain number. */
export type BinSpan =
  | { readonly kind: "seconds"; readonly seconds: number }
  | { readonly kind: "days"; readonly days: number }
  | { readonly kind: "months"; readonly months: number }
  | { readonly kind: "number"; readonly size: number };

export interface BinOptions extends Base {
  readonly field: string;
  readonly as?: string;
  /** `span=`; absent: derived from `bins`. */
  readonly binSpan?: BinSpan;
  /** `span=[<coef>]log[<base>]`: log-based bins [coef·base^k, coef·base^(k+1)). */
  readonly logSpan?: { readonly coef: number; readonly base: number };
  readonly bins?: number;
  /** `minspan=`: the smallest span an automatic (bins-derived) span may take, in seconds or units. */
  readonly minspan?: number;
  readonly start?: number;
  readonly end?: number;
  /** `aligntime=`: an epoch or a time modifier such as `@d+3h`, resolved at run time. */
  readonly aligntime?: string;
}

export interface BinCommand extends BinOptions {
  readonly kind: "bin";
}

/** `bucket` is the older name of `bin` (spl-semantics.md §8). */
export interface BucketCommand extends BinOptions {
  readonly kind: "bucket";
}

export interface FillnullCommand extends Base {
  readonly kind: "fillnull";
  readonly value: string;
  /** Fields to fill; empty = every field of the results. */
  readonly fields: readonly string[];
}

export interface EventstatsCommand extends Base {
  readonly kind: "eventstats";
  readonly aggregates: readonly AggregateSpec[];
  readonly by: readonly string[];
  /** `allnum=true`: numeric aggregates of a field with a non-numeric value give null. */
  readonly allnum?: boolean;
}

export interface StreamstatsCommand extends Base {
  readonly kind: "streamstats";
  readonly aggregates: readonly AggregateSpec[];
  readonly by: readonly string[];
  /** Number of results in the window; 0 = all results so far. */
  readonly window: number;
  /** Include the current result in its own statistics. */
  readonly current: boolean;
  /** With a window and BY: one window over all results (true) or one per group (false). */
  readonly global: boolean;
  /** Reset every statistic when a BY value changes from the previous result. */
  readonly resetOnChange: boolean;
  /** Time window in seconds over `_time` (results in descending or ascending time order). */
  readonly timeWindow?: number;
  /** `reset_before="(<eval-expression>)"`: reset every statistic before a result where it is true. */
  readonly resetBefore?: Expr;
  /** `reset_after="(<eval-expression>)"`: reset every statistic after a result where it is true. */
  readonly resetAfter?: Expr;
  /** `allnum=true`: numeric aggregates of a field with a non-numeric value give null. */
  readonly allnum?: boolean;
}

export interface MvexpandCommand extends Base {
  readonly kind: "mvexpand";
  readonly field: string;
  readonly limit?: number;
}

export interface MakemvCommand extends Base {
  readonly kind: "makemv";
  readonly field: string;
  readonly delim: string;
  /** A regex whose first group (or whole match) is each value; replaces `delim`. */
  readonly tokenizer?: string;
  readonly allowempty: boolean;
  readonly setsv: boolean;
}

export interface MvcombineCommand extends Base {
  readonly kind: "mvcombine";
  readonly field: string;
  readonly delim: string;
}

export interface NomvCommand extends Base {
  readonly kind: "nomv";
  readonly field: string;
}

export interface SpathCommand extends Base {
  readonly kind: "spath";
  readonly input: string;
  readonly output?: string;
  /** Absent: extract every path (auto-extract mode). */
  readonly path?: string;
}

export interface FromjsonCommand extends Base {
  readonly kind: "fromjson";
  readonly field: string;
  readonly prefix: string;
}

export interface XmlkvCommand extends Base {
  readonly kind: "xmlkv";
  readonly field: string;
  readonly maxinputs: number;
}

export interface ExtractOptions extends Base {
  /** Characters separating pairs / key from value; absent = the default `key=value` extraction. */
  readonly pairdelim?: string;
  readonly kvdelim?: string;
  readonly limit: number;
  readonly mvAdd: boolean;
  /** Replace non-alphanumeric key characters with `_` (CLEAN_KEYS). */
  readonly cleanKeys: boolean;
  /** `maxchars`: how many characters of `_raw` are looked at (default 10240). */
  readonly maxchars: number;
  /** `auto=false`: no automatic key=value extraction (only explicit delimiters extract). */
  readonly auto: boolean;
}

export interface ExtractCommand extends ExtractOptions {
  readonly kind: "extract";
}

/** `kv` is another name of `extract`. */
export interface KvCommand extends ExtractOptions {
  readonly kind: "kv";
}

export interface ReplaceCommand extends Base {
  readonly kind: "replace";
  readonly pairs: readonly { readonly from: string; readonly to: string }[];
  /** Fields (wildcards allowed); empty = every field not starting with `_`. */
  readonly fields: readonly string[];
}

export interface ReverseCommand extends Base {
  readonly kind: "reverse";
}

export interface TailCommand extends Base {
  readonly kind: "tail";
  readonly count: number;
}

export interface AddtotalsCommand extends Base {
  readonly kind: "addtotals";
  readonly row: boolean;
  readonly col: boolean;
  readonly fieldname: string;
  readonly labelfield?: string;
  readonly label: string;
  /** Fields to sum (wildcards allowed); empty = every numeric field. */
  readonly fields: readonly string[];
}

export interface UniqCommand extends Base {
  readonly kind: "uniq";
}

/** The union of this group's typed command nodes. */
/** `multikv`: one result per row of a table-formatted `_raw`. */
export interface MultikvCommand extends Base {
  readonly kind: "multikv";
  /** 1-based line of the header (`forceheader=`); 0 = the first line. */
  readonly forceheader: number;
  readonly noheader: boolean;
  /** Only these columns (`fields …`), else all. */
  readonly fields: readonly string[];
  /** Keep only rows containing one of these terms (`filter …`). */
  readonly filter: readonly string[];
  readonly rmorig: boolean;
  /** Copy the original event's fields to each extracted result (copyattrs, default true). */
  readonly copyattrs: boolean;
  /** Several tables in one `_raw`, each after an empty line (multitable, default true). */
  readonly multitable: boolean;
}

export type StreamCommand =
  | MultikvCommand
  | RexCommand | RegexCommand | BinCommand | BucketCommand | FillnullCommand | EventstatsCommand
  | StreamstatsCommand | MvexpandCommand | MakemvCommand | MvcombineCommand | NomvCommand | SpathCommand
  | FromjsonCommand | XmlkvCommand | ExtractCommand | KvCommand | ReplaceCommand | ReverseCommand
  | TailCommand | AddtotalsCommand | UniqCommand;
