/** member-file.ts: a part's dataset member lists round-trip exactly, and damage is an error naming the file. */
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemberFile, writeMemberFile } from "../../../src/storage/members/member-file.js";

const root = mkdtempSync(join(tmpdir(), "minispl-members-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("member files", () => {
  it("round-trips random ascending row lists, offset by the rows of earlier parts", () => {
    const path = join(root, "p.members");
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.uniqueArray(fc.integer({ min: 0, max: 3_000_000 }), { maxLength: 200 })), fc.nat(1000), (raw, offset) => {
        const lists = new Map(Object.entries(raw).map(([k, v]) => [k, Int32Array.from([...v].sort((a, b) => a - b))]));
        writeMemberFile(path, 3_000_001, lists);
        const file = MemberFile.read(path);
        for (const [k, v] of lists) expect(Array.from(file.members(k, offset))).toEqual(Array.from(v, (r) => r + offset));
        expect(file.members("No.Such_Dataset").length).toBe(0);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it.each([
    ["truncated", (b: Buffer) => b.subarray(0, b.length - 3), /ends early|truncated/],
    ["not a member file", (b: Buffer) => Buffer.concat([Buffer.from("XXXXXXXX"), b.subarray(8)]), /not a member file/],
    ["another version", (b: Buffer) => (b.writeUInt32LE(99, 8), b), /version 99/],
  ])("%s: an error naming the file", (_name, damage, message) => {
    const path = join(root, "d.members");
    writeMemberFile(path, 1000, new Map([["Endpoint.Processes", Int32Array.from([1, 5, 900])]]));
    writeFileSync(path, damage(Buffer.from(readFileSync(path))));
    expect(() => MemberFile.read(path).members("Endpoint.Processes")).toThrow(new RegExp(`member file .*d\\.members: .*${message.source}`));
  });

  it("a row past the part's rows is damage, not a row of another part", () => {
    const path = join(root, "r.members");
    writeMemberFile(path, 10, new Map([["A.B", Int32Array.from([2, 50])]]));
    expect(() => MemberFile.read(path).members("A.B")).toThrow(/row 50 of A.B is past the part's 10 rows/);
  });
});
