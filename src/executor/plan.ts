/**
 * planPipeline(commands) → Plan: the logical plan (src/plan) and, for the in-memory executor, one
 * step `Table → Table` per node. The event scan runs here (store-scan.ts) with what pushdown gave
 * it, and a `stats` right after it groups the scanned store rows without a table between them
 * (scan-stats.ts); a dataset scan has no step of its own, because the `tstats` after it groups as
 * it scans; every other node runs its command's registry entry.
 */
import type { Command, CommandKind, CommandOf, StatsCommand } from "../ast/commands.js";
import type { SearchExpr } from "../ast/nodes.js";
import type { Span } from "../source/source-text.js";
import { COMMANDS } from "../commands/registry.js";
import type { CommandDef, ExecContext, Step } from "../commands/types.js";
import { buildPlan, type PlanOptions } from "../plan/build-plan.js";
import type { EventScan, LogicalPlan, PlanNode } from "../plan/nodes.js";
import { statsFusable, statsOverRows } from "./scan-stats.js";
import { materialise, scanRows, scanStore } from "./store-scan.js";
import { unknownFieldWarnings, unknownValueWarnings } from "./field-hints.js";
import { resolveSubsearches } from "./subsearch.js";

export interface Plan {
  readonly commands: readonly Command[];
  readonly logical: LogicalPlan;
  readonly steps: readonly Step[];
  /** The span of the command each step runs (a scan: its base search), for errors while it runs. */
  readonly stepSpans: readonly (Span | undefined)[];
}

export function planPipeline(commands: readonly Command[], opts: PlanOptions = {}): Plan {
  const logical = buildPlan(commands, opts);
  const steps: Step[] = [];
  const stepSpans: (Span | undefined)[] = [];
  const nodes = logical.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as PlanNode;
    if (n.op !== "scan" || n.from === "events") stepSpans.push(n.op === "scan" ? n.commands[0]?.span : n.command.span);
    if (n.op !== "scan") steps.push(commandStep(n.command));
    else if (n.from === "events") {
      // stats right after the scan groups the store rows itself (scan-stats.ts), skipping the table.
      const next = nodes[i + 1];
      const stats = next?.op === "aggregate" && next.command.kind === "stats" && n.limit === null && opts.pushdown !== false ? next.command : null;
      if (stats && statsFusable(stats)) {
        steps.push(scanStatsStep(n, stats));
        i++;
      } else steps.push(scanStep(n));
    }
  }
  return { commands, logical, steps, stepSpans };
}

function commandStep<K extends CommandKind>(c: CommandOf<K>): Step {
  return (COMMANDS[c.kind] as CommandDef<K>).plan(c);
}

function scanFilter(scan: EventScan, ctx: ExecContext): SearchExpr | null {
  return scan.filter && scan.subsearches.size ? resolveSubsearches(scan.filter, scan.subsearches, ctx) : scan.filter;
}

/** The source id of the search text itself, as opposed to a macro body's: frontend.ts adds it first. */
const QUERY_SOURCE = 0;

function scanStep(scan: EventScan): Step {
  return (_input, ctx) => {
    const filter = scanFilter(scan, ctx);
    const t = scanStore(ctx.store, filter, ctx.fn, { projection: scan.projection, limit: scan.limit });
    // Found nothing: a sourcetype or source no event has is the likely reason (field-hints.ts).
    if (t.length === 0) for (const w of unknownValueWarnings(filter, ctx.store, QUERY_SOURCE)) ctx.warn(w);
    return t;
  };
}

function scanStatsStep(scan: EventScan, stats: StatsCommand): Step {
  const onTable = commandStep(stats);
  return (_input, ctx) => {
    const filter = scanFilter(scan, ctx);
    const rows = scanRows(ctx.store, filter, ctx.fn);
    if (rows.length > 0) for (const w of unknownFieldWarnings("stats", stats.by, [], ctx.store, stats.span)) ctx.warn(w);
    else for (const w of unknownValueWarnings(filter, ctx.store, QUERY_SOURCE)) ctx.warn(w);
    return statsOverRows(ctx.store, rows, stats, ctx.fn.checkpoint) ?? onTable(materialise(ctx.store, rows, scan.projection ?? undefined, ctx.fn), ctx);
  };
}

