/**
 * `npm run bench` (not a test): issue 9's benchmark table over an incident set of real records
 * (incident.ts), each figure beside its anchor measured in the same run, printed as one JSON
 * object on stdout (progress on stderr). Every measure runs in a child process (task.ts) from a
 * snapshot of the built code (code-snapshot.ts), so its peak RSS and cold start are its own. A
 * measure that fails is listed under not_measured and the others still run. The set, the index
 * and the snapshot live in a temp folder deleted at the end. Options: bench-options.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readManifest } from "../storage/index/manifest.js";
import { parseBenchArgs, type BenchOptions, type Measure } from "./bench-options.js";
import { snapshotCode } from "./code-snapshot.js";
import { writeIncidentSet } from "./incident.js";
import { machineInfo, uptimeLoad } from "./machine.js";
import { measureChdb } from "./measure-chdb.js";
import { measureDetect } from "./measure-detect.js";
import { measureEscu } from "./measure-escu.js";
import { measureHostile } from "./measure-hostile.js";
import { measureIndex, measureXmlAnchor } from "./measure-index.js";
import { measureMatching } from "./measure-matching.js";
import { measureMemory } from "./measure-memory.js";
import { measurePrecision } from "./measure-precision.js";
import { measureQuery } from "./measure-query.js";
import { QUERIES } from "./queries.js";
import { readRealRecords } from "./real-records.js";
import { SEED_DETECTION } from "./seed.js";
import { MB, round } from "./stats.js";

const START_MS = Date.UTC(2024, 5, 17);
const SPAN_MS = 14 * 86_400_000;
/** Source text per event plus index, with headroom: refuse to start rather than fill the disk. */
const DISK_BYTES_PER_EVENT = 2_500;

const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);

async function main(opts: BenchOptions, out: Record<string, unknown>): Promise<void> {
  const free = statfsSync(opts.tmp);
  const need = opts.events * DISK_BYTES_PER_EVENT;
  if (free.bavail * free.bsize < need) throw new Error(`${opts.tmp} has ${round((free.bavail * free.bsize) / 1e9, 1)} GB free; ${opts.events} events need about ${round(need / 1e9, 1)} GB`);
  const root = mkdtempSync(join(opts.tmp, "minispl-bench-"));
  const cleanup = (): void => {
    if (!opts.keep) rmSync(root, { recursive: true, force: true });
  };
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    await measureAll(opts, root, out);
    if (opts.keep) out.kept = root;
  } finally {
    cleanup();
  }
}

