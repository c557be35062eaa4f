/**
 * The logical plan: a small closed set of relational operators between the checked commands and
 * execution (PRQL's RQ is the model). Nodes are plain data — typed commands, search expressions and
 * field names, never closures — so the in-memory executor runs them, `explain` prints them, and a
 * SQL backend can compile the same nodes.
 */
import type { Command, SearchCommand, TstatsCommand } from "../ast/commands.js";
import type { SearchExpr, SearchSubsearch } from "../ast/nodes.js";

/** The operators. `local` is any command the plan does not model (it runs as written, here). */
export type Op =
  | "scan" | "filter" | "eval" | "project" | "aggregate" | "sort" | "limit" | "dedup"
  | "join" | "union" | "window" | "unnest" | "local";

/** The base search over the event store, with what the rest of the pipeline let it do itself. */
export interface EventScan {
  readonly op: "scan";
  readonly from: "events";
  /** The search terms: the base search AND every `search` folded into it. */
  readonly filter: SearchExpr | null;
  /** The checked pipelines of the `[subsearch]`es in `filter`. */
  readonly subsearches: ReadonlyMap<SearchSubsearch, readonly Command[]>;
  /** The only fields the rest of the pipeline reads (plus `_time`), or null for all of them. */
  readonly projection: ReadonlySet<string> | null;
  /** Only the first (newest) N events are needed (`| head N` right after). */
  readonly limit: number | null;
  /** The commands this scan stands for, base search first (spans, explain). */
  readonly commands: readonly SearchCommand[];
}

/**
 * The rows of a CIM dataset, read by the `tstats` that follows it: it groups as it scans, so the
 * dataset is never materialised as a table. `projection` lists the dataset fields it reads.
 */
export interface DatasetScan {
  readonly op: "scan";
  readonly from: "datamodel";
  /** As written after `from datamodel=` (`Endpoint.Processes`), and the `nodename` when given. */
  readonly datamodel: string;
  readonly nodename?: string;
  readonly filter: SearchExpr | null;
  readonly projection: readonly string[];
  readonly commands: readonly [TstatsCommand];
}

export type ScanNode = EventScan | DatasetScan;

/** Every other operator stands for exactly one typed command. */
export interface CommandNode {
  readonly op: Exclude<Op, "scan">;
  readonly command: Command;
  /** Plans of the pipelines the command combines with its input (join, append, appendpipe). */
  readonly subplans: readonly LogicalPlan[];
}

export type PlanNode = ScanNode | CommandNode;

/** A pipeline: nodes in execution order, each reading the output of the one before. */
export interface LogicalPlan {
  readonly nodes: readonly PlanNode[];
}
