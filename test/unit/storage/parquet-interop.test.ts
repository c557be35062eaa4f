import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import {
  ParquetFile,
  decodeBlobPage,
  encodeBlobPage,
  entryStrings,
  utf8Entries,
  writeParquetFile,
  type ColumnChunk,
  type ColumnSchema,
  type RowGroupInput,
} from "../../../src/storage/parquet/index.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-parquet-io-"));
let db: DuckDBConnection;
beforeAll(async () => {
  db = await (await DuckDBInstance.create(":memory:")).connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sql(q: string): Promise<unknown[][]> {
  return (await db.runAndReadAll(q)).getRowsJS() as unknown[][];
}

function hyparquetRows(path: string, columns?: string[]): Promise<Record<string, unknown>[]> {
  const buf = readFileSync(path);
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  return parquetReadObjects({ file, columns, compressors: { GZIP: (input: Uint8Array) => gunzipSync(input), BROTLI: (input: Uint8Array) => brotliDecompressSync(input) } });
}

// ---- a file in every column kind, several row groups (one empty), nulls and non-ASCII ----

interface Row {
  host: string | null;
  user: string | null;
  tags: string[] | null;
  _raw: string | null;
  _time: number;
  code: number;
}

const hostsA = ["dc01", "ws-é", "srv中"];
const hostsB = ["x-host", "y-host", "z-host😀"];
function makeRows(n: number, hosts: string[], offset: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    host: i % 11 === 0 ? null : (hosts[i % hosts.length] as string),
    user: i % 4 === 3 ? "" : `user${(i * 7) % 13}`,
    tags: i % 5 === 0 ? null : i % 5 === 1 ? ["process", "report", "process"] : [`t${i % 3}`],
    _raw: i % 9 === 0 ? null : `<Event><Data Name="n">${offset + i}</Data>é中😀</Event>`,
    _time: 1_700_000_000 + offset + i + 0.25,
    code: 4600 + (i % 100),
  }));
}

const columns: ColumnSchema[] = [
  { name: "host", type: "string" },
  { name: "user", type: "string" },
  { name: "tags", type: "string-list" },
  { name: "_raw", type: "blob" },
  { name: "_time", type: "double" },
  { name: "code", type: "int32" },
];

function rowGroupOf(rows: Row[]): RowGroupInput {
  const strings = (get: (r: Row) => string | null): ColumnChunk => {
    const seen = new Map<string, number>();
    const ids = Uint16Array.from(rows, (r) => {
      const v = get(r);
      if (v === null) return 0;
      if (!seen.has(v)) seen.set(v, seen.size + 1);
      return seen.get(v) as number;
    });
    return { kind: "dict", dict: utf8Entries([...seen.keys()]), ids };
  };
  const seen = new Map<string, number>();
  const starts = [0];
  const items: number[] = [];
  for (const r of rows) {
    for (const t of r.tags ?? []) {
      if (!seen.has(t)) seen.set(t, seen.size + 1);
      items.push(seen.get(t) as number);
    }
    starts.push(items.length);
  }
  const pages = [];
  for (let i = 0; i < rows.length; i += 700) pages.push(encodeBlobPage(rows.slice(i, i + 700).map((r) => r._raw)));
  const chunks = new Map<string, ColumnChunk>([
    ["host", strings((r) => r.host)],
    ["user", strings((r) => r.user)],
    ["tags", { kind: "list", dict: utf8Entries([...seen.keys()]), starts: Uint32Array.from(starts), items: Uint32Array.from(items) }],
    ["_raw", { kind: "blob", pages }],
    ["_time", { kind: "double", values: Float64Array.from(rows, (r) => r._time) }],
    ["code", { kind: "int32", values: Int32Array.from(rows, (r) => r.code) }],
  ]);
  return { numRows: rows.length, chunks };
}

const groups = [makeRows(3000, hostsA, 0), [], makeRows(2500, hostsB, 3000)];
const allRows = groups.flat();
const ours = join(dir, "ours.parquet");

