/**
 * execute(plan, store) → result table. Runs the steps in order; a runtime error stops the search
 * and comes back as a diagnostic, never as a thrown exception.
 */
import { SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { FnContext } from "../functions/types.js";
import type { EventStore } from "../store/event-store.js";
import type { ExecContext, Step } from "../commands/types.js";
import { planPipeline, type Plan } from "./plan.js";
import { Table } from "./table.js";

export interface ExecuteOptions {
  /** "now" in epoch seconds (`--now`); defaults to the wall clock at the start of the search. */
  readonly now?: number;
  /** IANA time zone for rendering and parsing times; default UTC. */
  readonly tz?: string;
}

export interface ExecuteResult {
  readonly table: Table;
  readonly diagnostics: readonly Diagnostic[];
}

export function executePlan(plan: Plan, store: EventStore, opts: ExecuteOptions = {}): ExecuteResult {
  const diagnostics: Diagnostic[] = [];
  const fn: FnContext = { now: opts.now ?? Date.now() / 1000, tz: opts.tz ?? "UTC" };
  const ctx: ExecContext = {
    store,
    fn,
    warn: (d: Diagnostic) => diagnostics.push(d),
    run: (commands, input = Table.empty()) => runSteps(planPipeline(commands).steps, input, ctx),
  };
  let table: Table;
  try {
    table = runSteps(plan.steps, Table.empty(), ctx);
  } catch (e) {
    if (e instanceof SplRuntimeError) return { table: Table.empty(), diagnostics: [...diagnostics, e.diagnostic] };
    throw e;
  }
  return { table, diagnostics };
}

function runSteps(steps: readonly Step[], input: Table, ctx: ExecContext): Table {
  let table = input;
  for (const step of steps) table = step(table, ctx);
  return table;
}
