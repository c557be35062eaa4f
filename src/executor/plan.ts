/**
 * planPipeline(commands) → Plan: the logical plan (src/plan) and, for the in-memory executor, one
 * step `Table → Table` per node. The event scan runs here (store-scan.ts) with what pushdown gave
 * it; a dataset scan has no step of its own, because the `tstats` after it groups as it scans; every
 * other node runs its command's registry entry.
 */
import type { Command, CommandKind, CommandOf } from "../ast/commands.js";
import { COMMANDS } from "../commands/registry.js";
import type { CommandDef, ExecContext, Step } from "../commands/types.js";
import { buildPlan, type PlanOptions } from "../plan/build-plan.js";
import type { EventScan, LogicalPlan } from "../plan/nodes.js";
import { scanStore } from "./store-scan.js";
import { resolveSubsearches } from "./subsearch.js";

export interface Plan {
  readonly commands: readonly Command[];
  readonly logical: LogicalPlan;
  readonly steps: readonly Step[];
}

export function planPipeline(commands: readonly Command[], opts: PlanOptions = {}): Plan {
  const logical = buildPlan(commands, opts);
  const steps = logical.nodes.flatMap((n): Step[] => (n.op !== "scan" ? [commandStep(n.command)] : n.from === "events" ? [scanStep(n)] : []));
  return { commands, logical, steps };
}

function commandStep<K extends CommandKind>(c: CommandOf<K>): Step {
  return (COMMANDS[c.kind] as CommandDef<K>).plan(c);
}

function scanStep(scan: EventScan): Step {
  const filter = (ctx: ExecContext) => (scan.filter && scan.subsearches.size ? resolveSubsearches(scan.filter, scan.subsearches, ctx) : scan.filter);
  return (_input, ctx) => scanStore(ctx.store, filter(ctx), ctx.fn, { projection: scan.projection, limit: scan.limit });
}

