/**
 * The on-disk index (issue 9): `buildIndex` over small invented samples, then `openIndex` must
 * answer every search exactly as the in-memory store over the same files does (rows, order,
 * fields), incremental rebuilds must touch only what changed, and broken index folders must fail
 * with an error that says which file is at fault.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exprOf } from "../../support/search-expr.js";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore, ingestPaths, runSearch, type Value } from "../../../src/index.js";
import type { StreamOptions } from "../../../src/adapters/stream-types.js";
import { buildIndex, type BuildSummary } from "../../../src/storage/index/build-index.js";
import { openIndex, type OpenedIndex } from "../../../src/storage/index/open-index.js";
import type { OpenPartsOptions } from "../../../src/storage/index/open-parts.js";
import type { Manifest } from "../../../src/storage/index/manifest.js";
import { lateSysmon, WS, writeSamples } from "./index-samples.js";
import { prunedRanges } from "../../../src/executor/chunk-prune.js";


const NOW = 1_700_000_000;
const root = mkdtempSync(join(tmpdir(), "minispl-index-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Answer {
  readonly fields: readonly string[];
  readonly rows: Record<string, Value>[];
}

/** Fields and rows of a search that must run without errors. */
function answer(store: EventStore, q: string): Answer {
  const r = runSearch(q, store, { now: NOW });
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), q).toEqual([]);
  return { fields: r.table?.fields ?? [], rows: r.table?.rows() ?? [] };
}

/**
 * The index's answer equals the in-memory one: the rows (values and order) first, then the field
 * list, whose order is the column order of table/CSV/JSON output.
 */
function expectSame(got: Answer, want: Answer | undefined, q: string): void {
  expect(got.rows, `${q}: rows`).toEqual(want?.rows);
  expect(got.fields, `${q}: field order`).toEqual(want?.fields);
}

function memoryStore(paths: readonly string[], opts: StreamOptions = {}): EventStore {
  const store = new EventStore();
  ingestPaths(store, paths, opts);
  return store;
}

/** Opens the index, runs `f`, closes it. */
function withIndex<T>(dir: string, f: (opened: OpenedIndex) => T, opts: OpenPartsOptions = {}): T {
  const opened = openIndex(dir, opts);
  try {
    return f(opened);
  } finally {
    opened.close();
  }
}

/** Part files (and their term files) on disk, and those the manifest names: always the same set (no orphans, none missing). */
function partsOnDisk(dir: string): string[] {
  return readdirSync(join(dir, "events")).map((n) => `events/${n}`).sort();
}
function partsOf(m: Manifest, path?: string): string[] {
  return m.files.filter((f) => path === undefined || f.path === path).flatMap((f) => f.parts.flatMap((p) => [p.name, ...(p.terms ? [p.terms.name] : []), ...(p.members ? [p.members.name] : [])])).sort();
}

