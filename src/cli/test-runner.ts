/**
 * Running one detection file's tests (`minispl test`), shared by the main thread and the test
 * workers (test-worker.ts): map each attack_data URL to a local file, ingest it with the entry's
 * source/sourcetype, run the search exactly as written, apply contentctl's pass criterion.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  attackDataRelativePath, EventStore, ingestPaths, parseDetection, runnableSearch, runSearch, verdict,
  withFilterMacro, type Detection, type DetectionTest, type MacroTable, type TestStatus,
} from "../index.js";
import type { CommonOptions } from "./options.js";

export interface TestOptions extends CommonOptions {
  attackData: string;
  junit?: string;
  jobs?: number;
}

export interface TestRow {
  file: string;
  name: string;
  test: string;
  status: TestStatus;
  rows: number;
  duration_ms: number;
  message: string;
}

/** All test rows of one detection file (none when it has no tests). */
export function testFile(file: string, macros: MacroTable, opts: TestOptions): TestRow[] {
  const parsed = parseDetection(readFileSync(file, "utf8"), file);
  const det = parsed.detection;
  if (!det) return [{ file, name: "", test: "", status: "error", rows: 0, duration_ms: 0, message: parsed.diagnostics[0]?.message ?? "unreadable" }];
  return det.tests.map((t) => runOne(det, t, macros, opts));
}

function runOne(det: Detection, t: DetectionTest, macros: MacroTable, opts: TestOptions): TestRow {
  const start = performance.now();
  const row = (status: TestStatus, message: string, rows = 0): TestRow => ({
    file: det.file, name: det.name, test: t.name, status, rows, duration_ms: Math.round((performance.now() - start) * 10) / 10, message,
  });
  const store = new EventStore();
  for (const a of t.attackData) {
    const rel = attackDataRelativePath(a.data);
    if (!rel) return row("error", `not an attack_data URL: ${a.data}`);
    const path = join(opts.attackData, rel);
    if (!existsSync(path)) return row("error", `missing attack data file ${path}`);
    const report = ingestPaths(store, [path], {
      ...(a.sourcetype ? { sourcetype: a.sourcetype } : {}),
      ...(a.source ? { source: a.source } : {}),
    });
    if (report.events === 0 && report.skipped.length > 0) {
      return row("error", `${path}: no event could be read (${report.skipped[0]?.reason ?? "unknown format"})`);
    }
  }
  const r = runSearch(runnableSearch(det.search), store, {
    macros: withFilterMacro(det, macros), tz: opts.tz, ...(opts.now !== undefined ? { now: opts.now } : {}),
  });
  const err = r.diagnostics.find((d) => d.severity === "error");
  if (err || !r.table) return row("error", err?.message ?? "the search did not run");
  const v = verdict(det, r.table);
  return row(v.status, v.message, r.table.length);
}

