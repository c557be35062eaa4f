import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetMetadata } from "hyparquet";
import { ParquetFile, decodeBlobPage, encodeBlobPage, utf8Entries, writeParquetFile, type ColumnSchema } from "../../../src/storage/parquet/index.js";
import { encodeFileMetaData } from "../../../src/storage/parquet/metadata-encode.js";
import { schemaElements } from "../../../src/storage/parquet/schema-elements.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-parquet-bad-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns: ColumnSchema[] = [
  { name: "host", type: "string" },
  { name: "tags", type: "string-list" },
  { name: "_raw", type: "blob" },
  { name: "_time", type: "double" },
  { name: "n", type: "int32" },
];
const good = join(dir, "good.parquet");
const dict = utf8Entries(["a", "bé", "c😀"]);
writeParquetFile(good, columns, [0, 1].map((g) => ({
  numRows: 40,
  chunks: new Map([
    ["host", { kind: "dict", dict, ids: Uint8Array.from({ length: 40 }, (_, i) => (i + g) % 4) } as const],
    ["tags", { kind: "list", dict, starts: Uint32Array.from({ length: 41 }, (_, i) => i * 2), items: Uint32Array.from({ length: 80 }, (_, i) => (i % 3) + 1) } as const],
    ["_raw", { kind: "blob", pages: [encodeBlobPage(Array.from({ length: 40 }, (_, i) => (i % 5 ? `<e>${i}</e>` : null)))] } as const],
    ["_time", { kind: "double", values: Float64Array.from({ length: 40 }, (_, i) => i) } as const],
    ["n", { kind: "int32", values: Int32Array.from({ length: 40 }, (_, i) => i) } as const],
  ]),
})));
const bytes = readFileSync(good);

function variant(name: string, data: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Opens and reads every chunk; returns the error message, or "ok". */
function readEverything(path: string): string {
  try {
    const f = ParquetFile.open(path);
    try {
      f.rowGroups.forEach((_, g) => f.columns.forEach((c) => f.readChunk(g, c.name)));
    } finally {
      f.close();
    }
    return "ok";
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return (e as Error).message;
  }
}

function withFooter(meta: Parameters<typeof encodeFileMetaData>[0]): Uint8Array {
  const footer = encodeFileMetaData(meta);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(footer.length);
  return Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(100), footer, len, Buffer.from("PAR1")]);
}

const chunkMeta = (dataPageOffset: number, totalCompressedSize: number) => ({
  fileOffset: dataPageOffset,
  metaData: { type: 6, encodings: [0], pathInSchema: ["host"], codec: 0, numValues: 1, totalUncompressedSize: 10, totalCompressedSize, dataPageOffset },
});

const cases: { name: string; data: Uint8Array; error: RegExp }[] = [
  { name: "empty file", data: new Uint8Array(0), error: /too small to be Parquet \(0 bytes\)/ },
  { name: "11 bytes", data: bytes.subarray(0, 11), error: /too small to be Parquet/ },
  { name: "no leading magic", data: Buffer.concat([Buffer.from("PAR0"), bytes.subarray(4)]), error: /no PAR1 magic at the start/ },
  { name: "truncated by one byte", data: bytes.subarray(0, bytes.length - 1), error: /no PAR1 magic at the end \(truncated, or not Parquet\)/ },
  { name: "truncated to half", data: bytes.subarray(0, bytes.length >> 1), error: /no PAR1 magic at the end/ },
  { name: "a text file", data: Buffer.from("host,user\nA,B\n".repeat(10)), error: /no PAR1 magic at the start/ },
  {
    name: "footer length past the start",
    data: (() => {
      const b = Buffer.from(bytes);
      b.writeUInt32LE(bytes.length, bytes.length - 8);
      return b;
    })(),
    error: /footer length \d+ is more than the file's \d+ bytes allow/,
  },
  {
    name: "footer length too short",
    data: (() => {
      const b = Buffer.from(bytes);
      b.writeUInt32LE(3, bytes.length - 8);
      return b;
    })(),
    error: /corrupt footer: /,
  },
  {
    name: "chunk offset past the end of the file",
    data: withFooter({ version: 1, schema: schemaElements([{ name: "host", type: "string" }]), numRows: 1, rowGroups: [{ columns: [chunkMeta(1e9, 10)], totalByteSize: 10, numRows: 1 }] }),
    error: /row group 0, column "host": chunk at bytes 1000000000\.\.1000000010 lies outside the data/,
  },
  {
    name: "chunk running into the footer",
    data: withFooter({ version: 1, schema: schemaElements([{ name: "host", type: "string" }]), numRows: 1, rowGroups: [{ columns: [chunkMeta(4, 5000)], totalByteSize: 10, numRows: 1 }] }),
    error: /lies outside the data/,
  },
  {
    name: "chunk inside the leading magic",
    data: withFooter({ version: 1, schema: schemaElements([{ name: "host", type: "string" }]), numRows: 1, rowGroups: [{ columns: [chunkMeta(0, 10)], totalByteSize: 10, numRows: 1 }] }),
    error: /lies outside the data/,
  },
  {
    name: "row group with a missing column chunk",
    data: withFooter({ version: 1, schema: schemaElements([{ name: "a", type: "string" }, { name: "b", type: "string" }]), numRows: 1, rowGroups: [{ columns: [chunkMeta(4, 10)], totalByteSize: 10, numRows: 1 }] }),
    error: /row group 0 has 1 column chunks, the schema 2/,
  },
  {
    name: "schema claiming more children than it lists",
    data: withFooter({ version: 1, schema: [{ name: "schema", numChildren: 5 }], numRows: 0, rowGroups: [] }),
    error: /schema element "schema" claims 5 children/,
  },
];