const SEARCHES: readonly string[] = [
  // Every event, every field, in store order.
  "index=*",
  "index=* | table _time index host source sourcetype EventCode _raw",
  // Base search: terms, field=value, wildcards, boolean and comparison.
  "index=* EventCode=1",
  "sourcetype=XmlWinEventLog host=WS-* EventCode=1 | table _time host process_name process",
  "index=* process_name=*.exe NOT process_name=cmd* | table _time host process_name",
  "index=* (EventCode=4624 OR EventCode=4625) user=a* | table _time user action src",
  "index=* Image=\"*\\\\powershell.exe\" | table _time EventCode Image",
  "index=* EventCode>=11 EventCode<=13 | table _time EventCode TargetObject TargetFilename",
  "index=* dest_port=443 | table _time dest src",
  // Free text (terms in _raw).
  "index=* mimikatz | table _time host _raw",
  "index=* \"sekurlsa::logonpasswords\" | table _time host",
  "index=* 203.0.113.20 | table _time host EventCode",
  "index=* *Temp* | stats count by host",
  // stats over fields and multivalue fields.
  "index=* | stats count by sourcetype source",
  "index=* | stats count dc(host) as hosts values(EventCode) as codes by sourcetype",
  "index=* | stats count by tag",
  "index=* | stats count values(tag) as tags by eventtype",
  "index=* tag=process | table _time host tag eventtype",
  "index=* eventtype=* | eval n=mvcount(tag) | table _time eventtype n",
  "index=* | stats min(_time) as first max(_time) as last count by host",
  "index=* earliest=\"11/14/2023:20:00:00\" latest=\"11/14/2023:21:00:00\" | stats count by host EventCode",
  // tstats over the datamodels the samples fill.
  "| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.process_name Processes.user",
  "| tstats summariesonly=true count min(_time) as firstTime values(Processes.process) as process from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe OR Processes.process_name=certutil.exe by Processes.dest Processes.parent_process_name",
  "| tstats count from datamodel=Endpoint.Processes where Processes.process=*-enc* by Processes.process_name",
  "| tstats count from datamodel=Endpoint.Registry by Registry.dest Registry.registry_path Registry.registry_value_data Registry.action",
  "| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest Filesystem.file_name Filesystem.file_path Filesystem.action",
  "| tstats count from datamodel=Network_Traffic.All_Traffic by All_Traffic.dest All_Traffic.dest_port All_Traffic.transport All_Traffic.src",
  "| tstats count from datamodel=Authentication.Authentication by Authentication.action Authentication.user Authentication.src Authentication.dest",
  "| tstats count from datamodel=Authentication.Failed_Authentication by Authentication.user",
  "| tstats count from datamodel=Endpoint.Processes by _time span=1h",
  // head / sort / dedup.
  "index=* | head 4",
  "index=* | sort - _time | head 3 | table _time host EventCode",
  "index=* | sort host - EventCode | table host EventCode _time",
  "index=* | dedup host | table _time host sourcetype",
  "index=* | dedup EventCode sortby -_time | table EventCode _time host",
  // _raw itself.
  "index=* | rex field=_raw \"<Computer>(?<computer>[^<]+)</Computer>\" | stats count by computer",
  "index=* | where like(_raw, \"%svc_deploy%\") | table _time _raw",
  "index=* | eval len=len(_raw) | stats sum(len) as bytes by sourcetype",
  // The XML blocks, which the index keeps as spans of _raw.
  "index=* EventData_Xml=*Image* | table _time host EventData_Xml",
  "index=* | rex field=EventData_Xml \"<Data Name='Image'>(?<img>[^<]+)\" | stats count by img",
];

