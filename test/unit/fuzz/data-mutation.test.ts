/**
 * Property (issue 10 item 6): a damaged data file gives events or warnings, never an exception,
 * and never more events than the undamaged file unless a range was duplicated (which can repeat
 * whole records). In-code samples (XML lines and their gzip) keep it self-contained; `npm run
 * fuzz -- --data` runs the same mutations over real files.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventStore, ingestPaths } from "../../../src/index.js";
import { byteMutations, mayAddRecords, mutateBytes } from "../../../src/fuzz/byte-mutations.js";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml } from "../adapters/fixtures.js";

const xml = Buffer.from(
  [sysmonXml(1, "2023-11-07T09:41:12.5071234Z", SYSMON_1), securityXml(4688, "2023-11-07T09:41:13.0000000Z", SEC_4688),
    sysmonXml(1, "2023-11-07T09:41:14.5071234Z", SYSMON_1)].join("\n") + "\n",
);
const SAMPLES = [
  { name: "events.xml", bytes: xml },
  { name: "events.xml.gz", bytes: gzipSync(xml) },
];

function ingestBytes(dir: string, name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return ingestPaths(new EventStore(), [path]);
}

describe("damaged data files", () => {
  it("give events or warnings, never an exception or invented events", () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-fuzz-"));
    const original = SAMPLES.map((s) => ingestBytes(dir, s.name, s.bytes).events);
    expect(original).toEqual([3, 3]);
    let n = 0;
    fc.assert(
      fc.property(fc.nat({ max: SAMPLES.length - 1 }), byteMutations, (i, ms) => {
        const sample = SAMPLES[i]!;
        const damaged = mutateBytes(sample.bytes, ms);
        const r = ingestBytes(mkdtempSync(join(dir, `${n++}-`)), sample.name, damaged);
        if (!mayAddRecords(ms)) expect(r.events).toBeLessThanOrEqual(original[i]!);
        if (damaged.length > 0) expect(r.events + r.skipped.length).toBeGreaterThan(0);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20_251_010), numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
