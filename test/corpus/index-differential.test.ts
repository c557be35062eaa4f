/**
 * Issue 9 acceptance, on all of ../shared/datasets: one on-disk index built over every dataset file
 * must answer every production ESCU detection exactly as the in-memory store over the same files
 * (same rows in the same order, same fields, or the same error), with ESCU's macros and lookups and
 * one fixed `now`; the in-memory store must answer each one the same with the plan's pushdown rules
 * turned off (src/plan/pushdown.ts: they may only ever make a search cheaper); and DuckDB must count the same events per sourcetype and per CIM dataset over
 * the index's Parquet files as minispl and the build summary do.
 *
 * The stores are built once (beforeAll); each detection is one test. Timings go to stdout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import {
  EventStore, ingestPaths, runnableSearch, runSearch, withFilterMacro,
  type Detection, type LookupStore, type Value,
} from "../../src/index.js";
import { loadLookups } from "../../src/cli/lookups.js";
import { buildIndex, type BuildSummary } from "../../src/storage/index/build-index.js";
import { openIndex, type OpenedIndex } from "../../src/storage/index/open-index.js";
import { DuckIndex, minisplCounts } from "../support/index-counts.js";
import { sharedPath } from "../support/shared.js";
import { ESCU_LOOKUPS, escuMacros, productionDetections } from "../support/escu-production.js";

const DATA = sharedPath("datasets");
const NOW = 1_700_000_000;

const macroLoad = escuMacros();
const macros = macroLoad.macros;
const LOOKUPS = ESCU_LOOKUPS;
const DETECTIONS = sharedPath("escu/detections");

const detections: Detection[] = productionDetections();

interface Outcome {
  readonly error?: string;
  readonly fields?: readonly string[];
  readonly rows?: Record<string, Value>[];
}

/** A detection's search as `minispl detect` runs it; an exception is an outcome too. */
function outcome(det: Detection, store: EventStore, lookups: LookupStore, pushdown = true): Outcome {
  try {
    const r = runSearch(runnableSearch(det.search), store, { macros: withFilterMacro(det, macros), lookups, now: NOW, pushdown });
    const err = r.diagnostics.find((d) => d.severity === "error");
    if (err || !r.table) return { error: `${err?.code ?? ""}: ${err?.message ?? "no table"}` };
    return { fields: r.table.fields, rows: r.table.rows() };
  } catch (e) {
    return { error: `thrown: ${(e as Error).message}` };
  }
}

/** Where two outcomes first differ, in a line or a few; null when equal. */
function difference(want: Outcome, got: Outcome): string | null {
  if (want.error !== undefined || got.error !== undefined) {
    return want.error === got.error ? null : `in memory: ${want.error ?? `${want.rows?.length} rows`}\nindex:     ${got.error ?? `${got.rows?.length} rows`}`;
  }
  const a = want.rows ?? [];
  const b = got.rows ?? [];
  const lines: string[] = [];
  if (a.length !== b.length) lines.push(`rows: in memory ${a.length}, index ${b.length}`);
  const i = a.findIndex((row, k) => !isDeepStrictEqual(row, b[k]));
  if (i >= 0) {
    const show = (r: Record<string, Value> | undefined) => JSON.stringify(r)?.slice(0, 600);
    lines.push(`first differing row ${i}:\n  in memory: ${show(a[i])}\n  index:     ${show(b[i])}`);
  } else if (b.length > a.length) lines.push(`extra index row ${a.length}: ${JSON.stringify(b[a.length])?.slice(0, 600)}`);
  if (!isDeepStrictEqual(want.fields, got.fields)) lines.push(`fields: in memory ${JSON.stringify(want.fields)}\n        index     ${JSON.stringify(got.fields)}`);
  return lines.length ? lines.join("\n") : null;
}

const root = mkdtempSync(join(tmpdir(), "minispl-index-diff-"));
const idx = join(root, "idx");
let memory: EventStore;
let opened: OpenedIndex;
let summary: BuildSummary;
let memoryLookups: LookupStore;
let indexLookups: LookupStore;
let plainLookups: LookupStore;
/** Wall and CPU milliseconds (CPU: this worker process, all threads; the machine may be shared). */
const timing: Record<string, { wall: number; cpu: number }> = {};
function measure<T>(name: string, f: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return f();
  } finally {
    const used = process.cpuUsage(cpu);
    const prev = timing[name] ?? { wall: 0, cpu: 0 };
    timing[name] = { wall: prev.wall + performance.now() - wall, cpu: prev.cpu + (used.user + used.system) / 1000 };
  }
}
const perDetection: { file: string; memory: number; index: number; rows: number; error: boolean }[] = [];

