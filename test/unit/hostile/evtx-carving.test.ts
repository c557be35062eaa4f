// EVTX chunk carving (issue 10, data fuzzer): bytes inserted before the file header (a copied
// range of the file itself, ~27 KB), a destroyed header, or a long stretch between chunks used to
// cost every record, because the reader only looked where the header and the 64 KiB grid said.
// Now the file is scanned for "ElfChnk\0" signatures whose chunk validates. Each case builds a
// small EVTX, damages it one way, and checks that every record of every intact chunk comes out
// exactly once, nothing else comes out, and one warning says where carving started.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readEvtxBytes, type EvtxItem } from "../../../src/adapters/evtx/reader.js";
import { isEvtx } from "../../../src/adapters/evtx/ingest-evtx.js";
import { findChunk } from "../../../src/adapters/evtx/carve.js";
import { ingestStream } from "../../../src/adapters/ingest.js";
import { EventStore } from "../../../src/store/event-store.js";
import { ChunkBuilder, evtxFile, sysmonChunk as sharedSysmonChunk } from "../adapters/evtx-builder.js";

const HEAD = 4096;
const CHUNK = 65536;

/** A chunk of `n` records `<E>tag-i</E>` (900 fill it to about 55 KB). */
function chunk(tag: string, n: number): Buffer {
  const b = new ChunkBuilder();
  for (let i = 0; i < n; i++) b.record(BigInt(i + 1), (r) => r.fragment().open("E").closeStart().text(`${tag}-${i}`).end().eof());
  return b.finish();
}
const records = (tag: string, n: number): string[] => Array.from({ length: n }, (_x, i) => `<E>${tag}-${i}</E>`);

const SMALL = evtxFile([chunk("a", 80), chunk("b", 80), chunk("c", 80)]);
const FULL = evtxFile([chunk("a", 900), chunk("b", 900)]);
const ALL_SMALL = [...records("a", 80), ...records("b", 80), ...records("c", 80)];
/** Where the first chunk's records end (its free space offset). */
const FREE = SMALL.readUInt32LE(HEAD + 48);
const hex = (n: number): string => `0x${n.toString(16)}`;

/** Two Sysmon 1 records shaped like Windows writes them (templates, substitutions). */
function sysmonChunk(firstId: number): Buffer {
  const names = ["UtcTime", "ProcessId", "Image", "CommandLine"];
  const rows = [0, 1].map((i) => ["2019-04-03 18:11:59.996", String(4000 + i), "C:\\Windows\\System32\\cmd.exe", `cmd.exe /c echo ${firstId + i}`]);
  return sharedSysmonChunk(names, rows, firstId);
}

const xmlOf = (items: EvtxItem[]): string[] => items.flatMap((i) => (i.kind === "record" ? [i.xml] : []));
const errorsOf = (items: EvtxItem[]): string[] => items.flatMap((i) => (i.kind === "error" ? [i.reason] : []));
const insert = (b: Buffer, at: number, bytes: Buffer): Buffer => Buffer.concat([b.subarray(0, at), bytes, b.subarray(at)]);
const remove = (b: Buffer, at: number, len: number): Buffer => Buffer.concat([b.subarray(0, at), b.subarray(at + len)]);
/** Deterministic bytes with NULs, like the inside of a chunk, and no "ElfChnk". */
const noise = (len: number): Buffer => Buffer.from(Array.from({ length: len }, (_x, i) => (i % 7 === 0 ? 0 : (i * 131 + 17) & 0xff)));

interface Case {
  readonly name: string;
  readonly file: Buffer;
  /** Records that must come out exactly once, in order. */
  readonly once: readonly string[];
  /** Records that may come out more than once (repeated by a copied range). */
  readonly repeatable?: readonly string[];
  /** What the one carving warning says. */
  readonly carving: string;
}

const cases: Case[] = [
  {
    name: "27 KB of the file's own chunk data copied before the header",
    file: insert(SMALL, 0, SMALL.subarray(HEAD + CHUNK + 600, HEAD + CHUNK + 600 + 27_000)),
    once: ALL_SMALL,
    carving: `file header: no "ElfFile" signature; carving: scanned for "ElfChnk" chunk signatures from 0x0, the first valid chunk is at ${hex(27_000 + HEAD)}; chunks read from there`,
  },
  {
    name: "27 KB copied from the file's start (header and the first chunk's header) before it",
    file: insert(SMALL, 0, SMALL.subarray(0, 27_000)),
    once: [...records("b", 80), ...records("c", 80)],
    repeatable: records("a", 80),
    // The copied header is valid and so is the copied first chunk (its records are repeated).
    carving: `chunk 2 at 0x11000: no "ElfChnk" signature; carving: scanned for "ElfChnk" chunk signatures from ${hex(HEAD + FREE)}, the next valid chunk is at ${hex(27_000 + HEAD)} (${27_000 + HEAD - HEAD - CHUNK} byte(s) from where it was expected); read from there`,
  },
  {
    name: "100 bytes of noise before a header whose signature is also hit",
    file: insert(
      (() => {
        const b = Buffer.from(SMALL);
        b.fill(0x41, 0, 16);
        return b;
      })(),
      0,
      noise(100),
    ),
    once: ALL_SMALL,
    carving: `file header: no "ElfFile" signature; carving: scanned for "ElfChnk" chunk signatures from 0x0, the first valid chunk is at ${hex(100 + HEAD)}; chunks read from there`,
  },
  {
    name: "70,000 bytes of noise between the first and second chunks",
    file: insert(SMALL, HEAD + CHUNK, noise(70_000)),
    once: ALL_SMALL,
    carving: `chunk 2 at 0x11000: no "ElfChnk" signature; carving: scanned for "ElfChnk" chunk signatures from ${hex(HEAD + FREE)}, the next valid chunk is at ${hex(HEAD + CHUNK + 70_000)} (70000 byte(s) from where it was expected); read from there`,
  },
  {
    name: "a chunk whose header CRC is hit, carved by its first record",
    file: (() => {
      const b = insert(SMALL, 0, noise(5000));
      b[5000 + HEAD + 100]! ^= 0x10; // inside chunk 1's header, outside its signature
      return b;
    })(),
    once: ALL_SMALL,
    carving: `file header: no "ElfFile" signature; carving: scanned for "ElfChnk" chunk signatures from 0x0, the first valid chunk is at ${hex(5000 + HEAD)}; chunks read from there`,
  },
];

