import { describe, expect, it } from "vitest";
import { ByteSink } from "../../../src/storage/parquet/byte-sink.js";
import { bitWidth, decodeHybrid, encodeHybrid } from "../../../src/storage/parquet/rle-hybrid.js";
import { CompactWriter, TType } from "../../../src/storage/parquet/thrift-writer.js";
import { CompactReader } from "../../../src/storage/parquet/thrift-reader.js";
import { decodeFileMetaData, decodePageHeader } from "../../../src/storage/parquet/metadata-decode.js";
import { encodeFileMetaData, encodePageHeader } from "../../../src/storage/parquet/metadata-encode.js";
import type { FileMetaData, PageHeader } from "../../../src/storage/parquet/metadata-types.js";
import { snappyUncompress } from "../../../src/storage/parquet/snappy.js";
import { Utf8DictBuilder } from "../../../src/storage/parquet/utf8-dict-builder.js";
import { entryStrings } from "../../../src/storage/parquet/utf8-entries.js";

describe("RLE / bit-packed hybrid", () => {
  let seed = 7;
  const rand = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed;
  };
  const widths = [0, 1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 23, 24, 25, 31, 32];
  it.each(widths)("round-trips width %i (runs, noise, and a count that is not a multiple of 8)", (width) => {
    const max = 2 ** width;
    const values: number[] = [];
    for (let block = 0; block < 20; block++) {
      const run = rand() % 3 === 0;
      const len = 1 + (rand() % 37);
      const v = rand() % max;
      for (let i = 0; i < len; i++) values.push(run ? v : rand() % max);
    }
    values.push(max - 1);
    const sink = new ByteSink(4);
    encodeHybrid(sink, values, values.length, width);
    const bytes = sink.finish();
    const out = new Uint32Array(values.length);
    expect(decodeHybrid(bytes, 0, bytes.length, width, out, 0, values.length)).toBe(bytes.length);
    expect(Array.from(out)).toEqual(values);
  });

  it("uses one RLE run for a constant column", () => {
    const sink = new ByteSink();
    encodeHybrid(sink, new Uint8Array(100_000).fill(1), 100_000, 1);
    expect(Array.from(sink.finish())).toEqual([0xc0, 0x9a, 0x0c, 1]); // varint(200000), value 1
  });

  it("bit widths", () => {
    expect([0, 1, 2, 3, 255, 256, 65_535, 65_536, 69_999, 2 ** 32 - 1].map(bitWidth)).toEqual([0, 1, 2, 2, 8, 9, 16, 17, 17, 32]);
  });

  it("throws on data that ends early instead of reading past it", () => {
    const sink = new ByteSink();
    encodeHybrid(sink, [1, 2, 3, 4, 5, 6, 7, 0, 1, 2], 10, 3);
    const bytes = sink.finish();
    expect(() => decodeHybrid(bytes, 0, 1, 3, new Uint8Array(10), 0, 10)).toThrow(/bit-packed run past the end/);
    expect(() => decodeHybrid(bytes, 0, bytes.length, 3, new Uint8Array(20), 0, 20)).toThrow(/ends after 16 of 20 values/);
  });
});