beforeAll(() => {
  expect(macroLoad.errors).toEqual([]);
  // One lookup store per side: outputlookup writes land in the store a search ran with.
  memoryLookups = loadLookups([LOOKUPS]).store;
  indexLookups = loadLookups([LOOKUPS]).store;
  plainLookups = loadLookups([LOOKUPS]).store;
  summary = measure("buildIndex", () => buildIndex([DATA], idx));
  opened = measure("openIndex", () => openIndex(idx));
  memory = measure("ingestPaths", () => {
    const store = new EventStore();
    ingestPaths(store, [DATA]);
    return store;
  });
});

afterAll(() => {
  opened?.close();
  rmSync(root, { recursive: true, force: true });
  const sum = (k: "memory" | "index") => perDetection.reduce((n, d) => n + d[k], 0);
  const slow = [...perDetection].sort((x, y) => y.memory + y.index - (x.memory + x.index)).slice(0, 10);
  const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const both = (k: string) => `${fmt(timing[k]?.wall ?? 0)} (CPU ${fmt(timing[k]?.cpu ?? 0)})`;
  console.log(
    [
      `index differential: ${detections.length} production detections, ${summary?.events} events, ${summary?.manifest.files.length} files`,
      `  buildIndex ${both("buildIndex")}, openIndex ${both("openIndex")}, ingestPaths ${both("ingestPaths")}, DuckDB queries ${fmt(timing.duckdb?.wall ?? 0)} (wall)`,
      `  without pushdown, in memory: ${both("no pushdown")}`,
      `  detections ${both("detections")}: in memory ${fmt(sum("memory"))}, on the index ${fmt(sum("index"))} (wall)`,
      `  ran: ${perDetection.length}, with rows: ${perDetection.filter((d) => d.rows > 0).length}, errors (same on both sides): ${perDetection.filter((d) => d.error).length}`,
      "  slowest (memory + index):",
      ...slow.map((d) => `    ${fmt(d.memory)} + ${fmt(d.index)}  ${d.file}`),
    ].join("\n"),
  );
});

describe("the index answers every production ESCU detection as the in-memory store", () => {
  it("finds the production detections and indexes every dataset file", () => {
    expect(detections.length).toBeGreaterThan(1400);
    expect(summary.events).toBe(memory.length);
    expect(opened.store.length).toBe(memory.length);
    expect(summary.events).toBeGreaterThan(150_000);
  });

  it.each(detections.map((d) => [relative(DETECTIONS, d.file), d] as const))("%s", (_, det) => {
    let t = performance.now();
    const want = measure("detections", () => outcome(det, memory, memoryLookups));
    const memoryMs = performance.now() - t;
    t = performance.now();
    const got = measure("detections", () => outcome(det, opened.store, indexLookups));
    const indexMs = performance.now() - t;
    perDetection.push({ file: relative(DETECTIONS, det.file), memory: memoryMs, index: indexMs, rows: want.rows?.length ?? 0, error: want.error !== undefined });
    expect(difference(want, got)).toBeNull();
    const plain = measure("no pushdown", () => outcome(det, memory, plainLookups, false));
    expect(difference(plain, want), "with pushdown vs without (labels: in memory = without)").toBeNull();
  });
});

describe("DuckDB over the full index", () => {
  let db: DuckIndex;
  beforeAll(async () => {
    db = await DuckIndex.open(idx);
  });
  afterAll(() => db?.close());

  it("counts the same events per sourcetype as minispl and the build summary", async () => {
    const t = performance.now();
    const total = await db.total();
    const sourcetypes = await db.sourcetypes();
    const prev = timing.duckdb ?? { wall: 0, cpu: 0 };
    timing.duckdb = { wall: prev.wall + performance.now() - t, cpu: prev.cpu };
    expect(total).toBe(summary.events);
    expect(sourcetypes).toEqual(summary.sourcetypes);
    for (const store of [opened.store, memory]) {
      const mine = minisplCounts(store, [], NOW);
      expect({ total: mine.total, sourcetypes: mine.sourcetypes }).toEqual({ total, sourcetypes });
    }
  });

  it("counts the same events per CIM dataset (unnest(_datasets)) as minispl tstats and the build summary", async () => {
    const t = performance.now();
    const datasets = await db.datasets();
    const prev = timing.duckdb ?? { wall: 0, cpu: 0 };
    timing.duckdb = { wall: prev.wall + performance.now() - t, cpu: prev.cpu };
    expect(Object.keys(datasets).length).toBeGreaterThan(10);
    expect(datasets).toEqual(summary.datasets);
    expect(minisplCounts(opened.store, Object.keys(datasets), NOW).datasets).toEqual(datasets);
    expect(minisplCounts(memory, Object.keys(datasets), NOW).datasets).toEqual(datasets);
  });

  it("a field has one Parquet type in every part file (else DuckDB cannot read it across parts)", async () => {
    expect(await db.mixedColumnTypes()).toEqual([]);
  });
});
