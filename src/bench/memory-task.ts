/**
 * Child-process task: what `--data` without a cache costs in memory — ingestPaths into an
 * in-memory EventStore, compact(), then the RSS growth over the empty process per event, both
 * readings taken after full GCs (the process runs with --expose-gc).
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { EventStore, ingestPaths } from "../index.js";
import { peakRssBytes } from "./peak-rss.js";

export interface MemoryArgs {
  readonly files: readonly string[];
}

export interface MemoryResult {
  readonly events: number;
  readonly inputBytes: number;
  readonly loadMs: number;
  readonly rssDeltaBytes: number;
  readonly bytesPerEvent: number;
  readonly heapUsedBytes: number;
  readonly peakRssBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Two full GCs and a pause, so freed pages are returned before RSS is read. */
async function settledRss(): Promise<number> {
  if (!gc) throw new Error("the memory task needs node --expose-gc");
  gc();
  await sleep(200);
  gc();
  return process.memoryUsage().rss;
}

export async function memoryTask(a: MemoryArgs): Promise<MemoryResult> {
  const before = await settledRss();
  const store = new EventStore();
  const t0 = performance.now();
  const report = ingestPaths(store, a.files);
  store.compact();
  const loadMs = performance.now() - t0;
  const after = await settledRss();
  return {
    events: store.length,
    inputBytes: report.bytes,
    loadMs,
    rssDeltaBytes: after - before,
    bytesPerEvent: (after - before) / Math.max(1, store.length),
    heapUsedBytes: process.memoryUsage().heapUsed,
    peakRssBytes: peakRssBytes(),
  };
}