describe("an index built from small samples answers as the in-memory store", () => {
  const data = join(root, "data");
  const idx = join(root, "idx");
  let paths: string[];
  let memory: EventStore;
  let expected: Map<string, Answer>;
  let first: BuildSummary;

  beforeAll(() => {
    mkdirSync(data);
    paths = writeSamples(data);
    memory = memoryStore([data]);
    expected = new Map(SEARCHES.map((q) => [q, answer(memory, q)]));
    first = buildIndex([data], idx);
  });

  const sameAnswers = (dir: string, want: Map<string, Answer>): void => {
    withIndex(dir, ({ store }) => {
      for (const [q, a] of want) expectSame(answer(store, q), a, q);
    });
  };

  it("the samples give every search rows (so the comparison means something)", () => {
    const empty = SEARCHES.filter((q) => (expected.get(q) as Answer).rows.length === 0);
    expect(empty).toEqual([]);
    expect(memory.length).toBe(19);
  });

  it("the build summary counts what the in-memory store holds", () => {
    expect(first.indexed).toEqual(paths);
    expect(first.kept).toEqual([]);
    expect(first.removed).toEqual([]);
    expect(first.events).toBe(memory.length);
    const bySourcetype = Object.fromEntries(answer(memory, "index=* | stats count by sourcetype").rows.map((r) => [r.sourcetype, Number(r.count)]));
    expect(first.sourcetypes).toEqual(bySourcetype);
    // The datasets the samples fill, each counted as tstats counts it in memory.
    for (const ds of ["Endpoint.Processes", "Endpoint.Registry", "Endpoint.Filesystem", "Network_Traffic.All_Traffic", "Authentication.Authentication", "Authentication.Failed_Authentication"]) {
      expect(first.datasets[ds], ds).toBeGreaterThan(0);
    }
    for (const [ds, n] of Object.entries(first.datasets)) {
      expect(answer(memory, `| tstats count from datamodel=${ds}`).rows, ds).toEqual([{ count: n }]);
    }
    // The NXLog file's cut-short line is reported by both paths, with its file and line.
    const report = ingestPaths(new EventStore(), [data]);
    expect(report.skipped.length).toBeGreaterThan(0);
    expect(first.skipped).toEqual(report.skipped);
  });

  it("the manifest lists every input file with its parts, and only those parts are on disk", () => {
    withIndex(idx, ({ manifest, store }) => {
      expect(manifest.files.map((f) => f.path)).toEqual(paths);
      expect(store.length).toBe(memory.length);
      expect(partsOnDisk(idx)).toEqual(partsOf(manifest));
    });
  });

  it("same rows when a one-byte chunk budget drops every chunk as soon as another is read", () => {
    withIndex(idx, ({ store }) => {
      for (const q of SEARCHES) expectSame(answer(store, q), expected.get(q), q);
    }, { chunkBudgetBytes: 1 });
  });

  it("same rows from the `_datasets` column when the parts have no member files (an index built before them)", () => {
    const old = join(root, "idx-no-members");
    cpSync(idx, old, { recursive: true });
    const manifestPath = join(old, "manifest.json");
    const m = JSON.parse(readFileSync(manifestPath, "utf8")) as { files: { parts: { members?: { name: string } }[] }[] };
    for (const f of m.files) {
      for (const p of f.parts) {
        if (p.members) rmSync(join(old, p.members.name));
        delete p.members;
      }
    }
    writeFileSync(manifestPath, JSON.stringify(m));
    const tstats = SEARCHES.filter((q) => q.includes("tstats"));
    expect(tstats.length).toBeGreaterThan(5);
    withIndex(old, ({ store }) => {
      expect(store.indexedMembers("Endpoint.Processes")).toBeNull();
      for (const q of tstats) expectSame(answer(store, q), expected.get(q), q);
    });
    withIndex(idx, ({ store }) => expect(store.indexedMembers("Endpoint.Processes")?.length).toBe(first.datasets["Endpoint.Processes"]));
  });

  it("row groups whose statistics rule a search out are not scanned", () => {
    withIndex(idx, ({ store }) => {
      const rowsIn = (r: number[]): number => r.reduce((n, x, i) => (i % 2 ? n + x - (r[i - 1] as number) : n), 0);
      const ranges = (q: string, time = { lo: -Infinity, hi: Infinity }) => prunedRanges(store, exprOf(q), time, new Set(["earliest", "latest"]));
      // One part per input file: the server's events are in other row groups than the workstation's.
      const ws = ranges(`host=${WS}`);
      expect(rowsIn(ws)).toBeGreaterThan(0);
      expect(rowsIn(ws)).toBeLessThan(store.length);
      const wsRows = answer(memory, `host=${WS} | stats count`).rows[0]?.count;
      expect(rowsIn(ws)).toBeGreaterThanOrEqual(Number(wsRows));
      expect(rowsIn(ranges("host=NO-SUCH-HOST"))).toBe(0);
      expect(rowsIn(ranges("EventCode=4624 sourcetype=XmlWinEventLog"))).toBeLessThan(store.length);
      expect(rowsIn(ranges("index=*", { lo: 0, hi: 1 }))).toBe(0);
    });
  });

  it.each(SEARCHES)("same rows: %s", (q) => {
    withIndex(idx, ({ store }) => expectSame(answer(store, q), expected.get(q), q));
  });

  it("a second build indexes nothing and leaves the part files alone", () => {
    const before = new Map(partsOnDisk(idx).map((p) => [p, statSync(join(idx, p)).mtimeMs]));
    const again = buildIndex([data], idx);
    expect(again.indexed).toEqual([]);
    expect(again.kept).toEqual(paths);
    expect(again.removed).toEqual([]);
    expect(again.events).toBe(memory.length);
    expect(again.sourcetypes).toEqual(first.sourcetypes);
    expect(again.datasets).toEqual(first.datasets);
    expect(new Map(partsOnDisk(idx).map((p) => [p, statSync(join(idx, p)).mtimeMs]))).toEqual(before);
  });

  it("touching one file re-indexes that file only, and the answers do not change", () => {
    const touched = paths[1] as string;
    const st = statSync(touched);
    const others = partsOnDisk(idx).filter((p) => !partsOf(first.manifest, touched).includes(p));
    const before = new Map(others.map((p) => [p, statSync(join(idx, p)).mtimeMs]));
    utimesSync(touched, st.atime, new Date(st.mtimeMs + 60_000));
    const r = buildIndex([data], idx);
    expect(r.indexed).toEqual([touched]);
    expect(r.kept).toEqual(paths.filter((p) => p !== touched));
    expect(r.removed).toEqual([]);
    expect(r.events).toBe(memory.length);
    expect(new Map(others.map((p) => [p, statSync(join(idx, p)).mtimeMs]))).toEqual(before);
    expect(partsOnDisk(idx)).toEqual(partsOf(r.manifest));
    sameAnswers(idx, expected);
  });

  it("deleting a file removes its rows and its part files", () => {
    const gone = paths[2] as string;
    const manifestBefore = buildIndex([data], idx).manifest;
    const goneParts = partsOf(manifestBefore, gone);
    expect(goneParts.length).toBeGreaterThan(0);
    rmSync(gone);
    const r = buildIndex([data], idx);
    expect(r.removed).toEqual([gone]);
    expect(r.indexed).toEqual([]);
    expect(r.kept).toEqual(paths.filter((p) => p !== gone));
    for (const p of goneParts) expect(existsSync(join(idx, p)), p).toBe(false);
    expect(partsOnDisk(idx)).toEqual(partsOf(r.manifest));
    const now = memoryStore([data]);
    expect(r.events).toBe(now.length);
    expect(now.length).toBeLessThan(memory.length);
    sameAnswers(idx, new Map(SEARCHES.map((q) => [q, answer(now, q)])));
  });

  it("adding a file indexes only that file", () => {
    const added = join(data, "f-late-sysmon.xml");
    writeFileSync(added, lateSysmon());
    const r = buildIndex([data], idx);
    expect(r.indexed).toEqual([added]);
    expect(r.removed).toEqual([]);
    expect(r.kept).toEqual(paths.filter((p) => existsSync(p)));
    expect(partsOnDisk(idx)).toEqual(partsOf(r.manifest));
    const now = memoryStore([data]);
    expect(r.events).toBe(now.length);
    sameAnswers(idx, new Map(SEARCHES.map((q) => [q, answer(now, q)])));
  });
});

