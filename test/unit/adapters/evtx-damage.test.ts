// EVTX damage (issue 10): one flipped bit is repaired from the CRC-32; more damage costs the
// record it hits, not its 64 KiB chunk; a cut
// file keeps every whole record before the cut; a file that yields nothing says so. Chunks of
// 80 small records are built in the test; each case damages one byte and counts what is read.
// Record layout: header 24 bytes, fragment header 4, <E> start 28–39 (name by reference after the
// first record), text token 40–43, the UTF-16 value from 44.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readEvtxBytes, type EvtxItem } from "../../../src/adapters/evtx/reader.js";
import { ingestStream } from "../../../src/adapters/ingest.js";
import { EventStore } from "../../../src/store/event-store.js";
import { ChunkBuilder, evtxFile } from "./evtx-builder.js";

const N = 80;
/** Record i: `<E>value-i</E>`; returns the chunk and each record's chunk offset. */
function chunk(): { image: Buffer; at: number[] } {
  const b = new ChunkBuilder();
  const at: number[] = [];
  for (let i = 0; i < N; i++) {
    at.push(b.pos);
    b.record(BigInt(i + 1), (r) => r.fragment().open("E").closeStart().text(`value-${i}`).end().eof());
  }
  return { image: b.finish(), at };
}

const { image, at } = chunk();
const FILE = evtxFile([image]);
const HEAD = 4096;
const xmlOf = (items: EvtxItem[]): string[] => items.flatMap((i) => (i.kind === "record" ? [i.xml] : []));
const errorsOf = (items: EvtxItem[]): string[] => items.flatMap((i) => (i.kind === "error" ? [i.reason] : []));
const all = Array.from({ length: N }, (_x, i) => `<E>value-${i}</E>`);
const without = (k: number): string[] => all.filter((_x, i) => i !== k);

function flipped(offset: number, mask: number): Buffer {
  const out = Buffer.from(FILE);
  out[HEAD + offset]! ^= mask;
  return out;
}

const K = 37;
/** Two flipped bits: too many to repair, so the chunk is read record by record. */
const TWO = 0x18;
const cases: { name: string; file: Buffer; xml: string[]; errors: RegExp[] }[] = [
  { name: "size field", file: flipped(at[K]! + 4, TWO), xml: without(K), errors: [/damaged byte\(s\) at 0x[0-9a-f]+ hold no valid record/, /79 recovered .*1 damaged skipped$/] },
  { name: "signature", file: flipped(at[K]!, TWO), xml: without(K), errors: [/damaged byte\(s\)/, /79 recovered .*1 damaged skipped$/] },
  { name: "size copy at the record's end", file: flipped(at[K + 1]! - 4, TWO), xml: without(K), errors: [/damaged byte\(s\)/, /79 recovered .*1 damaged skipped$/] },
  { name: "a BinXML token", file: flipped(at[K]! + 28, 0x30), xml: without(K), errors: [new RegExp(`record ${K + 1} at 0x[0-9a-f]+: `), /79 recovered .*1 damaged skipped$/] },
  { name: "a value (kept, and said to be unverified)", file: flipped(at[K]! + 44, 0x03), xml: all.map((x, i) => (i === K ? "<E>ualue-37</E>" : x)), errors: [/80 recovered \(not verified by the CRC: a value in them may be corrupted\), 0 damaged skipped$/] },
];

describe("EVTX: two flipped bits cost the record they hit, not the chunk", () => {
  it.each(cases)("in $name", ({ file, xml, errors }) => {
    const items = [...readEvtxBytes(file)];
    expect(xmlOf(items)).toEqual(xml);
    expect(errorsOf(items)).toEqual(errors.map((e) => expect.stringMatching(e)));
  });
});

describe("EVTX: one flipped bit is found from the CRC-32 and repaired", () => {
  it.each([
    { name: "size field", offset: at[K]! + 4 },
    { name: "signature", offset: at[K]! },
    { name: "a value", offset: at[K]! + 44 },
    { name: "the last byte of the records", offset: at[N - 1]! + 30 },
  ])("in $name: all 80 records as written", ({ offset }) => {
    for (const bit of [0, 5, 7]) {
      const items = [...readEvtxBytes(flipped(offset, 1 << bit))];
      expect(xmlOf(items)).toEqual(all);
      expect(errorsOf(items)).toEqual([
        `chunk 1 at 0x1000: event records CRC-32 mismatch explained by one flipped bit (bit ${bit} of the byte at 0x${(HEAD + offset).toString(16)}); repaired, the CRC-32 now matches and all 80 records decode`,
      ]);
    }
  });
});

describe("EVTX: a cut file", () => {
  it("cut inside its only chunk keeps every whole record before the cut", () => {
    const cut = HEAD + at[50]! + 10;
    const items = [...readEvtxBytes(FILE.subarray(0, cut))];
    expect(xmlOf(items)).toEqual(all.slice(0, 50));
    expect(errorsOf(items)).toEqual([
      expect.stringMatching(/^file is truncated/),
      expect.stringMatching(/10 damaged byte\(s\)/),
      expect.stringMatching(/truncated \(\d+ of 65536 bytes\); records read one by one: 50 recovered, 1 damaged skipped; the rest of the chunk is missing$/),
    ]);
  });

  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "minispl-evtx-damage-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    { name: "cut inside the header block", bytes: FILE.subarray(0, 2000), reason: /^file is truncated: 2000 bytes, its header counts 1 chunk/ },
    { name: "a header and no chunks", bytes: evtxFile([]), reason: /^no event records in this EVTX file \(4096 bytes\)$/ },
  ])("$name: 0 events, and a warning", ({ name, bytes, reason }) => {
    const file = join(dir, `${name.replace(/\W+/g, "-")}.evtx`);
    writeFileSync(file, bytes);
    const report = ingestStream(new EventStore(), [file]);
    expect(report.events).toBe(0);
    expect(report.skipped).toEqual([{ file, line: 0, reason: expect.stringMatching(reason) }]);
  });
});
