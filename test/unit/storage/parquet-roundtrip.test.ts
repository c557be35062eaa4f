import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import {
  ParquetFile,
  decodeBlobPage,
  encodeBlobPage,
  entryStrings,
  utf8Entries,
  writeParquetFile,
  type ColumnChunk,
  type ColumnSchema,
  type ColumnType,
  type DictChunk,
  type ListChunk,
  type RowGroupInput,
} from "../../../src/storage/parquet/index.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-parquet-rt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const tmp = (): string => join(dir, `f${fileNo++}.parquet`);

type Cell = string | null | readonly string[] | number;

/** Builds a chunk of `type` from JS values (strings get a dictionary in first-seen order). */
function toChunk(type: ColumnType, values: readonly Cell[]): ColumnChunk {
  if (type === "double") return { kind: "double", values: Float64Array.from(values as number[]) };
  if (type === "int32") return { kind: "int32", values: Int32Array.from(values as number[]) };
  if (type === "blob") return { kind: "blob", pages: [encodeBlobPage(values as (string | null)[])] };
  const seen = new Map<string, number>();
  const id = (s: string): number => {
    if (!seen.has(s)) seen.set(s, seen.size + 1);
    return seen.get(s) as number;
  };
  if (type === "string") {
    const ids = Uint32Array.from(values as (string | null)[], (v) => (v === null ? 0 : id(v)));
    return { kind: "dict", dict: utf8Entries([...seen.keys()]), ids };
  }
  const starts = [0];
  const items: number[] = [];
  for (const v of values as (readonly string[] | null)[]) {
    for (const s of v ?? []) items.push(id(s));
    starts.push(items.length);
  }
  return { kind: "list", dict: utf8Entries([...seen.keys()]), starts: Uint32Array.from(starts), items: Uint32Array.from(items) };
}

/** The JS values of a chunk read back (an empty list reads as null, as written). */
function fromChunk(c: ColumnChunk): Cell[] {
  switch (c.kind) {
    case "dict": {
      const d = entryStrings(c.dict);
      return Array.from(c.ids, (k) => (k === 0 ? null : (d[k - 1] as string)));
    }
    case "list": {
      const d = entryStrings(c.dict);
      const out: Cell[] = [];
      for (let r = 0; r + 1 < c.starts.length; r++) {
        const items = Array.from(c.items.subarray(c.starts[r], c.starts[r + 1]), (k) => d[k - 1] as string);
        out.push(items.length ? items : null);
      }
      return out;
    }
    case "blob":
      return c.pages.flatMap(decodeBlobPage);
    case "double":
    case "int32":
      return Array.from(c.values);
  }
}

function writeOne(type: ColumnType, groups: readonly (readonly Cell[])[]): string {
  const path = tmp();
  const cols: ColumnSchema[] = [{ name: "c", type }];
  writeParquetFile(path, cols, groups.map((values) => ({ numRows: values.length, chunks: new Map([["c", toChunk(type, values)]]) })));
  return path;
}

function readAll(path: string, name = "c"): Cell[][] {
  const f = ParquetFile.open(path);
  try {
    return f.rowGroups.map((_, i) => fromChunk(f.readChunk(i, name)));
  } finally {
    f.close();
  }
}

const many = Array.from({ length: 70_000 }, (_, i) => `value-${i}-${"é".repeat(i % 3)}`);

