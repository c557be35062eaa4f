/**
 * Issue 9 acceptance: DuckDB (@duckdb/node-api) opens the index's Parquet files directly and
 * counts the same events per sourcetype and per CIM dataset (`unnest(_datasets)`) as minispl does,
 * over the opened index and over the in-memory store, and as the build summary reports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore, ingestPaths } from "../../../src/index.js";
import { buildIndex, type BuildSummary } from "../../../src/storage/index/build-index.js";
import { openIndex } from "../../../src/storage/index/open-index.js";
import { DuckIndex, minisplCounts } from "../../support/index-counts.js";
import { lateSysmon, writeSamples } from "./index-samples.js";

const root = mkdtempSync(join(tmpdir(), "minispl-duckdb-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What the samples fill (index-samples.ts); each must be counted, not just whatever shows up. */
const DATASETS = [
  "Endpoint.Processes", "Endpoint.Registry", "Endpoint.Filesystem", "Network_Traffic.All_Traffic",
  "Authentication.Authentication", "Authentication.Failed_Authentication",
];

describe("DuckDB reads the index as minispl does", () => {
  const data = join(root, "data");
  const idx = join(root, "idx");
  let summary: BuildSummary;
  let memory: EventStore;
  let db: DuckIndex;

  beforeAll(async () => {
    mkdirSync(data);
    writeSamples(data);
    summary = buildIndex([data], idx);
    memory = new EventStore();
    ingestPaths(memory, [data]);
    db = await DuckIndex.open(idx);
  });
  afterAll(() => db?.close());

  /** minispl's counts over the opened index and over the in-memory store. */
  const minispl = (datasets: readonly string[]) => {
    const opened = openIndex(idx);
    try {
      return { index: minisplCounts(opened.store, datasets), memory: minisplCounts(memory, datasets) };
    } finally {
      opened.close();
    }
  };

  it("events per sourcetype: DuckDB = build summary = minispl (index and in memory)", async () => {
    const total = await db.total();
    const sourcetypes = await db.sourcetypes();
    expect(total).toBe(19);
    expect(Object.keys(sourcetypes).length).toBeGreaterThanOrEqual(2);
    expect(total).toBe(summary.events);
    expect(sourcetypes).toEqual(summary.sourcetypes);
    const m = minispl([]);
    expect({ total: m.index.total, sourcetypes: m.index.sourcetypes }).toEqual({ total, sourcetypes });
    expect({ total: m.memory.total, sourcetypes: m.memory.sourcetypes }).toEqual({ total, sourcetypes });
  });

  it("events per datamodel dataset (unnest(_datasets)): DuckDB = build summary = minispl tstats (index and in memory)", async () => {
    const datasets = await db.datasets();
    for (const ds of DATASETS) expect(datasets[ds], ds).toBeGreaterThan(0);
    expect(datasets).toEqual(summary.datasets);
    const m = minispl(Object.keys(datasets));
    expect(m.index.datasets).toEqual(datasets);
    expect(m.memory.datasets).toEqual(datasets);
  });

  it("a field has one Parquet type in every part file (else DuckDB cannot read it across parts)", async () => {
    expect(await db.mixedColumnTypes()).toEqual([]);
  });

  it("after an incremental build (a file added), DuckDB sees exactly the manifest's parts", async () => {
    const before = await db.total();
    writeFileSync(join(data, "f-late-sysmon.xml"), lateSysmon());
    const r = buildIndex([data], idx);
    expect(r.indexed).toHaveLength(1);
    const after = await DuckIndex.open(idx);
    try {
      expect(await after.total()).toBe(before + 1);
      expect(await after.sourcetypes()).toEqual(r.sourcetypes);
      expect(await after.datasets()).toEqual(r.datasets);
    } finally {
      after.close();
    }
  });
});
