/**
 * `minispl test <detection.yml|dir>... --attack-data <root> [--attack-data-map <url-prefix=dir>]`:
 * contentctl's detection test without a Splunk server (test-runner.ts does one file; where each
 * attack data URL is on disk: test-attack-data.ts AttackDataResolver). Many files run in parallel
 * worker threads (`--jobs`, default: the machine's cores, at most 4), with a progress line on a
 * terminal. YAML that is not a detection gives no rows. Table, json (`{results, summary}`), ndjson
 * and csv (one row per test). Exit 0 only when every test passed.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { Table, toJunit, writeCsv, type JunitCase, type MacroTable, type TestStatus } from "../index.js";
import { EXIT } from "./exit-codes.js";
import { listFiles, listingWarning, loadMacros } from "./load-files.js";
import type { Io } from "./session.js";
import { parseAttackDataMaps } from "./test-attack-data.js";
import { testFiles, type TestOptions, type TestRow } from "./test-runner.js";

export type { TestOptions } from "./test-runner.js";

export async function testCommand(paths: readonly string[], opts: TestOptions, io: Io): Promise<number> {
  const maps = parseAttackDataMaps(opts.attackDataMap ?? []);
  if ("error" in maps) {
    io.err(`error: ${maps.error}\n  = hint: run \`minispl test --help\` for its arguments and options\n`);
    return EXIT.spl;
  }
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  const files = listFiles(paths, [".yml", ".yaml"], listingWarning(io), { followSymlinks: opts.followSymlinks === true });
  const jobs = Math.max(1, Math.min(opts.jobs ?? Math.min(availableParallelism(), 4), files.length));
  const progress = io.color && files.length > 20 ? (done: number) => io.err(`\r[${done}/${files.length}] detection files tested`) : () => {};
  const perFile = jobs > 1 && files.length >= 8
    ? await inWorkers(files, jobs, opts, progress)
    : inThisThread(files, macros.table, opts, progress);
  if (io.color && files.length > 20) io.err("\n");
  const results = perFile.flat();
  if (opts.junit) writeFileSync(opts.junit, toJunit(results.map(junitCase)));
  const summary = summarise(results);
  if (opts.format === "json") io.out(`${JSON.stringify({ results, summary }, null, 2)}\n`);
  else if (opts.format === "ndjson") for (const r of results) io.out(`${JSON.stringify(r)}\n`);
  else if (opts.format === "csv") writeCsv(Table.fromRows(results.map((r) => ({ ...r }))).project(CSV_FIELDS), io.out);
  else io.out(renderTable(results, summary));
  return results.every((r) => r.status === "pass") ? EXIT.ok : EXIT.failed;
}

/** The columns of `--format csv` (a TestRow's fields). */
const CSV_FIELDS: readonly (keyof TestRow)[] = ["file", "name", "test", "status", "rows", "duration_ms", "message"];

function inThisThread(files: readonly string[], macros: MacroTable, opts: TestOptions, progress: (done: number) => void): TestRow[][] {
  const out: TestRow[][] = new Array(files.length);
  testFiles(files, macros, opts, (i, rows) => {
    out[i] = rows;
    progress(i + 1);
  });
  return out;
}

/**
 * Files dealt round-robin to workers; results come back per file and keep the file order. Each
 * worker loads the attack data of its own files (once each).
 */
function inWorkers(files: readonly string[], jobs: number, opts: TestOptions, progress: (done: number) => void): Promise<TestRow[][]> {
  const out: TestRow[][] = new Array(files.length);
  let done = 0;
  const runs = Array.from({ length: jobs }, (_, w) => new Promise<void>((resolve, reject) => {
    const mine = files.map((f, i) => [i, f] as const).filter(([i]) => i % jobs === w);
    const worker = new Worker(new URL("./test-worker.js", import.meta.url), { workerData: { files: mine, opts } });
    worker.on("message", (m: { index: number; rows: TestRow[] }) => {
      out[m.index] = m.rows;
      progress(++done);
    });
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`test worker exited with code ${code}`))));
  }));
  return Promise.all(runs).then(() => out);
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