describe("EVTX carving: every record of an intact chunk, exactly once", () => {
  it.each(cases)("$name", ({ file, once, repeatable = [], carving }) => {
    const items = [...readEvtxBytes(file)];
    const xml = xmlOf(items);
    expect(xml.filter((x) => once.includes(x))).toEqual(once);
    // Nothing invented: every record is one of the original's.
    expect(xml.filter((x) => !once.includes(x) && !repeatable.includes(x))).toEqual([]);
    for (const r of repeatable) expect(xml).toContain(r);
    expect(errorsOf(items).filter((e) => /carving/.test(e))).toEqual([carving]);
  });
});

describe("EVTX: a chunk that lost bytes ends where the next chunk starts", () => {
  it.each([
    { name: "15,000 bytes lost in the first of two full chunks", file: remove(FULL, HEAD + 20_000, 15_000), shift: -15_000 },
    { name: "40,000 bytes lost in it (beyond half a chunk)", file: remove(FULL, HEAD + 10_000, 40_000), shift: -40_000 },
  ])("$name: the second chunk once, no record read from the wrong chunk", ({ file, shift }) => {
    const items = [...readEvtxBytes(file)];
    const xml = xmlOf(items);
    const second = records("b", 900);
    expect(xml.filter((x) => x.startsWith("<E>b-"))).toEqual(second);
    const first = new Set(records("a", 900));
    expect(xml.filter((x) => !x.startsWith("<E>b-") && !first.has(x))).toEqual([]);
    const next = HEAD + CHUNK + shift;
    expect(errorsOf(items)).toContainEqual(expect.stringContaining(`the next valid chunk starts at 0x${next.toString(16)} (bytes lost or added)`));
  });
});

describe("EVTX: what carving leaves alone", () => {
  it.each([
    { name: "an intact file", file: SMALL, errors: [] as string[] },
    { name: "never-written (zero) chunk slots after the last chunk", file: Buffer.concat([SMALL, Buffer.alloc(2 * CHUNK)]), errors: [] },
    { name: "a never-written slot between chunks", file: insert(SMALL, HEAD + CHUNK, Buffer.alloc(CHUNK)), errors: [] },
  ])("$name: all records, no warning", ({ file, errors }) => {
    const items = [...readEvtxBytes(file)];
    expect(xmlOf(items)).toEqual(ALL_SMALL);
    expect(errorsOf(items)).toEqual(errors);
  });

  it("an \"ElfChnk\" text with no valid chunk behind it is not a chunk", () => {
    const fake = Buffer.concat([noise(1000), Buffer.from("ElfChnk\0", "latin1"), noise(2000)]);
    const read = (buf: Buffer, pos: number) => (pos >= fake.length ? 0 : fake.copy(buf, 0, pos));
    expect(findChunk(read, 0, fake.length, fake.length)).toBeUndefined();
    expect(errorsOf([...readEvtxBytes(fake)])).toEqual(['file header: no "ElfFile" signature']);
  });
});

describe("ingestion: which files are carved, and the warning names the file", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "minispl-evtx-carving-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Buffer): string => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it.each([
    { name: "bytes before the header", bytes: () => cases[0]!.file, evtx: true },
    { name: "an intact EVTX", bytes: () => SMALL, evtx: true },
    { name: "text that mentions ElfChnk", bytes: () => Buffer.from(`ElfChnk\0 is the chunk signature\n`.replace("\0", " ").repeat(50)), evtx: false },
    { name: "noise with no chunk", bytes: () => noise(9000), evtx: false },
    { name: "a gzip", bytes: () => gzipSync(SMALL), evtx: false },
  ])("$name: isEvtx = $evtx", ({ name, bytes, evtx }) => {
    expect(isEvtx(write(`${name.replace(/\W+/g, "-")}.bin`, bytes()))).toBe(evtx);
  });

  it("a file with 27 KB before its header: every event, and one warning at line 0 naming the file", () => {
    const image = evtxFile([sysmonChunk(100), sysmonChunk(200)]);
    const file = write("inserted.evtx", insert(image, 0, image.subarray(HEAD + CHUNK + 100, HEAD + CHUNK + 100 + 27_000)));
    const report = ingestStream(new EventStore(), [file]);
    expect(report.events).toBe(4);
    expect(report.skipped).toEqual([{ file, line: 0, reason: expect.stringContaining(`from 0x0, the first valid chunk is at ${hex(27_000 + HEAD)}`) }]);
  });
});
