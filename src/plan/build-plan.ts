/**
 * buildPlan(commands) → LogicalPlan: one node per typed command (a leading search becomes the event
 * scan; `tstats` a dataset scan read by its aggregate), then the pushdown rules (pushdown.ts).
 */
import type { Command, HeadCommand, SearchCommand, TstatsCommand } from "../ast/commands.js";
import { endsInEvents } from "./ends-in-events.js";
import { searchFields } from "./fields-read.js";
import type { CommandNode, DatasetScan, EventScan, LogicalPlan, PlanNode } from "./nodes.js";
import { OP_OF } from "./op-of.js";
import { pushDown } from "./pushdown.js";

export interface PlanOptions {
  /** Apply the pushdown rules (default true); off, each command runs as written (tests, debugging). */
  readonly pushdown?: boolean;
  /**
   * When the search ends in events (ends-in-events.ts), only its first N are wanted (the CLI's
   * events view: `--max-events`). Planned as a `head N` after the last command, which pushdown
   * turns into the scan's limit when nothing but searches comes before it, so the other events
   * are never copied out of the store. A statistics search is planned as written.
   */
  readonly eventsLimit?: number;
}

export function buildPlan(commands: readonly Command[], opts: PlanOptions = {}): LogicalPlan {
  const nodes: PlanNode[] = [];
  const last = commands[commands.length - 1];
  if (opts.eventsLimit !== undefined && last && endsInEvents(commands)) {
    const head: HeadCommand = { kind: "head", count: Math.max(0, Math.floor(opts.eventsLimit)), keeplast: false, nullTrue: false, span: last.span };
    commands = [...commands, head];
  }
  commands.forEach((c, i) => {
    if (i === 0 && c.kind === "search" && c.leading) nodes.push(eventScan(c));
    else {
      if (i === 0 && c.kind === "tstats" && c.datamodel !== null) nodes.push(datasetScan(c));
      nodes.push(commandNode(c, opts));
    }
  });
  return opts.pushdown === false ? { nodes } : pushDown({ nodes });
}

function eventScan(c: SearchCommand): EventScan {
  return { op: "scan", from: "events", filter: c.expr, subsearches: c.subsearches, projection: null, limit: null, commands: [c] };
}

function datasetScan(c: TstatsCommand): DatasetScan {
  const read = new Set<string>(c.by);
  for (const a of c.aggregates) if (a.field !== null) read.add(a.field);
  if (c.where) searchFields(c.where, read);
  return {
    op: "scan",
    from: "datamodel",
    datamodel: c.datamodel ?? "",
    ...(c.nodename ? { nodename: c.nodename } : {}),
    filter: c.where,
    projection: [...read],
    commands: [c],
  };
}

function commandNode(c: Command, opts: PlanOptions): CommandNode {
  // The events limit is the whole search's: a subsearch's results are all wanted.
  const sub: PlanOptions = opts.pushdown === false ? { pushdown: false } : {};
  return { op: OP_OF[c.kind], command: c, subplans: subpipelines(c).map((p) => buildPlan(p, sub)) };
}

/** The pipelines a command combines with its input. */
function subpipelines(c: Command): readonly (readonly Command[])[] {
  switch (c.kind) {
    case "join":
    case "append":
      return [c.subsearch];
    case "appendpipe":
      return [c.subpipeline];
    default:
      return [];
  }
}
