/**
 * execute(plan, store) → result table. Runs the steps in order; a runtime error stops the search
 * and comes back as a diagnostic, never as a thrown exception.
 */
import { SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { FnContext } from "../functions/types.js";
import type { EventStore } from "../store/event-store.js";
import type { Plan } from "./plan.js";
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
  const ctx = { store, fn, warn: (d: Diagnostic) => diagnostics.push(d) };
  let table = Table.empty();
  try {
    for (const step of plan.steps) table = step(table, ctx);
  } catch (e) {
    if (e instanceof SplRuntimeError) return { table: Table.empty(), diagnostics: [...diagnostics, e.diagnostic] };
    throw e;
  }
  return { table, diagnostics };
}