describe("Thrift compact protocol", () => {
  const meta: FileMetaData = {
    version: 1,
    schema: [{ name: "schema", numChildren: 1 }, { name: "host", type: 6, repetitionType: 1, convertedType: 0, logicalType: "STRING" }],
    numRows: 3_000_000_000,
    rowGroups: [
      {
        columns: [
          {
            fileOffset: 4,
            metaData: {
              type: 6,
              encodings: [0, 3, 8],
              pathInSchema: ["host"],
              codec: 2,
              numValues: 3_000_000_000,
              totalUncompressedSize: 2 ** 40,
              totalCompressedSize: 100,
              dataPageOffset: 2 ** 33,
              dictionaryPageOffset: 4,
              statistics: { nullCount: 0, minValue: Buffer.from("a"), maxValue: Buffer.from("é") },
            },
          },
        ],
        totalByteSize: 5,
        numRows: 3_000_000_000,
        fileOffset: 4,
        totalCompressedSize: 100,
        ordinal: 0,
      },
    ],
    keyValueMetadata: [{ key: "k", value: "v" }, { key: "no-value" }],
    createdBy: "test",
  };

  it("round-trips FileMetaData, i64 values past 2^32 included", () => {
    const back = decodeFileMetaData(encodeFileMetaData(meta));
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(meta)));
  });

  it.each<PageHeader>([
    { type: 0, uncompressedPageSize: 100, compressedPageSize: 50, dataPageHeader: { numValues: 9, encoding: 8, definitionLevelEncoding: 3, repetitionLevelEncoding: 3 } },
    { type: 2, uncompressedPageSize: 70_000, compressedPageSize: 700, dictionaryPageHeader: { numValues: 70_000, encoding: 0, isSorted: false } },
  ])("round-trips page header type $type", (h) => {
    const bytes = encodePageHeader(h);
    const { header, end } = decodePageHeader(Buffer.concat([bytes, Buffer.from("body")]), 0);
    expect(end).toBe(bytes.length);
    expect(JSON.parse(JSON.stringify(header))).toEqual(h);
  });

  it("skips unknown fields of every kind, including nested structs, lists, maps, binary and long field ids", () => {
    const w = new CompactWriter();
    w.i32(1, 2);
    w.list(2, TType.STRUCT, [0], (s) => {
      s.string(4, "root");
      s.i32(5, 0);
      s.struct(9, (x) => x.list(1, TType.BINARY, ["a", "b"], (y, v) => y.rawString(v))); // unknown nested struct
    });
    w.i64(3, 7);
    w.list(4, TType.STRUCT, [], () => {});
    w.struct(8, (s) => {
      s.bool(1, true);
      s.list(2, TType.STRUCT, [1, 2], (x, v) => x.i64(1, v));
      s.binary(3, new Uint8Array(300));
      s.struct(4, (x) => x.struct(1, (y) => y.string(1, "deep")));
    });
    w.list(9, TType.I32, Array.from({ length: 20 }, (_, i) => i), (s, v) => s.rawI32(v)); // long list header
    w.i16(200, 5); // field id delta > 15: long-form header
    const head = Buffer.from(w.finish());
    // A map field (id 201, map<string,bool> with one entry) and a bool list (id 202), hand-encoded,
    // then the struct's STOP.
    const extra = Buffer.from([0x0b, 0x92, 0x03, 0x01, 0x81, 0x01, 0x78, 0x01, 0x09, 0x94, 0x03, 0x21, 0x01, 0x02, 0x00]);
    const bytes = Buffer.concat([head.subarray(0, head.length - 1), extra]);
    const m = decodeFileMetaData(bytes);
    expect(m.version).toBe(2);
    expect(m.numRows).toBe(7);
    expect(m.schema).toEqual([expect.objectContaining({ name: "root", numChildren: 0 })]);
    const r = new CompactReader(bytes, 0);
    r.struct();
    expect(r.pos).toBe(bytes.length);
  });

  it.each([
    { name: "truncated", bytes: [0x15, 0x02, 0x19], error: /unexpected end of data/ },
    { name: "huge list", bytes: [0x19, 0xfc, 0xff, 0xff, 0xff, 0x0f, 0x00], error: /list of 33554431 elements in 1 bytes/ },
    { name: "huge binary", bytes: [0x18, 0xff, 0xff, 0x03, 0x00], error: /value of 65535 bytes runs past the end/ },
    { name: "bad type", bytes: [0x1d, 0x00], error: /unknown field type 13/ },
    { name: "endless varint", bytes: [0x15, ...new Array(12).fill(0xff)], error: /varint longer than 10 bytes/ },
    { name: "deep nesting", bytes: new Array(200).fill(0x1c), error: /nested too deeply/ },
  ])("refuses $name input", ({ bytes, error }) => {
    expect(() => new CompactReader(Uint8Array.from(bytes), 0).struct()).toThrow(error);
  });
});

describe("snappy", () => {
  it("decodes literals and overlapping copies", () => {
    // "abc" then copy(len 9, offset 3): "abcabcabcabc"
    const block = Uint8Array.from([12, 0x08, 0x61, 0x62, 0x63, 0x15, 0x03]);
    expect(Buffer.from(snappyUncompress(block, 12)).toString()).toBe("abcabcabcabc");
  });
  it("refuses a copy before the start and a wrong length", () => {
    expect(() => snappyUncompress(Uint8Array.from([12, 0x08, 0x61, 0x62, 0x63, 0x15, 0x09]), 12)).toThrow(/bad copy offset/);
    expect(() => snappyUncompress(Uint8Array.from([3, 0x08, 0x61, 0x62, 0x63]), 4)).toThrow(/page header says 4/);
  });
});

describe("Utf8DictBuilder", () => {
  it("de-duplicates by bytes, across table growth", () => {
    const b = new Utf8DictBuilder();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i % 1234}é`);
    const ids = words.map((w) => {
      const bytes = Buffer.from(`xx${w}`);
      return b.add(bytes, 2, bytes.length);
    });
    const dict = entryStrings(b.finish());
    expect(dict).toHaveLength(1234);
    expect(ids.map((i) => dict[i])).toEqual(words);
  });
});