describe("ingest options are part of the index", () => {
  const data = join(root, "opts-data");
  const idx = join(root, "opts-idx");
  let paths: string[];
  beforeAll(() => {
    mkdirSync(data);
    paths = writeSamples(data).filter((p) => p.endsWith(".xml"));
  });

  it("another sourcetype rebuilds every file, and the index answers as --data with that option", () => {
    expect(buildIndex(paths, idx).indexed).toEqual(paths);
    const opts = { sourcetype: "XmlWinEventLog" };
    const r = buildIndex(paths, idx, opts);
    expect(r.indexed).toEqual(paths);
    expect(r.kept).toEqual([]);
    expect(partsOnDisk(idx)).toEqual(partsOf(r.manifest));
    const memory = memoryStore(paths, opts);
    const qs = ["index=* | stats count by sourcetype source", "| tstats count from datamodel=Endpoint.Processes by Processes.process_name", "index=* | head 3"];
    withIndex(idx, ({ store }) => {
      for (const q of qs) expectSame(answer(store, q), answer(memory, q), q);
    });
    expect(buildIndex(paths, idx, opts).kept).toEqual(paths);
    // Back to the defaults: rebuilt again.
    expect(buildIndex(paths, idx).indexed).toEqual(paths);
  });
});

describe("a broken index fails loudly", () => {
  const data = join(root, "bad-data");
  const good = join(root, "bad-good-idx");
  let copies = 0;
  beforeAll(() => {
    mkdirSync(data);
    writeSamples(data);
    buildIndex([data], good);
  });

  /** The message of the error a search gives: thrown, or as an error diagnostic without a table. */
  function searchError(dir: string, q: string): string {
    return withIndex(dir, ({ store }) => {
      let r: ReturnType<typeof runSearch>;
      try {
        r = runSearch(q, store, { now: NOW });
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        return (e as Error).message;
      }
      const err = r.diagnostics.find((d) => d.severity === "error");
      expect(err, `${q} gave no error; rows: ${JSON.stringify(r.table?.rows().slice(0, 3))}`).toBeDefined();
      expect(r.table).toBeNull();
      return err?.message ?? "";
    });
  }

  it.each([
    ["a stats over a field", "index=* | stats count by host"],
    ["a tstats", "| tstats count from datamodel=Endpoint.Processes by Processes.process_name"],
    ["a free-text search", "index=* mimikatz | table _raw"],
  ])("a truncated part file gives an error naming it (%s)", (_, q) => {
    const dir = join(root, `bad-trunc-${++copies}`);
    cpSync(good, dir, { recursive: true });
    const m = openIndex(dir);
    m.close();
    const part = (m.manifest.files[0]?.parts[0]?.name) as string;
    const file = join(dir, part);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expect(searchError(dir, q)).toContain(file);
  });

  it("a part file deleted behind the manifest's back gives an error naming it", () => {
    const dir = join(root, "bad-missing-part");
    cpSync(good, dir, { recursive: true });
    const m = openIndex(dir);
    m.close();
    const file = join(dir, m.manifest.files[2]?.parts[0]?.name as string);
    rmSync(file);
    expect(searchError(dir, "index=* | stats count by host")).toContain(file);
  });

  it("no manifest.json: openIndex says the folder is not an index", () => {
    const dir = join(root, "bad-no-manifest");
    cpSync(good, dir, { recursive: true });
    rmSync(join(dir, "manifest.json"));
    expect(() => openIndex(dir)).toThrow(/not a minispl index.*manifest\.json/);
    expect(() => openIndex(join(root, "does-not-exist"))).toThrow(/not a minispl index/);
  });

  it.each([
    ["not JSON", "{\"format\": 1, \"files\": ["],
    ["JSON without a files list", "{\"format\": 1}"],
    ["an empty file", ""],
    ["a JSON array", "[1, 2]"],
  ])("a garbled manifest.json (%s): openIndex names the manifest", (_, text) => {
    const dir = join(root, `bad-manifest-${++copies}`);
    cpSync(good, dir, { recursive: true });
    writeFileSync(join(dir, "manifest.json"), text);
    expect(() => openIndex(dir)).toThrow(new RegExp(`${join(dir, "manifest.json").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*not a minispl index manifest`));
  });

  it("a garbled manifest makes the next build start over instead of failing", () => {
    const dir = join(root, "bad-manifest-rebuild");
    cpSync(good, dir, { recursive: true });
    writeFileSync(join(dir, "manifest.json"), "garbage");
    const r = buildIndex([data], dir);
    expect(r.kept).toEqual([]);
    expect(r.indexed).toHaveLength(5);
    withIndex(dir, ({ store }) => expect(store.length).toBe(19));
  });
});
