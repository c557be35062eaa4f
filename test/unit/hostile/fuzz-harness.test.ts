// Two ways the data fuzzer's record comparison misplaced losses:
// * EVTX events are placed at their record's bytes by EventRecordID. Exported and cleared logs
//   renumber the record headers (1…n for EventRecordIDs 31791…), as 5 of the 6 EVTX files the
//   fuzzer picks do: keyed by the header id, none of their events was located, so a lost one was
//   "unlocated" instead of a finding. The id is now read from the rendered record.
// * A dataset may hold the same event twice (certutil_exe_certificate_extraction.raw does): when
//   the damage hit one copy, the emitted one was paired with the first and the second counted as
//   lost away from the damage. Identical records are now interchangeable.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EventStore, ingestPaths } from "../../../src/index.js";
import { fileUnits } from "../../../src/fuzz/file-units.js";
import { mutateBytes, PPM, type ByteMutation } from "../../../src/fuzz/byte-mutations.js";
import { eventRecords } from "../../../src/fuzz/event-records.js";
import { baselineOf, compareRecords } from "../../../src/fuzz/record-compare.js";
import { SYSMON_1, sysmonXml } from "../adapters/fixtures.js";
import { ChunkBuilder, VT, eventTemplate, evtxFile, val } from "../adapters/evtx-builder.js";

/** Records whose header ids are 1, 2, 3 and EventRecordIDs 31791, 31792, 31793. */
function renumbered(): Buffer {
  const b = new ChunkBuilder();
  let def = 0;
  for (let i = 0; i < 3; i++) {
    b.record(BigInt(i + 1), (r) => {
      r.fragment();
      def = r.template(def || eventTemplate("Security", "Microsoft-Windows-Security-Auditing"), [
        val.null(), val.u16(4688), val.null(), val.u8(2), val.u8(0), val.u16(13312), val.u8(0),
        val.u64(0x8020000000000000n, VT.HexInt64), val.fileTime("2024-03-09T00:05:31.000Z", i), val.u64(BigInt(31791 + i)),
        val.null(), val.null(), val.u32(4), val.u32(88), val.str("dc01.example"), val.null(), val.null(),
      ]);
      r.eof();
    });
  }
  return evtxFile([b.finish()]);
}

describe("fuzz file units: EVTX records by EventRecordID", () => {
  it.each([["31791", 0], ["31792", 1], ["31793", 2]] as const)("EventRecordID %s is the %i-th record's bytes", (id, k) => {
    const bytes = renumbered();
    const records = fileUnits(bytes)[0]!.evtxRecords!;
    expect([...records.keys()]).toEqual(["31791", "31792", "31793"]);
    const hit = records.get(id)!;
    expect(hit.chunk).toBe(4096);
    expect(bytes.readUInt32LE(hit.range.start)).toBe(0x2a2a);
    expect(bytes.readBigUInt64LE(hit.range.start + 8)).toBe(BigInt(k + 1));
    expect(bytes.readUInt32LE(hit.range.end - 4)).toBe(hit.range.end - hit.range.start);
  });
});

describe("fuzz record comparison: identical records are interchangeable", () => {
  const A = sysmonXml(1, "2023-11-07T09:41:10.5071234Z", SYSMON_1);
  const B = sysmonXml(1, "2023-11-07T09:41:11.5071234Z", SYSMON_1);
  const records = (bytes: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-harness-"));
    try {
      const path = join(dir, "dup.xml");
      writeFileSync(path, bytes);
      const store = new EventStore();
      ingestPaths(store, [path]);
      return eventRecords(store, path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const lines = [B, A, A, B];
  const text = Buffer.from(`${lines.join("\n")}\n`);
  const start = (k: number) => lines.slice(0, k).reduce((a, l) => a + Buffer.byteLength(l) + 1, 0);

  it.each([
    { name: "the first copy hit", k: 1 },
    { name: "the second copy hit", k: 2 },
  ])("$name: one lost in the damage, none elsewhere", ({ k }) => {
    // A flipped bit in the copy's `<Event xmlns=`: that record is the one lost.
    const ms: ByteMutation[] = [{ kind: "flip", at: Math.ceil(((start(k) + 3) / text.length) * PPM), bit: 1 }];
    const damaged = mutateBytes(text, ms);
    const counts = compareRecords(baselineOf(text, records(text)), damaged, ms, records(damaged));
    expect({ equal: counts.equal, lostInDamage: counts.lostInDamage, lostElsewhere: counts.lostElsewhere }).toEqual({ equal: 3, lostInDamage: 1, lostElsewhere: 0 });
  });
});
