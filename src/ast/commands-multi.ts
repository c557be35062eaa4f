/**
 * Typed nodes of one command group. Commands over several result sets or generated ones: union, multisearch, set, selfjoin, gentimes, return, format, cluster.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";
import type { Subpipeline } from "./commands-combine.js";

interface Base {
  readonly span: Span;
}

/** One dataset of `union`: a checked subsearch, or a named dataset run by its SPL text. */
export type UnionDataset =
  | { readonly kind: "subsearch"; readonly commands: Subpipeline; readonly streaming: boolean; readonly span: Span }
  /** `datamodel:"M.D"`, `inputlookup:"file"`, `savedsearch:"name"`: `spl` is the search that reads it. */
  | { readonly kind: "named"; readonly type: "datamodel" | "inputlookup" | "savedsearch"; readonly name: string; readonly spl: string; readonly span: Span };

/** `union [maxtime=… maxout=N timeout=…] <dataset>...`. */
export interface UnionCommand extends Base {
  readonly kind: "union";
  readonly datasets: readonly UnionDataset[];
  /** Rows kept per dataset when the union appends (non-streaming datasets). */
  readonly maxout: number;
  /** First in the pipeline: there is no incoming result set. */
  readonly leading: boolean;
}

/** `| multisearch <subsearch> <subsearch>...`: streaming subsearches, results interleaved by _time. */
export interface MultisearchCommand extends Base {
  readonly kind: "multisearch";
  readonly subsearches: readonly Subpipeline[];
}

/** `| set union|diff|intersect <subsearch> <subsearch>`. */
export interface SetCommand extends Base {
  readonly kind: "set";
  readonly op: "union" | "diff" | "intersect";
  readonly left: Subpipeline;
  readonly right: Subpipeline;
}

/** `selfjoin [overwrite=bool] [max=N] [keepsingle=bool] <field>...`. */
export interface SelfjoinCommand extends Base {
  readonly kind: "selfjoin";
  readonly fields: readonly string[];
  readonly overwrite: boolean;
  /** Other results each result joins with; 0 = no limit. */
  readonly max: number;
  readonly keepsingle: boolean;
}

/** A gentimes time: `MM/DD/YYYY[:HH:MM:SS]` in the search's zone, or midnight `days` from today (-5 = five days ago). */
export type GentimesTime =
  | { readonly kind: "date"; readonly text: string }
  | { readonly kind: "days"; readonly days: number };

/** `| gentimes start=<time> [end=<time>] [increment=<int>[s|m|h|d]]`. */
export interface GentimesCommand extends Base {
  readonly kind: "gentimes";
  readonly start: GentimesTime;
  /** Undefined = midnight before the search's "now". */
  readonly end?: GentimesTime;
  /** Seconds, > 0. */
  readonly increment: number;
}

/** One item of `return`: `field` (field=value), `alias=field` (alias=value) or `$field` (the value alone). */
export interface ReturnItem {
  readonly field: string;
  /** The name written before the value; null for `$field`. */
  readonly as: string | null;
}

/** `return [<count>] [<alias>=<field>...] [<field>...] [$<field>...]`. */
export interface ReturnCommand extends Base {
  readonly kind: "return";
  readonly count: number;
  readonly items: readonly ReturnItem[];
}

/** The six strings that frame format's output. */
export interface FormatFrame {
  readonly rowPrefix: string;
  readonly colPrefix: string;
  readonly colSep: string;
  readonly colEnd: string;
  readonly rowSep: string;
  readonly rowEnd: string;
}

/** `format [mvsep=…] [maxresults=N] ["(" "(" "AND" ")" "OR" ")"] [emptystr=…]`. */
export interface FormatCommand extends Base {
  readonly kind: "format";
  readonly frame: FormatFrame;
  readonly mvsep: string;
  /** 0 = all results. */
  readonly maxresults: number;
  readonly emptystr: string;
}

/** `cluster [t=…] [delims=…] [showcount=…] [countfield=…] [field=…] [labelfield=…] [labelonly=…] [match=…]`. */
export interface ClusterCommand extends Base {
  readonly kind: "cluster";
  readonly threshold: number;
  /** Null = every character except 0-9, A-Z, a-z and `_`. */
  readonly delims: string | null;
  readonly showcount: boolean;
  readonly countfield: string;
  readonly field: string;
  readonly labelfield: string;
  readonly labelonly: boolean;
  readonly match: "termlist" | "termset" | "ngramset";
}

/** The union of this group's typed commands. */
export type MultiCommand =
  | UnionCommand | MultisearchCommand | SetCommand | SelfjoinCommand | GentimesCommand | ReturnCommand
  | FormatCommand | ClusterCommand;
