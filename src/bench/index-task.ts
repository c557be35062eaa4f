/**
 * Child-process task: buildIndex over the incident set (buildIndexParallel with `jobs` worker
 * threads, as `minispl index` does). Its own process, so the peak RSS (worker threads included)
 * is the indexer's alone; CPU time is reported too because wall time on a shared machine
 * includes waiting for a core.
 */
import { performance } from "node:perf_hooks";
import { buildIndex, buildIndexParallel } from "../storage/index/build-index.js";
import { peakRssBytes } from "./peak-rss.js";

export interface IndexArgs {
  readonly files: readonly string[];
  readonly dir: string;
  /** Worker threads (one input file each); 1 indexes in the main thread. */
  readonly jobs: number;
}

export interface IndexResult {
  readonly events: number;
  readonly inputBytes: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly parts: number;
  readonly skipped: number;
  readonly sourcetypes: Readonly<Record<string, number>>;
  readonly datasets: Readonly<Record<string, number>>;
  readonly peakRssBytes: number;
}

export async function indexTask(a: IndexArgs): Promise<IndexResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const s = a.jobs > 1 ? await buildIndexParallel(a.files, a.dir, { jobs: a.jobs }) : buildIndex(a.files, a.dir, {});
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    events: s.events,
    inputBytes: s.inputBytes,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    parts: s.manifest.files.reduce((n, f) => n + f.parts.length, 0),
    skipped: s.skipped.length,
    sourcetypes: s.sourcetypes,
    datasets: s.datasets,
    peakRssBytes: peakRssBytes(),
  };
}
