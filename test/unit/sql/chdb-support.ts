// Shared by the chDB tests: one chDB connection per test file (or the reason it cannot load), and
// a search run through the SQL compiler + chDB next to the same search in memory.
import { expect } from "vitest";
import { compile, runSearch } from "../../../src/run.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import type { PushdownReport } from "../../../src/sql/types.js";
import { openBackend, type SqlBackend } from "../../../src/storage/clickhouse/backend.js";
import { presentFields } from "../../../src/storage/clickhouse/present-fields.js";
import { rowsToTable } from "../../../src/storage/clickhouse/rows-to-table.js";
import type { EventStore } from "../../../src/store/event-store.js";
import type { Value } from "../../../src/values/value.js";

/**
 * chDB, or why not (the tests then skip and say so), and how to close it. chDB installs one
 * process "exit" hook the first time a session opens; test files share a process (isolate:
 * false), so closing also takes that hook away again (the leak guard would see it), after the
 * session it was there to close is closed.
 */
export async function openChdb(): Promise<{ backend: SqlBackend | null; why: string; close: () => Promise<void> }> {
  const before = new Set(process.listeners("exit"));
  try {
    const backend = await openBackend("chdb");
    const close = async () => {
      await backend.close();
      for (const l of process.listeners("exit")) if (!before.has(l)) process.removeListener("exit", l);
    };
    return { backend, why: "", close };
  } catch (e) {
    const why = (e as Error).message;
    console.warn(`skipping the chDB tests: ${why}`);
    return { backend: null, why, close: async () => undefined };
  }
}

export interface PushedRun {
  readonly report: PushdownReport;
  readonly fields: readonly string[];
  readonly rows: Record<string, Value>[];
}

/** The search's pushed prefix run on `backend` (it must push all of a tstats-only search). */
export async function runPushed(query: string, store: EventStore, backend: SqlBackend): Promise<PushedRun> {
  const compiled = compile(query);
  if (!compiled.plan) throw new Error(`does not compile: ${compiled.diagnostics.map((d) => d.message).join("; ")}`);
  const report = compilePushdown(compiled.plan.logical, { now: 1_700_100_000, tz: "UTC", storeFields: store.fieldNames() });
  const pushed = report.pushed;
  if (!pushed) throw new Error(`not pushed: ${report.stop?.reason}`);
  await backend.prepare(store, pushed.tables);
  const rows = await backend.query(pushed.sql);
  const table = rowsToTable(rows, pushed.columns, await presentFields(backend, pushed, rows));
  return { report, fields: table.fields, rows: table.rows() };
}

/**
 * Runs `query` in memory and pushed completely to `backend`, and expects the same fields and rows
 * (the memory run without errors); returns the in-memory rows for further checks.
 */
export async function expectPushedSame(query: string, store: EventStore, backend: SqlBackend, now: number): Promise<Record<string, Value>[]> {
  const memory = runSearch(query, store, { now });
  expect(memory.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const pushed = await runPushed(query, store, backend);
  expect(pushed.report.stop).toBeNull();
  expect(pushed.fields).toEqual(memory.table!.fields);
  expect(pushed.rows).toEqual(memory.table!.rows());
  return memory.table!.rows();
}