describe("bad files fail with an error naming the file and the problem", () => {
  it.each(cases)("$name", ({ name, data, error }) => {
    const path = variant(name.replace(/\W+/g, "-"), data);
    expect(() => ParquetFile.open(path)).toThrow(error);
    expect(() => ParquetFile.open(path)).toThrow(`Parquet file ${path}: `);
  });

  it("a missing file", () => {
    expect(() => ParquetFile.open(join(dir, "nope.parquet"))).toThrow(/Parquet file .*nope\.parquet: cannot open: ENOENT/);
  });

  it.each([0, 1, 3, 4])("a wrecked column chunk fails on read, naming the row group and column (column %i)", (col) => {
    const m = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer).row_groups[1]?.columns[col]?.meta_data;
    const start = Number(m?.dictionary_page_offset ?? m?.data_page_offset);
    const b = Buffer.from(bytes);
    b.fill(0xee, start + 1, start + Number(m?.total_compressed_size));
    const name = columns[col]?.name;
    expect(readEverything(variant("wrecked-page", b))).toMatch(new RegExp(`Parquet file .*wrecked-page, row group 1, column "${name}": `));
  });

  it("blob pages stay compressed, so a wrecked blob page fails when it is decoded", () => {
    const f = ParquetFile.open(good);
    const c = f.readChunk(0, "_raw");
    f.close();
    const page = c.kind === "blob" ? c.pages[0] : undefined;
    if (!page) throw new Error("no blob page");
    const data = Uint8Array.from(page.data);
    data.fill(0xee, 10, 20);
    expect(() => decodeBlobPage({ ...page, data })).toThrow(Error);
  });

  it("reads after close and out-of-range requests are refused", () => {
    const f = ParquetFile.open(good);
    expect(() => f.readChunk(5, "host")).toThrow(/row group 5, column "host": no such row group \(the file has 2\)/);
    expect(() => f.readChunk(0, "nope")).toThrow(/column "nope": no such column/);
    f.close();
    expect(() => f.readChunk(0, "host")).toThrow(/the file is closed/);
  });

  it("every truncation of a small file throws (never hangs or crashes)", () => {
    for (let len = 0; len < bytes.length; len += 7) {
      const path = variant("cut", bytes.subarray(0, len));
      expect(readEverything(path)).toContain(`Parquet file ${path}`);
    }
  });

  it("random byte corruption either reads or throws an Error naming the file", () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const outcomes = { ok: 0, error: 0 };
    for (let trial = 0; trial < 400; trial++) {
      const b = Buffer.from(bytes);
      for (let k = 0, n = 1 + rand(4); k < n; k++) b[rand(b.length)] = rand(256);
      const path = variant("fuzz", b);
      const r = readEverything(path);
      if (r === "ok") outcomes.ok++;
      else {
        expect(r).toContain(`Parquet file ${path}`);
        outcomes.error++;
      }
    }
    expect(outcomes.error).toBeGreaterThan(0);
  });
});