const cases: { name: string; type: ColumnType; groups: Cell[][] }[] = [
  { name: "strings with nulls, empty and non-ASCII", type: "string", groups: [["a", null, "", "é", "中", "😀", "a", null, "x".repeat(2000)]] },
  { name: "strings, all null", type: "string", groups: [[null, null, null]] },
  { name: "strings, no nulls, long runs", type: "string", groups: [Array.from({ length: 1000 }, (_, i) => (i < 500 ? "h1" : `h${i % 7}`))] },
  { name: "strings, > 65,536 distinct (bit width 17)", type: "string", groups: [many] },
  { name: "strings, different dictionaries per row group", type: "string", groups: [["a", "b", "a"], ["c", null, "d", "e"], ["é"]] },
  { name: "strings, a row group with 0 rows", type: "string", groups: [["a"], [], ["b", null]] },
  {
    name: "multivalue strings",
    type: "string-list",
    groups: [[["a", "b"], null, ["x", "x", "x"], ["", "é中😀"], ["solo"]], [null, null], [["z"]]],
  },
  { name: "multivalue strings with 0 rows", type: "string-list", groups: [[]] },
  { name: "blob with nulls and non-ASCII", type: "blob", groups: [["<Event>é</Event>", null, "", "中😀".repeat(500)], [null], []] },
  { name: "doubles", type: "double", groups: [[0, -0, 1.5, -1e300, Number.MAX_VALUE, Infinity, -Infinity, 1_700_000_000.123], [42]] },
  { name: "int32", type: "int32", groups: [[0, -1, 2 ** 31 - 1, -(2 ** 31), 7], []] },
];

