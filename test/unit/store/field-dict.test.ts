// FieldDict interns ASCII values by hashing and comparing them in JS against its byte pool, and
// any other value through the UTF-8 staging path; both must name one value by one id, whatever
// mix of values, sizes and trims. Checked against a Map on generated values (fixed seed).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FieldDict } from "../../../src/store/field-dict.js";

/** Values that collide on the paths the dictionary branches on: ASCII, Latin-1, BMP, astral, lone surrogates. */
const value = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
  fc.constantFrom("", "a", "A", "Microsoft® Windows®", "C:\\Windows\\System32\\cmd.exe", "\u00ff", "\u0100", "\ud800", "\udc00x", "😀", "a\u0000b"),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.string({ unit: fc.constantFrom("a", "b", "®", "\ud83d", "\ude00", "é"), maxLength: 5 }),
);

describe("FieldDict", () => {
  it("gives one id per distinct value, and the value back, across trims (= a Map)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.integer({ min: 0, max: 40 })), { maxLength: 400 }), (ops) => {
        const dict = new FieldDict();
        const ref = new Map<string, number>();
        for (const [v, op] of ops) {
          if (op === 0) dict.trim();
          const id = dict.intern(v);
          const known = ref.get(Buffer.from(v, "utf8").toString("utf8"));
          if (known !== undefined) expect(id).toBe(known);
          else {
            expect(id).toBe(ref.size + 1);
            ref.set(Buffer.from(v, "utf8").toString("utf8"), id);
          }
          expect(dict.lookup(v)).toBe(id);
          expect(dict.get(id)).toBe(Buffer.from(v, "utf8").toString("utf8"));
          expect(dict.internBytes(Buffer.from(v, "utf8"))).toBe(id);
        }
        expect(dict.size).toBe(ref.size + 1);
        expect(dict.lookup("\u0001never interned\u0002")).toBeUndefined();
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it("keeps ids stable past thousands of values (table growth) and after trim", () => {
    const dict = new FieldDict();
    const ids = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const v = i % 7 === 0 ? `välue-${i % 5000}` : `value-${i % 9000}`;
      const id = dict.intern(v);
      if (ids.has(v)) expect(id).toBe(ids.get(v));
      else ids.set(v, id);
      if (i === 12_345) dict.trim();
    }
    for (const [v, id] of ids) {
      expect(dict.lookup(v)).toBe(id);
      expect(dict.get(id)).toBe(v);
    }
  });
});
