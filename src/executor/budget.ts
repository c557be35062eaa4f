/**
 * A search's budget: wall time, rows per table, memory, and cancellation. Attacker-written events
 * and queries (`| makeresults count=100000000`, `mvrange` + `mvexpand`, `map maxsearches=1e9`)
 * must end with a diagnostic naming the budget and how to raise it, not run until killed, so
 * that the next detection of a batch runs.
 *
 * The core is synchronous and platform-neutral (a browser build is planned), so nothing here
 * reads Node's heap: memory comes from a probe the caller injects (the CLI and Engine pass
 * `v8.getHeapStatistics().used_heap_size`, engine/node-budget.ts), and cancellation from an
 * AbortSignal or a shared Int32Array that another thread sets. A synchronous search cannot see
 * an AbortSignal fired by its own thread's timers, so the flag is what a worker host sets
 * (engine/async-engine.ts, the REPL's Ctrl-C).
 *
 * `check()` is cheap (a flag load, a clock read, the memory probe) and runs between commands;
 * loops whose work is not bounded by their input call `tick(n)`, which checks every CHECK_EVERY
 * units of work. Code that sees only an FnContext (the store scan, functions) reaches `tick`
 * through `FnContext.checkpoint`.
 */
import { diag, SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../source/source-text.js";

/** Generous but finite: the slowest ESCU detection over a 1M-event index takes ~40 s (README, Performance). */
export const DEFAULT_TIMEOUT_MS = 300_000;
/**
 * Rows of any one table (results or between commands). A 10M-event index searched with `index=*`
 * fits; `| makeresults count=100000000` does not, and fails before it allocates anything.
 */
export const DEFAULT_MAX_ROWS = 50_000_000;
/** Units of work between two checks in tick(): a few microseconds of checking per ~1 ms of work. */
const CHECK_EVERY = 4096;

export interface BudgetOptions {
  /** Wall-clock milliseconds the search may run (default 300 s); 0 or Infinity: no limit. */
  readonly timeoutMs?: number;
  /** Most rows of any one table, results or intermediate (default 50,000,000); Infinity: no limit. */
  readonly maxRows?: number;
  /** Bytes the search may add to what `memoryUsed` reported when it started; needs `memoryUsed`. */
  readonly maxMemoryBytes?: number;
  /** Bytes in use now (Node: v8.getHeapStatistics().used_heap_size); without it memory is not checked. */
  readonly memoryUsed?: () => number;
  /** Aborting ends the search with `error[cancelled]` at its next check. */
  readonly signal?: AbortSignal;
  /** A flag another thread sets (Atomics.store(flag, 0, 1)) to cancel, e.g. over a SharedArrayBuffer. */
  readonly cancelFlag?: Int32Array;
  /** Who cancels, for the message: "Ctrl-C", "AbortSignal"… (default "cancelled by the caller"). */
  readonly cancelledBy?: string;
  /** How to raise each budget, for the hints (the CLI names its flags; the default names both). */
  readonly raise?: Partial<Record<BudgetKind, string>>;
  /** Milliseconds clock; tests pin it. Default Date.now. */
  readonly clock?: () => number;
}

export type BudgetKind = "time" | "rows" | "memory";

const RAISE: Record<BudgetKind, string> = {
  time: "raise it with --timeout <seconds> (library: the timeoutMs option)",
  rows: "raise it with --max-rows <n> (library: the maxRows option)",
  memory: "raise it with --max-memory <MB> (library: the maxMemoryBytes option)",
};

export class SearchBudget {
  readonly timeoutMs: number;
  readonly maxRows: number;
  readonly maxMemoryBytes: number;
  private readonly deadline: number;
  private readonly baseline: number;
  private readonly clock: () => number;
  private work = 0;
  private nextCheck = CHECK_EVERY;

  constructor(private readonly opts: BudgetOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.timeoutMs = positiveOr(opts.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.maxRows = positiveOr(opts.maxRows, DEFAULT_MAX_ROWS);
    this.maxMemoryBytes = opts.memoryUsed ? positiveOr(opts.maxMemoryBytes, Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    this.deadline = this.clock() + this.timeoutMs;
    this.baseline = opts.memoryUsed && Number.isFinite(this.maxMemoryBytes) ? opts.memoryUsed() : 0;
  }

  /** Throws `error[cancelled]` or `error[budget]` when the search must end now. */
  check(span?: Span): void {
    const { signal, cancelFlag } = this.opts;
    if ((cancelFlag && Atomics.load(cancelFlag, 0) !== 0) || signal?.aborted) {
      throw new SplRuntimeError(diag("cancelled", { by: this.opts.cancelledBy ?? "cancelled by the caller" }, span));
    }
    if (this.clock() > this.deadline) this.fail("time", `the search ran past its time budget of ${seconds(this.timeoutMs)}`, span);
    if (Number.isFinite(this.maxMemoryBytes)) {
      const grown = (this.opts.memoryUsed?.() ?? 0) - this.baseline;
      if (grown > this.maxMemoryBytes) this.fail("memory", `the search grew the heap by ${mb(grown, Math.ceil)}, more than its memory budget of ${mb(this.maxMemoryBytes)}`, span);
    }
  }

  /** Counts n units of work (rows made, searches run) and checks every few thousand. */
  tick(n = 1, span?: Span): void {
    this.work += n;
    if (this.work < this.nextCheck) return;
    this.nextCheck = this.work + CHECK_EVERY;
    this.check(span);
  }

  /** Throws `error[budget]` when a table of `count` rows, made by `what`, would pass the row budget. */
  rows(count: number, what: string, span?: Span): void {
    if (count > this.maxRows) {
      this.fail("rows", `${what} would make ${count.toLocaleString("en-US")} rows, more than the search's row budget of ${this.maxRows.toLocaleString("en-US")}`, span);
    }
  }

  private fail(budget: BudgetKind, message: string, span: Span | undefined): never {
    const limit = budget === "time" ? seconds(this.timeoutMs) : budget === "memory" ? mb(this.maxMemoryBytes) : `${this.maxRows} rows`;
    const hint = this.opts.raise?.[budget] ?? RAISE[budget];
    throw new SplRuntimeError(diag("budget", { budget, limit, message }, span, { hints: [hint] }));
  }
}

/** A budget error or cancellation, as opposed to an error in the query. */
export function isBudgetStop(d: Diagnostic): boolean {
  return d.code === "budget" || d.code === "cancelled";
}

function positiveOr(v: number | undefined, fallback: number): number {
  if (v === undefined || Number.isNaN(v)) return fallback;
  return v <= 0 ? Number.POSITIVE_INFINITY : v;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** Megabytes for a message; growth is rounded up, so it never reads as equal to the budget it passed. */
function mb(bytes: number, round: (x: number) => number = Math.round): string {
  return `${round(bytes / 1_048_576).toLocaleString("en-US")} MB`;
}
