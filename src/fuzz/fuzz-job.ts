/**
 * One unit of fuzz work and what it found. A job runs inside a worker thread (fuzz-worker.ts) so
 * the driver can time it out and kill a hang, which a pure-JS process cannot do to itself.
 */
import { performance } from "node:perf_hooks";
import { ingestPaths } from "../adapters/index.js";
import { parseSearch } from "../frontend.js";
import { printPipeline } from "../ast/print.js";
import type { MacroTable } from "../macros/macro-table.js";
import { runSearch } from "../run.js";
import { EventStore } from "../store/event-store.js";
import { FUZZ_NOW } from "./fuzz-store.js";
import { eventRecords, type EventRecord } from "./event-records.js";

export type FuzzJob =
  | { readonly kind: "query"; readonly text: string }
  /** `records`: also return every event (record-compare.ts compares them with the original's). */
  | { readonly kind: "ingest"; readonly path: string; readonly records?: boolean };

export interface JobResult {
  /** The job itself: compile + run for a query, ingestion for a file. */
  readonly ms: number;
  /** The checks after it (the query's round trip, the file's event fingerprints). */
  readonly checkMs?: number;
  /** An exception that escaped the library: message and the top of the stack. */
  readonly threw?: string;
  /** The message of an `internal` diagnostic (the library's own safety net caught an exception). */
  readonly internal?: string;
  /** Why parse → print → parse did not give back the same printed text. */
  readonly roundTrip?: string;
  readonly events?: number;
  readonly warnings?: number;
  /** The first skipped-record warnings, `line: reason`. */
  readonly skipped?: readonly string[];
  readonly records?: readonly EventRecord[];
}

export interface JobContext {
  readonly store: EventStore;
  readonly macros: MacroTable | undefined;
}

export function runJob(job: FuzzJob, ctx: JobContext): JobResult {
  const t0 = performance.now();
  try {
    return job.kind === "query" ? queryJob(job.text, ctx, t0) : ingestJob(job, t0);
  } catch (e) {
    return { ms: performance.now() - t0, threw: describeError(e) };
  }
}

function queryJob(text: string, ctx: JobContext, t0: number): JobResult {
  const r = runSearch(text, ctx.store, { now: FUZZ_NOW, ...(ctx.macros ? { macros: ctx.macros } : {}) });
  const ms = performance.now() - t0;
  const internal = r.diagnostics.find((d) => d.code === "internal");
  const roundTrip = roundTripProblem(text, ctx.macros);
  const stack = typeof internal?.params?.stack === "string" ? ` ${frames(internal.params.stack)}` : "";
  return {
    ms, checkMs: performance.now() - t0 - ms,
    ...(internal ? { internal: `${clip(internal.message)}${stack}` } : {}), ...(roundTrip ? { roundTrip } : {}),
  };
}

/**
 * print.ts claims to be the basis of round trips: a search that parses without errors prints to
 * SPL that parses again without errors and prints to the same text (print is a fixed point).
 */
export function roundTripProblem(text: string, macros?: MacroTable): string | undefined {
  const opts = macros ? { macros } : {};
  const first = parseSearch(text, opts);
  if (!first.pipeline || first.diagnostics.some((d) => d.severity === "error")) return undefined;
  const printed = printPipeline(first.pipeline);
  const second = parseSearch(printed, opts);
  const err = second.diagnostics.find((d) => d.severity === "error");
  if (!second.pipeline || err) return `printed text does not parse (${err?.message ?? "no pipeline"}): ${clip(printed)}`;
  const again = printPipeline(second.pipeline);
  if (again !== printed) return `print is not a fixed point: ${clip(printed)} → ${clip(again)}`;
  return undefined;
}

function ingestJob(job: FuzzJob & { kind: "ingest" }, t0: number): JobResult {
  const store = new EventStore();
  const report = ingestPaths(store, [job.path]);
  const ms = performance.now() - t0;
  const records = job.records ? eventRecords(store, job.path) : undefined;
  return {
    ms, checkMs: performance.now() - t0 - ms, events: report.events, warnings: report.skipped.length,
    ...(records ? { records } : {}), skipped: report.skipped.slice(0, 20).map((s) => `${s.line}: ${s.reason}`),
  };
}

export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return `${e.name}: ${clip(e.message)} ${frames(e.stack ?? "")}`;
}

/** Where it threw: the top three frames, enough to find the line without the whole trace. */
function frames(stack: string): string {
  return stack.split("\n").filter((l) => l.trim().startsWith("at ")).slice(0, 3).map((l) => l.trim()).join(" ← ");
}

function clip(s: string, n = 300): string {
  return s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s;
}
