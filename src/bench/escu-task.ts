/**
 * Child-process task: every production ESCU detection over the index, each search run the way
 * `minispl check`/`detect` run it (runnableSearch, the filter macro defaulting to `search *`,
 * ESCU's macros over the builtins, ESCU's lookups; outputlookup kept in memory, as check does).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { builtinMacros, listFiles, loadMacroFiles, parseDetection, runnableSearch, runSearch, withFilterMacro, type Detection } from "../index.js";
import { loadLookups } from "../cli/lookups.js";
import { openIndex } from "../storage/index/open-index.js";
import { peakRssBytes } from "./peak-rss.js";

export interface EscuArgs {
  readonly dir: string;
  readonly escu: string;
  readonly now: number;
}

export interface EscuResult {
  readonly detections: number;
  readonly ok: number;
  readonly failed: number;
  /** Searches that threw (a bug, not an unsupported construct). */
  readonly crashed: number;
  readonly fired: number;
  readonly loadMs: number;
  readonly runMs: number;
  readonly slowest: readonly { readonly name: string; readonly ms: number }[];
  /** The most common first error messages, with how many detections stopped on each. */
  readonly errors: Readonly<Record<string, number>>;
  readonly peakRssBytes: number;
}

export function escuTask(a: EscuArgs): EscuResult {
  const t0 = performance.now();
  const loaded = loadMacroFiles([join(a.escu, "macros")]);
  const macros = builtinMacros().with(loaded.macros);
  const lookups = loadLookups([join(a.escu, "lookups")]).store;
  const detections: Detection[] = [];
  for (const file of listFiles([join(a.escu, "detections")], [".yml", ".yaml"])) {
    const det = parseDetection(readFileSync(file, "utf8"), file).detection;
    if (det?.status === "production") detections.push(det);
  }
  const idx = openIndex(a.dir);
  const t1 = performance.now();
  const times: { name: string; ms: number }[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  let crashed = 0;
  let fired = 0;
  for (const det of detections) {
    const s = performance.now();
    try {
      const r = runSearch(runnableSearch(det.search), idx.store, { macros: withFilterMacro(det, macros), lookups, now: a.now });
      const err = r.diagnostics.find((d) => d.severity === "error");
      if (err) errors[err.message.slice(0, 120)] = (errors[err.message.slice(0, 120)] ?? 0) + 1;
      else ok++;
      if ((r.table?.length ?? 0) > 0) fired++;
    } catch (e) {
      crashed++;
      const m = `threw: ${(e as Error).message.slice(0, 110)}`;
      errors[m] = (errors[m] ?? 0) + 1;
    }
    times.push({ name: det.name, ms: Math.round(performance.now() - s) });
  }
  const runMs = performance.now() - t1;
  idx.close();
  const top = Object.entries(errors).sort((x, y) => y[1] - x[1]).slice(0, 10);
  return {
    detections: detections.length,
    ok,
    failed: detections.length - ok - crashed,
    crashed,
    fired,
    loadMs: t1 - t0,
    runMs,
    slowest: times.sort((x, y) => y.ms - x.ms).slice(0, 10),
    errors: Object.fromEntries(top),
    peakRssBytes: peakRssBytes(),
  };
}
