/**
 * The data fuzzer's record comparison (src/fuzz/record-compare.ts): damaged ranges mapped back to
 * the original's offsets, and events classed as equal, lost in or away from the damage, changed,
 * or repeated by a copied range. Built on in-code XML lines, so it needs no shared data.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { EventStore, ingestPaths } from "../../../src/index.js";
import { mutateBytes, PPM, type ByteMutation } from "../../../src/fuzz/byte-mutations.js";
import { damageMap } from "../../../src/fuzz/damage-map.js";
import { eventRecords } from "../../../src/fuzz/event-records.js";
import { baselineOf, compareRecords } from "../../../src/fuzz/record-compare.js";
import { SYSMON_1, sysmonXml } from "../adapters/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-compare-"));
let n = 0;
function records(bytes: Buffer, name: string) {
  const path = join(mkdtempSync(join(dir, `${n++}-`)), name);
  writeFileSync(path, bytes);
  const store = new EventStore();
  ingestPaths(store, [path]);
  return eventRecords(store, path);
}

const LINES = Array.from({ length: 10 }, (_x, i) => sysmonXml(1, `2023-11-07T09:41:1${i}.5071234Z`, SYSMON_1));
const XML = Buffer.from(`${LINES.join("\n")}\n`);
const ppm = (offset: number, bytes: Buffer) => Math.ceil((offset / bytes.length) * PPM);
// Byte offsets: the fixture holds "®", two bytes in UTF-8.
const lineStart = (k: number) => LINES.slice(0, k).reduce((a, l) => a + Buffer.byteLength(l) + 1, 0);

function compare(bytes: Buffer, name: string, ms: ByteMutation[]) {
  const base = baselineOf(bytes, records(bytes, name));
  const damaged = mutateBytes(bytes, ms);
  return compareRecords(base, damaged, ms, records(damaged, name));
}

describe("damageMap", () => {
  it("maps a flip, an insertion and a truncation back to original offsets", () => {
    expect(damageMap(100, [{ kind: "flip", at: 500_000, bit: 0 }]).ranges).toEqual([{ start: 50, end: 51 }]);
    expect(damageMap(100, [{ kind: "insert", at: 200_000, bytes: [1, 2] }]).ranges).toEqual([{ start: 19, end: 21 }]);
    expect(damageMap(100, [{ kind: "truncate", at: 300_000 }]).ranges).toEqual([{ start: 29, end: Number.POSITIVE_INFINITY }]);
    // The second flip is at 50% of the 102-byte damaged file: byte 51, which was original byte 49.
    expect(damageMap(100, [{ kind: "insert", at: 0, bytes: [1, 2] }, { kind: "flip", at: 500_000, bit: 0 }]).ranges).toEqual([
      { start: 0, end: 1 }, { start: 49, end: 50 },
    ]);
  });
});

describe("compareRecords", () => {
  it("a flipped bit inside record 3 loses or changes that record only", () => {
    const c = compare(XML, "a.xml", [{ kind: "flip", at: ppm(lineStart(3) + 300, XML), bit: 1 }]);
    expect(c.equal).toBe(9);
    expect(c.lostInDamage).toBe(1);
    expect(c.lostElsewhere + c.changedElsewhere).toBe(0);
  });

  it("a copied range repeats whole records, which is allowed", () => {
    const at = ppm(lineStart(2), XML);
    const c = compare(XML, "a.xml", [{ kind: "duplicate", at, len: lineStart(4) - lineStart(2), to: ppm(lineStart(7), XML) }]);
    expect(c).toMatchObject({ equal: 10, repeated: 2, lostElsewhere: 0, changedElsewhere: 0 });
  });

  it("a gzip cut keeps the records before the bytes that still inflate", () => {
    const gz = gzipSync(XML);
    const c = compare(gz, "a.xml.gz", [{ kind: "truncate", at: 700_000 }]);
    expect(c.lostElsewhere + c.changedElsewhere).toBe(0);
    expect(c.equal + c.lostInDamage).toBe(10);
  });

  it("a record lost away from the damage is counted as a bug", () => {
    const base = baselineOf(XML, records(XML, "a.xml"));
    const flip: ByteMutation[] = [{ kind: "flip", at: ppm(lineStart(3) + 300, XML), bit: 1 }];
    // As if the reader dropped record 3 (damaged) and also 7, 8 and 9 (not damaged).
    const c = compareRecords(base, mutateBytes(XML, flip), flip, [...base.records.slice(0, 3), ...base.records.slice(4, 7)]);
    expect(c).toMatchObject({ equal: 6, lostInDamage: 1, lostElsewhere: 3 });
  });
});
