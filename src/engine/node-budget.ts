/**
 * A search budget on Node: the core's SearchBudget (executor/budget.ts) reads memory through a
 * probe so that it stays platform-neutral; this is the probe, and the default memory budget,
 * for the Engine, the CLI and the REPL.
 *
 * The probe is V8's used heap (`v8.getHeapStatistics().used_heap_size`, a few microseconds): that
 * is the memory whose exhaustion kills the process ("JavaScript heap out of memory"), which no
 * catch can turn into a diagnostic. Typed arrays (the event store's columns) live outside it.
 * Used heap counts garbage not yet collected, so the measure is approximate, as Splunk's own
 * `max_mem_usage_mb` estimate is ("can deviate by an order of magnitude", limits.conf.spec).
 */
import { getHeapStatistics } from "node:v8";
import type { BudgetOptions } from "../executor/budget.js";

/** The share of V8's heap limit (`--max-old-space-size`) a search may fill by default. */
export const DEFAULT_HEAP_SHARE = 0.85;

/** What a caller may set of a search's budget (the rest comes from Node). */
export interface BudgetLimits {
  /** Wall-clock milliseconds (default 300 s; 0: no limit). */
  readonly timeoutMs?: number;
  /** Rows of any one table (default 50,000,000; 0: no limit). */
  readonly maxRows?: number;
  /** Bytes of heap the search may add (default: up to 85% of V8's heap limit; 0: no limit). */
  readonly maxMemoryBytes?: number;
}

export function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

/** What a search may add to the heap by default: up to 85% of the heap limit, at least 64 MB. */
export function defaultMaxMemoryBytes(): number {
  const s = getHeapStatistics();
  return Math.max(64 * 1_048_576, s.heap_size_limit * DEFAULT_HEAP_SHARE - s.used_heap_size);
}

/** BudgetOptions for one search on Node: the caller's limits, the heap probe and the default memory budget. */
export function nodeBudget(limits: BudgetLimits = {}, extra: Omit<BudgetOptions, keyof BudgetLimits | "memoryUsed"> = {}): BudgetOptions {
  return {
    ...extra,
    ...(limits.timeoutMs !== undefined ? { timeoutMs: limits.timeoutMs } : {}),
    ...(limits.maxRows !== undefined ? { maxRows: limits.maxRows } : {}),
    maxMemoryBytes: limits.maxMemoryBytes ?? defaultMaxMemoryBytes(),
    memoryUsed: heapUsed,
  };
}