async function measureAll(opts: BenchOptions, root: string, out: Record<string, unknown>): Promise<void> {
  const dist = snapshotCode(root);
  const src = join(root, "source");
  const idxDir = join(root, "index");
  mkdirSync(src);
  const notMeasured: string[] = [];
  out.not_measured = notMeasured;
  const attempt = async (measure: Measure | "query", what: string, fn: () => Promise<void>): Promise<void> => {
    if (measure !== "query" && opts.skip.has(measure)) {
      notMeasured.push(opts.large && measure === "escu" ? `${what}: not run at 10M (the table's row is over the 1M index; run without --large)` : `${what}: skipped (--skip ${measure})`);
      return;
    }
    log(what);
    try {
      await fn();
    } catch (e) {
      notMeasured.push(`${what}: failed: ${(e as Error).message}`);
      log(`${what} failed: ${(e as Error).message}`);
    }
  };

  log(`reading real records under ${opts.shared}datasets`);
  const pool = readRealRecords(join(opts.shared, "datasets"));
  log(`writing ${opts.events} events into ${src}`);
  const set = writeIncidentSet(pool, src, {
    events: opts.events, fileBytes: opts.fileBytes, seed: opts.seed, hosts: Math.min(5000, Math.max(16, Math.round(opts.events / 1000))), startMs: START_MS, endMs: START_MS + SPAN_MS,
  });
  out.incident_set = {
    events: set.events, files: set.files.length, mb: round(set.bytes / MB), bytes_per_event: round(set.bytes / set.events), hosts: set.hosts, kinds: set.kinds,
    real_records: { records: pool.records.length, from_files: pool.files, per_kind: pool.kinds },
    generate_s: round(set.ms / 1000, 1),
  };

  log(`indexing ${round(set.bytes / MB)} MB with ${opts.jobs} job(s)`);
  const rows = await measureIndex(dist, set, idxDir, opts.jobs);
  Object.assign(out, rows);
  await attempt("anchor", "fast-xml-parser anchor", async () => {
    Object.assign(rows.index_throughput, await measureXmlAnchor(dist, set, opts.anchorBytes, Number(rows.index_throughput.mb_per_s)));
  });
  await attempt("memory", "in-memory store", async () => {
    out.in_memory_store = await measureMemory(dist, set, opts.memoryEvents);
  });

  const manifest = readManifest(idxDir);
  if (!manifest) throw new Error(`${idxDir}: no manifest after buildIndex`);
  const now = Math.floor((START_MS + SPAN_MS) / 1000) + 3600;
  await attempt("detect", "seed detect --index, cold", async () => {
    const d = await measureDetect(dist, idxDir, join(opts.shared, SEED_DETECTION), opts.runs);
    const large = opts.events >= 10_000_000;
    const s = Number(d.median_s);
    const rss = d.peak_rss_mb === null ? null : Number(d.peak_rss_mb);
    out.detect_seed_index_cold = { ...d, ...(large ? { target: "≤ 2 s, peak RSS ≤ 1 GB (10M)", met: s <= 2 && rss !== null && rss <= 1000 } : { target: "≤ 0.6 s (1M)", met: s <= 0.6 }) };
  });
  for (const q of QUERIES) {
    if (opts.skip.has("queries")) break;
    await attempt("query", q.name, async () => {
      const r = await measureQuery(q, { dist, dir: idxDir, manifest, runs: opts.runs, now });
      const first = (r.minispl as { first_run_ms: number }).first_run_ms;
      const duck = r.duckdb as { threads_1_ms?: number };
      out[q.name] = q.name === "seed_tstats_first_run"
        ? { ...r, target: "≤ DuckDB (1 thread) in the same run; ratio goal ≤ 2× at 10M", met: duck.threads_1_ms !== undefined ? first <= duck.threads_1_ms : null }
        : { ...r, target: "≤ 1 s", met: first <= 1000 };
    });
  }
  if (opts.skip.has("queries")) notMeasured.push("searches and their DuckDB anchors: skipped (--skip queries)");
  await attempt("escu", "all production ESCU detections", async () => {
    out.escu_production = await measureEscu(dist, idxDir, opts.shared, now);
  });
  await attempt("matching", "ESCU wildcards and regexes on a 100 KB and a 1 MB field", async () => {
    out.matching_1mb_field = measureMatching(opts.shared);
  });
  await attempt("hostile", "hostile inputs at two sizes, and the events view from a cached index", async () => {
    out.hostile_scaling = measureHostile(dist, opts.shared, opts.runs, root);
  });
  await attempt("precision", "eval arithmetic with the numeric precision model vs the same operators without it", async () => {
    out.eval_precision_model = measurePrecision(300_000, Math.max(5, opts.runs));
  });
  await attempt("chdb", `seed + 5 group-heavy tstats over ${opts.chdbEvents} synthetic events: chDB vs in-memory vs DuckDB`, () => measureChdb(dist, { events: opts.chdbEvents, runs: opts.runs, jobs: opts.jobs, seed: opts.seed, tmp: opts.tmp, root }, out));
}

const t0 = performance.now();
const out: Record<string, unknown> = {};
try {
  const opts = parseBenchArgs(process.argv.slice(2));
  out.machine = machineInfo();
  out.load = { start: uptimeLoad() };
  out.options = { events: opts.events, large: opts.large, runs: opts.runs, index_jobs: opts.jobs, file_mb: opts.fileBytes / MB, skipped: [...opts.skip] };
  await main(opts, out);
} catch (e) {
  out.error = (e as Error).message;
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
out.load = { ...(out.load as object), end: uptimeLoad() };
out.bench_wall_s = round((performance.now() - t0) / 1000, 1);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