describe("files this writer writes", () => {
  beforeAll(() => {
    writeParquetFile(ours, columns, groups.map(rowGroupOf), { source: "test" });
  });

  it("DuckDB reads the same rows, with the multivalue column as VARCHAR[]", async () => {
    const rows = await sql(`select host, user, tags, _raw, _time, code from read_parquet('${ours}', file_row_number = true) order by file_row_number`);
    expect(rows).toEqual(allRows.map((r) => [r.host, r.user, r.tags, r._raw, r._time, r.code]));
    const types = await sql(`select typeof(host), typeof(tags), typeof(_raw), typeof(_time), typeof(code) from read_parquet('${ours}') limit 1`);
    expect(types).toEqual([["VARCHAR", "VARCHAR[]", "VARCHAR", "DOUBLE", "INTEGER"]]);
  });

  it("DuckDB counts by a column", async () => {
    const expected = new Map<string | null, number>();
    for (const r of allRows) expected.set(r.host, (expected.get(r.host) ?? 0) + 1);
    const rows = await sql(`select host, count(*)::INTEGER from read_parquet('${ours}') group by host`);
    expect(new Map(rows as [string | null, number][])).toEqual(expected);
    const [[users, mv]] = (await sql(`select count(distinct user)::INTEGER, count(*)::INTEGER from read_parquet('${ours}') where list_contains(tags, 'report')`)) as [[number, number]];
    expect(mv).toBe(allRows.filter((r) => r.tags?.includes("report")).length);
    expect(users).toBe(new Set(allRows.filter((r) => r.tags?.includes("report")).map((r) => r.user)).size);
  });

  it("DuckDB sees our row group statistics", async () => {
    const rows = await sql(
      `select row_group_id::INTEGER, path_in_schema, stats_min_value, stats_max_value, stats_null_count::INTEGER from parquet_metadata('${ours}') where path_in_schema in ('host', '_time') order by 1, 2`,
    );
    const hostStats = (rs: Row[]): unknown[] => {
      const present = rs.map((r) => r.host).filter((h): h is string => h !== null);
      const sorted = [...new Set(present)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      return [sorted[0] ?? null, sorted[sorted.length - 1] ?? null, rs.length - present.length];
    };
    const timeStats = (rs: Row[]): unknown[] => (rs.length ? [String(rs[0]?._time), String(rs[rs.length - 1]?._time), 0] : [null, null, 0]);
    expect(rows).toEqual(
      groups.flatMap((rs, g) => [
        [g, "_time", ...timeStats(rs)],
        [g, "host", ...hostStats(rs)],
      ]),
    );
  });

  it("DuckDB honours min/max: it never reads a row group the stats rule out", async () => {
    // Wreck row group 0's host chunk. A query for a host only in row group 2 must still work
    // (DuckDB skipped row group 0 by its stats); one for a host in row group 0 must fail.
    const copy = join(dir, "wrecked.parquet");
    writeParquetFile(copy, columns, groups.map(rowGroupOf));
    const meta = parquetMetadata(readFileSync(copy).buffer as ArrayBuffer);
    const host = meta.row_groups[0]?.columns[0]?.meta_data;
    const start = Number(host?.dictionary_page_offset ?? host?.data_page_offset);
    const fd = openSync(copy, "r+");
    writeSync(fd, Buffer.alloc(Number(host?.total_compressed_size), 0xff), 0, Number(host?.total_compressed_size), start);
    closeSync(fd);
    const expected = allRows.filter((r) => r.host === "y-host").length;
    expect(await sql(`select count(*)::INTEGER from read_parquet('${copy}') where host = 'y-host'`)).toEqual([[expected]]);
    await expect(sql(`select count(*) from read_parquet('${copy}') where host = 'dc01'`)).rejects.toThrow();
  });

  it("hyparquet reads the same rows", async () => {
    const rows = await hyparquetRows(ours);
    expect(rows).toEqual(allRows.map((r) => ({ ...r, _time: r._time, code: r.code })));
  });

  it("our reader gives back what was written", () => {
    const f = ParquetFile.open(ours);
    expect(f.columns).toEqual(columns);
    expect(f.numRows).toBe(allRows.length);
    expect(f.keyValue).toEqual({ source: "test" });
    expect(f.rowGroups.map((g) => g.numRows)).toEqual([3000, 0, 2500]);
    const raw = f.rowGroups.flatMap((_, i) => {
      const c = f.readChunk(i, "_raw");
      return c.kind === "blob" ? c.pages.flatMap(decodeBlobPage) : [];
    });
    expect(raw).toEqual(allRows.map((r) => r._raw));
    const c = f.readChunk(2, "host");
    expect(c.kind === "dict" && entryStrings(c.dict).sort()).toEqual([...hostsB].sort());
    f.close();
  });

  it("DuckDB and hyparquet read a 70,000-entry dictionary (index bit width 17)", async () => {
    const path = join(dir, "wide.parquet");
    const values = Array.from({ length: 70_000 }, (_, i) => `guid-${i.toString(16).padStart(8, "0")}`);
    const ids = Uint32Array.from(values, (_, i) => ((i * 7919) % values.length) + 1);
    writeParquetFile(path, [{ name: "g", type: "string" }], [{ numRows: ids.length, chunks: new Map([["g", { kind: "dict", dict: utf8Entries(values), ids } as const]]) }]);
    const expected = Array.from(ids, (k) => values[k - 1]);
    expect(await sql(`select count(distinct g)::INTEGER, min(g), max(g) from read_parquet('${path}')`)).toEqual([[70_000, values[0], values[69_999]]]);
    expect((await hyparquetRows(path)).map((r) => r.g)).toEqual(expected);
  });
});

// ---- files DuckDB writes ----

describe("files DuckDB writes", () => {
  const select = `select 'h' || (i % 30) as host, md5(i::VARCHAR) as guid, case when i % 5 = 0 then null else 'p' || (i % 7) end as proc,
    case when i % 4 = 0 then null else ['a', 'b' || (i % 3), 'é'] end as tags, (i * 1.5)::DOUBLE as t, (i % 100)::INTEGER as n, i::INTEGER as m, i as big from range(24000) r(i)`;
  const query = `select host, guid, proc, tags, t, n from PATH order by file_row_number`;

  async function duckFile(options: string): Promise<string> {
    const path = join(dir, `duck-${options.replace(/\W+/g, "_")}.parquet`);
    await db.run(`COPY (${select}) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 10000${options})`);
    return path;
  }

  function ourRows(path: string, names: string[]): unknown[][] {
    const f = ParquetFile.open(path);
    try {
      const cols = names.map((name) => f.rowGroups.flatMap((_, g) => valuesOf(f.readChunk(g, name))));
      return (cols[0] ?? []).map((_, r) => cols.map((c) => c[r]));
    } finally {
      f.close();
    }
  }

  it.each(["", ", COMPRESSION gzip", ", COMPRESSION uncompressed"])("reads strings, lists and numbers (options '%s')", async (options) => {
    const path = await duckFile(options);
    const encodings = await sql(`select distinct path_in_schema, encodings from parquet_metadata('${path}') where path_in_schema in ('host', 'guid', 'n')`);
    // Both paths are exercised: a dictionary column, and a column DuckDB stored PLAIN.
    expect(new Map(encodings as [string, string][])).toEqual(new Map([["host", "PLAIN_DICTIONARY"], ["guid", "PLAIN"], ["n", "PLAIN_DICTIONARY"]]));
    const f = ParquetFile.open(path);
    expect(f.columns.map((c) => `${c.name}:${c.type}`)).toEqual(["host:string", "guid:string", "proc:string", "tags:string-list", "t:double", "n:int32", "m:int32"]);
    expect(f.unsupported).toEqual(new Map([["big", "physical type INT64"]]));
    expect(() => f.readChunk(0, "big")).toThrow(/column "big": unsupported column \(physical type INT64\)/);
    const g = f.readChunk(0, "guid");
    // PLAIN values (all distinct) de-duplicated into a dictionary
    expect(g.kind === "dict" && entryStrings(g.dict).length).toBe(f.rowGroups[0]?.numRows);
    f.close();
    expect(ourRows(path, ["host", "guid", "proc", "tags", "t", "n"])).toEqual(await sql(query.replace("PATH", `read_parquet('${path}', file_row_number = true)`)));
  });

  it("reads v2 data pages where the encoding is in its subset, and names the encoding where not", async () => {
    const path = await duckFile(", PARQUET_VERSION v2");
    expect(ourRows(path, ["host", "proc", "tags"])).toEqual(await sql(query.replace("host, guid, proc, tags, t, n", "host, proc, tags").replace("PATH", `read_parquet('${path}', file_row_number = true)`)));
    const f = ParquetFile.open(path);
    expect(() => f.readChunk(0, "guid")).toThrow(/unsupported encoding DELTA_LENGTH_BYTE_ARRAY in column "guid"/);
    expect(() => f.readChunk(0, "t")).toThrow(/unsupported encoding BYTE_STREAM_SPLIT in column "t"/);
    expect(() => f.readChunk(0, "m")).toThrow(new RegExp(`Parquet file ${path}, row group 0, column "m": unsupported encoding DELTA_BINARY_PACKED`));
    f.close();
  });

  it("names an unsupported codec", async () => {
    const path = await duckFile(", COMPRESSION zstd");
    const f = ParquetFile.open(path);
    expect(() => f.readChunk(1, "host")).toThrow(/row group 1, column "host": unsupported compression codec ZSTD/);
    f.close();
  });

  it("refuses nulls in a number column (read as required)", async () => {
    const path = join(dir, "duck-null-double.parquet");
    await db.run(`COPY (select case when i = 3 then null else i::DOUBLE end as t from range(10) r(i)) TO '${path}' (FORMAT parquet)`);
    const f = ParquetFile.open(path);
    expect(() => f.readChunk(0, "t")).toThrow(/column "t" has nulls/);
    f.close();
  });
});

function valuesOf(c: ColumnChunk): unknown[] {
  switch (c.kind) {
    case "dict": {
      const d = entryStrings(c.dict);
      return Array.from(c.ids, (k) => (k === 0 ? null : d[k - 1]));
    }
    case "list": {
      const d = entryStrings(c.dict);
      return Array.from({ length: c.starts.length - 1 }, (_, r) => {
        const items = Array.from(c.items.subarray(c.starts[r], c.starts[r + 1]), (k) => d[k - 1]);
        return items.length ? items : null;
      });
    }
    case "blob":
      return c.pages.flatMap(decodeBlobPage);
    default:
      return Array.from(c.values);
  }
}
