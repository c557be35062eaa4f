// EVTX framing damage found by the data fuzzer (issue 10): a damaged file header, or bytes added or
// lost inside one chunk, used to cost every record of the file after it, although each 64 KiB
// chunk stands on its own. Two chunks of 80 small records are built here; each case damages the
// file one way and counts the records of the chunk the damage does not touch.
import { describe, expect, it } from "vitest";
import { readEvtxBytes, type EvtxItem } from "../../../src/adapters/evtx/reader.js";
import { ChunkBuilder, evtxFile } from "../adapters/evtx-builder.js";

const N = 80;
function chunk(tag: string): Buffer {
  const b = new ChunkBuilder();
  for (let i = 0; i < N; i++) b.record(BigInt(i + 1), (r) => r.fragment().open("E").closeStart().text(`${tag}-${i}`).end().eof());
  return b.finish();
}

const FILE = evtxFile([chunk("a"), chunk("b")]);
const HEAD = 4096;
const CHUNK = 65536;
const xmlOf = (items: EvtxItem[]): string[] => items.flatMap((i) => (i.kind === "record" ? [i.xml] : []));
const errorsOf = (items: EvtxItem[]): string[] => items.flatMap((i) => (i.kind === "error" ? [i.reason] : []));
const second = Array.from({ length: N }, (_x, i) => `<E>b-${i}</E>`);

function edit(f: (b: Buffer) => Buffer): EvtxItem[] {
  return [...readEvtxBytes(f(Buffer.from(FILE)))];
}

describe("EVTX framing damage costs only the chunk it touches", () => {
  it("a flipped bit in the ElfFile signature: every record, and the header named", () => {
    const items = edit((b) => {
      b[0]! ^= 1;
      return b;
    });
    expect(xmlOf(items)).toHaveLength(2 * N);
    expect(errorsOf(items)).toEqual(['file header: no "ElfFile" signature (chunks read from 4096 anyway)']);
  });

  it("a flipped bit in the header block size: the chunks are still read from 4096", () => {
    const items = edit((b) => {
      b[40]! ^= 0x10;
      return b;
    });
    expect(xmlOf(items)).toHaveLength(2 * N);
  });

  it.each([
    ["5 bytes inserted", (b: Buffer) => Buffer.concat([b.subarray(0, HEAD + 30_000), Buffer.from([1, 2, 3, 4, 5]), b.subarray(HEAD + 30_000)]), 5],
    ["300 bytes lost", (b: Buffer) => Buffer.concat([b.subarray(0, HEAD + 30_000), b.subarray(HEAD + 30_300)]), -300],
  ])("%s in the first chunk: the second chunk is found where it moved, whole", (_name, f, shift) => {
    const items = edit(f);
    expect(xmlOf(items).slice(-N)).toEqual(second);
    expect(errorsOf(items)).toContainEqual(
      `chunk 2 at 0x${(HEAD + CHUNK).toString(16)}: no "ElfChnk" signature; the next one is ${shift} byte(s) away (bytes added or lost before it), read from there`,
    );
  });

  it("a file that is no EVTX at all is still refused", () => {
    expect(errorsOf([...readEvtxBytes(Buffer.from("<Event xmlns='x'/>".padEnd(200)))])).toEqual(['file header: no "ElfFile" signature']);
  });
});
