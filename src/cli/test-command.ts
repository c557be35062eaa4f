/**
 * `minispl test <detection.yml|dir>... --attack-data <root>`: contentctl's detection test without a
 * Splunk server. Each `tests:` entry's attack data is read from `<root>/<path of the URL>` with the
 * entry's source and sourcetype, the search runs exactly as written, and contentctl's pass
 * criterion decides (src/testing/verdict.ts). Exit 0 only when every test passed.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  attackDataRelativePath, EventStore, ingestPaths, parseDetection, runnableSearch, runSearch, toJunit, verdict,
  withFilterMacro, type Detection, type DetectionTest, type JunitCase, type TestStatus,
} from "../index.js";
import { EXIT } from "./exit-codes.js";
import { listFiles, loadMacros, type MacroLoad } from "./load-files.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./session.js";

export interface TestOptions extends CommonOptions {
  attackData: string;
  junit?: string;
}

interface TestRow {
  file: string;
  name: string;
  test: string;
  status: TestStatus;
  rows: number;
  duration_ms: number;
  message: string;
}

export function testCommand(paths: readonly string[], opts: TestOptions, io: Io): number {
  const macros = loadMacros(opts.macros);
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const results: TestRow[] = [];
  const files = listFiles(paths, [".yml", ".yaml"]);
  files.forEach((file, i) => {
    const parsed = parseDetection(readFileSync(file, "utf8"), file);
    const det = parsed.detection;
    if (!det) {
      results.push({ file, name: "", test: "", status: "error", rows: 0, duration_ms: 0, message: parsed.diagnostics[0]?.message ?? "unreadable" });
      return;
    }
    if (det.tests.length === 0) return;
    for (const t of det.tests) results.push(runOne(det, t, macros, opts));
    if (io.color && files.length > 20) io.err(`\r[${i + 1}/${files.length}] ${det.name.slice(0, 60).padEnd(60)}`);
  });
  if (io.color && files.length > 20) io.err("\n");
  if (opts.junit) writeFileSync(opts.junit, toJunit(results.map(junitCase)));
  const summary = summarise(results);
  if (opts.format === "json") io.out(`${JSON.stringify({ results, summary }, null, 2)}\n`);
  else io.out(renderTable(results, summary));
  return results.every((r) => r.status === "pass") ? EXIT.ok : EXIT.failed;
}

function runOne(det: Detection, t: DetectionTest, macros: MacroLoad, opts: TestOptions): TestRow {
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
    macros: withFilterMacro(det, macros.table), tz: opts.tz, ...(opts.now !== undefined ? { now: opts.now } : {}),
  });
  const err = r.diagnostics.find((d) => d.severity === "error");
  if (err || !r.table) return row("error", err?.message ?? "the search did not run");
  const v = verdict(det, r.table);
  return row(v.status, v.message, r.table.length);
}

function junitCase(r: TestRow): JunitCase {
  return { suite: r.name || r.file, name: r.test || r.file, status: r.status, message: r.message, durationMs: r.duration_ms };
}

function summarise(results: readonly TestRow[]): Record<string, number> {
  const times = results.map((r) => r.duration_ms).sort((a, b) => a - b);
  const count = (s: TestStatus) => results.filter((r) => r.status === s).length;
  return {
    total: results.length, pass: count("pass"), fail: count("fail"), error: count("error"),
    median_ms: times.length ? (times[Math.floor((times.length - 1) / 2)] as number) : 0,
  };
}

function renderTable(results: readonly TestRow[], s: Record<string, number>): string {
  const lines = results.map((r) => `${r.status.toUpperCase().padEnd(5)} ${r.name} — ${r.test} (${r.rows} rows, ${r.duration_ms} ms)${r.status === "pass" ? "" : `: ${r.message}`}`);
  lines.push("", `${s.pass} passed, ${s.fail} failed, ${s.error} errors; median ${s.median_ms} ms per test`);
  return `${lines.join("\n")}\n`;
}
