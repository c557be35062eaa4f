/**
 * Child-process task standing in for `minispl detect <seed> --index <dir>` while the CLI has no
 * --index: what detect does (parse the YAML, filter macro `search *`, run its search) over an
 * opened index. The parent times the whole process, node start-up included.
 */
import { readFileSync } from "node:fs";
import { builtinMacros, parseDetection, runnableSearch, runSearch, withFilterMacro } from "../index.js";
import { openIndex } from "../storage/index/open-index.js";
import { peakRssBytes } from "./peak-rss.js";

export interface DetectArgs {
  readonly dir: string;
  readonly detection: string;
}

export interface DetectResult {
  readonly rows: number;
  readonly errors: readonly string[];
  readonly peakRssBytes: number;
}

export function detectTask(a: DetectArgs): DetectResult {
  const det = parseDetection(readFileSync(a.detection, "utf8"), a.detection).detection;
  if (!det) throw new Error(`${a.detection}: not a detection`);
  const idx = openIndex(a.dir);
  const r = runSearch(runnableSearch(det.search), idx.store, { macros: withFilterMacro(det, builtinMacros()) });
  idx.close();
  return { rows: r.table?.length ?? 0, errors: r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), peakRssBytes: peakRssBytes() };
}