describe("Parquet round trip", () => {
  it.each(cases)("$name", ({ type, groups }) => {
    expect(readAll(writeOne(type, groups))).toEqual(groups);
  });

  it("keeps NaN doubles and leaves them out of min/max", () => {
    const path = writeOne("double", [[NaN, 2, -3]]);
    const back = readAll(path)[0] as number[];
    expect(Number.isNaN(back[0])).toBe(true);
    const st = ParquetFile.open(path).rowGroups[0]?.column("c")?.stats;
    expect(Buffer.from(st?.min ?? []).readDoubleLE(0)).toBe(-3);
    expect(Buffer.from(st?.max ?? []).readDoubleLE(0)).toBe(2);
  });

  it("returns the smallest id array that fits the dictionary", () => {
    const f = ParquetFile.open(writeOne("string", [["a", "b"], many.slice(0, 300), many]));
    const kinds = f.rowGroups.map((_, i) => (f.readChunk(i, "c") as DictChunk).ids.constructor.name);
    expect(kinds).toEqual(["Uint8Array", "Uint16Array", "Uint32Array"]);
    f.close();
  });

  it("writes only the dictionary entries a chunk uses, and stats over those", () => {
    // One store-wide dictionary shared by both row groups; "zzz" and "aaa" are used by neither.
    const dict = utf8Entries(["zzz", "m", "n", "aaa", "b"]);
    const path = tmp();
    const ids = (...k: number[]): Int32Array => Int32Array.from(k);
    writeParquetFile(path, [{ name: "c", type: "string" }], [
      { numRows: 3, chunks: new Map([["c", { kind: "dict", dict, ids: ids(2, 0, 3) } as const]]) },
      { numRows: 2, chunks: new Map([["c", { kind: "dict", dict, ids: ids(5, 5) } as const]]) },
    ]);
    const f = ParquetFile.open(path);
    expect(entryStrings((f.readChunk(0, "c") as DictChunk).dict)).toEqual(["m", "n"]);
    expect(entryStrings((f.readChunk(1, "c") as DictChunk).dict)).toEqual(["b"]);
    const stats = f.rowGroups.map((g) => g.column("c")?.stats);
    expect(stats.map((s) => [Buffer.from(s?.min ?? []).toString(), Buffer.from(s?.max ?? []).toString(), s?.nullCount])).toEqual([
      ["m", "n", 1],
      ["b", "b", 0],
    ]);
    f.close();
  });

  it("leaves min/max out for values over 1 KB but keeps the null count", () => {
    const st = ParquetFile.open(writeOne("string", [["x".repeat(1025), "a", null]])).rowGroups[0]?.column("c")?.stats;
    expect(st).toEqual({ min: undefined, max: undefined, nullCount: 1 });
  });

  it("writes a column missing from a row group as all-null, and reads the schema back", () => {
    const path = tmp();
    const cols: ColumnSchema[] = [
      { name: "host", type: "string" },
      { name: "tags", type: "string-list" },
      { name: "_raw", type: "blob" },
      { name: "_time", type: "double" },
      { name: "EventCode", type: "int32" },
    ];
    const nums = { _time: toChunk("double", [1, 2]), EventCode: toChunk("int32", [4624, 4688]) };
    writeParquetFile(path, cols, [{ numRows: 2, chunks: new Map(Object.entries(nums)) }], { "minispl.version": "1", empty: "" });
    const f = ParquetFile.open(path);
    expect(f.columns).toEqual(cols);
    expect(f.numRows).toBe(2);
    expect(f.keyValue).toEqual({ "minispl.version": "1", empty: "" });
    expect(["host", "tags", "_raw"].map((c) => fromChunk(f.readChunk(0, c)))).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(f.rowGroups[0]?.column("host")?.stats.nullCount).toBe(2);
    expect(f.rowGroups[0]?.column("nope")).toBeUndefined();
    f.close();
  });

  it("streams row groups from a generator", () => {
    const path = tmp();
    function* groups(): Generator<RowGroupInput> {
      for (let g = 0; g < 5; g++) yield { numRows: 10, chunks: new Map([["n", toChunk("int32", Array.from({ length: 10 }, (_, i) => g * 10 + i))]]) };
    }
    writeParquetFile(path, [{ name: "n", type: "int32" }], groups());
    expect(readAll(path, "n").flat()).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("writes blob pages byte for byte, merging codecs when pages differ", () => {
    const gz = encodeBlobPage(["a", null, "b"], "gzip");
    const br = encodeBlobPage(["x", "y"]);
    const none = { codec: "none" as const, ...rawBlobPage(["c", "d"]) };
    const path = tmp();
    writeParquetFile(path, [{ name: "r", type: "blob" }], [
      { numRows: 3, chunks: new Map([["r", { kind: "blob", pages: [gz] } as const]]) },
      { numRows: 5, chunks: new Map([["r", { kind: "blob", pages: [gz, none] } as const]]) },
      { numRows: 2, chunks: new Map([["r", { kind: "blob", pages: [none] } as const]]) },
      { numRows: 5, chunks: new Map([["r", { kind: "blob", pages: [br, gz] } as const]]) },
    ]);
    const f = ParquetFile.open(path);
    const [g0, g1, g2, g3] = [0, 1, 2, 3].map((i) => f.readChunk(i, "r"));
    const pages = (c: ColumnChunk | undefined): unknown => c?.kind === "blob" && c.pages.map((p) => ({ ...p, data: new Uint8Array(p.data) }));
    expect(pages(g0)).toEqual([{ ...gz, data: new Uint8Array(gz.data) }]);
    expect(g1?.kind === "blob" && g1.pages.map((p) => p.codec)).toEqual(["gzip", "gzip"]);
    expect(pages(g2)).toEqual([none]);
    expect(g3?.kind === "blob" && g3.pages.map((p) => p.codec)).toEqual(["brotli", "brotli"]);
    expect([g0, g1, g2, g3].map((c) => fromChunk(c as ColumnChunk))).toEqual([["a", null, "b"], ["a", null, "b", "c", "d"], ["c", "d"], ["x", "y", "a", null, "b"]]);
    f.close();
  });

  it("reads a list whose items include a null element (item 0)", () => {
    const dict = utf8Entries(["a"]);
    const chunk: ListChunk = { kind: "list", dict, starts: Uint32Array.from([0, 2]), items: Uint32Array.from([0, 1]) };
    const path = tmp();
    writeParquetFile(path, [{ name: "l", type: "string-list" }], [{ numRows: 1, chunks: new Map([["l", chunk]]) }]);
    const back = ParquetFile.open(path).readChunk(0, "l") as ListChunk;
    expect(Array.from(back.items)).toEqual([0, 1]);
  });
});

describe("writeParquetFile refuses bad input and leaves no file", () => {
  const dict = utf8Entries(["a"]);
  const bad: { name: string; cols: ColumnSchema[]; group: RowGroupInput; error: RegExp }[] = [
    { name: "wrong kind", cols: [{ name: "c", type: "string" }], group: { numRows: 1, chunks: new Map([["c", toChunk("double", [1])]]) }, error: /row group 0, column "c": a "double" chunk for a string column/ },
    { name: "ids length", cols: [{ name: "c", type: "string" }], group: { numRows: 2, chunks: new Map([["c", { kind: "dict", dict, ids: Uint8Array.of(1) }]]) }, error: /1 ids for 2 rows/ },
    { name: "id out of range", cols: [{ name: "c", type: "string" }], group: { numRows: 1, chunks: new Map([["c", { kind: "dict", dict, ids: Uint8Array.of(2) }]]) }, error: /id 2 is outside the 1-entry dictionary/ },
    { name: "negative id", cols: [{ name: "c", type: "string" }], group: { numRows: 1, chunks: new Map([["c", { kind: "dict", dict, ids: Int32Array.of(-1) }]]) }, error: /id -1 is outside/ },
    { name: "list starts", cols: [{ name: "c", type: "string-list" }], group: { numRows: 1, chunks: new Map([["c", { kind: "list", dict, starts: Uint32Array.of(0, 3), items: Uint32Array.of(1) }]]) }, error: /past 1 items/ },
    { name: "missing double", cols: [{ name: "t", type: "double" }], group: { numRows: 1, chunks: new Map() }, error: /required double column has no chunk/ },
    { name: "unknown chunk", cols: [{ name: "t", type: "string" }], group: { numRows: 0, chunks: new Map([["x", toChunk("string", [])]]) }, error: /a chunk for "x", which is not a column/ },
    { name: "blob rows", cols: [{ name: "r", type: "blob" }], group: { numRows: 2, chunks: new Map([["r", toChunk("blob", ["a"])]]) }, error: /blob pages hold 1 rows, row group has 2/ },
    { name: "duplicate columns", cols: [{ name: "c", type: "string" }, { name: "c", type: "double" }], group: { numRows: 0, chunks: new Map() }, error: /column "c" is listed twice/ },
  ];
  it.each(bad)("$name", ({ cols, group, error }) => {
    const path = tmp();
    expect(() => writeParquetFile(path, cols, [group])).toThrow(error);
    expect(() => writeParquetFile(path, cols, [group])).toThrow(path);
    expect(existsSync(path)).toBe(false);
  });
});

describe("blob pages", () => {
  // A page with no text is a few bytes of levels: compressing it would only add a header.
  const pages: { name: string; values: (string | null)[]; codec: string }[] = [
    { name: "empty", values: [], codec: "none" },
    { name: "all null", values: [null, null, null], codec: "none" },
    { name: "only empty strings", values: ["", null, ""], codec: "none" },
    { name: "mixed", values: ["a", null, "", "é中😀", null, "<x>".repeat(400)], codec: "brotli" },
    { name: "alternating (bit-packed levels)", values: Array.from({ length: 100 }, (_, i) => (i % 3 ? `v${i}` : null)), codec: "brotli" },
  ];
  it.each(pages)("$name round-trips", ({ values, codec }) => {
    const p = encodeBlobPage(values);
    expect(p.codec).toBe(codec);
    expect(p.rows).toBe(values.length);
    expect(decodeBlobPage(p)).toEqual(values);
  });

  it("refuses a page whose size does not match", () => {
    const p = encodeBlobPage(["a"]);
    expect(() => decodeBlobPage({ ...p, uncompressedSize: p.uncompressedSize + 1 })).toThrow(/expected/);
  });
});

/** An uncompressed blob page, the shape the store keeps while a page is still open. */
function rawBlobPage(values: (string | null)[]): { rows: number; uncompressedSize: number; data: Uint8Array } {
  const gz = encodeBlobPage(values, "gzip");
  const data = new Uint8Array(gunzipSync(gz.data));
  return { rows: values.length, uncompressedSize: data.length, data };
}
