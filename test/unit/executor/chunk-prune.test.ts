/**
 * chunk-prune.ts: which row groups a base search can skip from footer statistics. The oracle is
 * the search's own predicate: whenever some value of a chunk matches (compileSearch over those
 * values), mayMatch must keep the chunk. Random strings over an alphabet with case variants, `k`,
 * the Kelvin sign and non-ASCII text check that; a table checks what it does skip.
 */
import { describe, expect, it } from "vitest";
import { exprOf } from "../../support/search-expr.js";
import type { SearchExpr } from "../../../src/ast/nodes.js";
import fc from "fast-check";
import { intersectRanges, mayMatch } from "../../../src/executor/chunk-prune.js";
import { compileSearch } from "../../../src/executor/search-predicate.js";
import { valuesHandle, NULL_HANDLE } from "../../../src/executor/field-source.js";
import type { ChunkFieldStats } from "../../../src/store/event-store.js";


/** Statistics of one field's values in a chunk of `rows` rows (null: a row without the field). */
function statsOf(values: readonly (string | null)[]): Extract<ChunkFieldStats, { kind: "stats" }> {
  const present = values.filter((v): v is string => v !== null).map((v) => Buffer.from(v, "utf8"));
  const sorted = [...present].sort(Buffer.compare);
  return {
    kind: "stats",
    rows: values.length,
    nullCount: values.length - present.length,
    ...(sorted.length ? { min: sorted[0] as Buffer, max: sorted[sorted.length - 1] as Buffer } : {}),
  };
}

/** Whether the search matches some row of a chunk whose field `f` has these values. */
function matchesSome(expr: SearchExpr | null, values: readonly (string | null)[]): boolean {
  const pred = compileSearch(expr, { field: (name) => (name === "f" ? valuesHandle(values) : NULL_HANDLE) });
  return values.some((_, i) => pred(i));
}

describe("mayMatch: what the statistics rule out", () => {
  const chunk = statsOf(["4624", "4625", "4688", null]);
  it.each([
    ["f=4688", true],
    ["f=4689", false],
    ["f=1", false],
    ["f=46*", true],
    ["f=47*", false],
    ["f=*88", true], // a leading wildcard says nothing about the range
    ["f=* ", true],
    ["f!=*", false],
    ["f!=4689", true],
    ["f>5000", true], // comparisons are numeric or textual: only "has the field" is used
    ["g=4688", false], // no such field in the part
    ["g!=1", false],
    ["NOT g=4688", true],
    ["f=4689 OR f=4624", true],
    ["f=4689 OR g=1", false],
    ["f=4688 g=1", false],
    ["f IN (1, 2, 4625)", true],
    ["f IN (1, 2)", false],
    ["mimikatz", true], // free text: the term filter's job
    ["f=10.0.0.0/8", true], // CIDR: by address
    ["f=CASE(4689)", true],
  ])("%s → %s", (q, want) => {
    const stats = (field: string): ChunkFieldStats => (field === "f" ? chunk : { kind: "absent", rows: 4 });
    expect(mayMatch(exprOf(q), stats)).toBe(want);
  });

  it("is case-insensitive, and keeps a chunk whose text may hold the Kelvin sign for k", () => {
    const st = (v: string[]) => (field: string) => (field === "f" ? statsOf(v) : undefined);
    expect(mayMatch(exprOf("f=CMD.EXE"), st(["cmd.exe"]))).toBe(true);
    expect(mayMatch(exprOf("f=cmd.exe"), st(["CMD.EXE"]))).toBe(true);
    expect(mayMatch(exprOf("f=cmd.exe"), st(["zzz"]))).toBe(false);
    expect(mayMatch(exprOf("f=cmd.exe"), st(["AAA"]))).toBe(false);
    // "\u212Aey" lower-cases to "key": the chunk's max is above "key", but it matches.
    expect(matchesSome(exprOf("f=key"), ["\u212Aey"])).toBe(true);
    expect(mayMatch(exprOf("f=key"), st(["\u212Aey"]))).toBe(true);
  });

  it("with a dictionary, tests each distinct value with the search's own predicate", () => {
    const values = ["WS-01.lab.example", "cmd.exe", "4688"];
    const st = (field: string): ChunkFieldStats | undefined => (field === "f" ? { ...statsOf(values), values: () => values } : undefined);
    // Upper and lower case bracket almost everything in byte order; the dictionary does not.
    expect(mayMatch(exprOf("f=NO-SUCH-HOST"), (f) => (f === "f" ? statsOf(values) : undefined))).toBe(true);
    expect(mayMatch(exprOf("f=NO-SUCH-HOST"), st)).toBe(false);
    expect(mayMatch(exprOf("f=ws-01.LAB.example"), st)).toBe(true);
    expect(mayMatch(exprOf("f=*.exe"), st)).toBe(true);
    expect(mayMatch(exprOf("f=*.dll"), st)).toBe(false);
    expect(mayMatch(exprOf("f>5000"), st)).toBe(true); // "WS-01…" > "5000" as text
    expect(mayMatch(exprOf("f<100"), st)).toBe(false);
    expect(mayMatch(exprOf("f IN (1, 4688)"), st)).toBe(true);
    expect(mayMatch(exprOf("f IN (1, 2)"), st)).toBe(false);
  });

  it("an all-null field and an absent column both rule out field=value and field=*", () => {
    const nulls = statsOf([null, null]);
    expect(mayMatch(exprOf("f=*"), () => nulls)).toBe(false);
    expect(mayMatch(exprOf("f=x"), () => ({ kind: "absent", rows: 2 }))).toBe(false);
    expect(mayMatch(exprOf("NOT f=x"), () => nulls)).toBe(true);
  });
});

describe("mayMatch never rules out a chunk the search matches", () => {
  const alphabet = fc.constantFrom("a", "A", "b", "k", "K", "\u212A", "ß", "İ", "1", "-", ".", "z", "é");
  const text = fc.array(alphabet, { maxLength: 5 }).map((cs) => cs.join(""));
  const value = fc.tuple(text, fc.constantFrom("", "*", "*x")).map(([t, tail]) => (tail === "*x" ? `${t}*${t.slice(0, 1)}` : t + tail));
  it("for random values and patterns (fixed seed)", () => {
    fc.assert(
      fc.property(fc.array(fc.option(text, { nil: null }), { minLength: 1, maxLength: 6 }), value, fc.constantFrom("=", "!=", "<", ">="), fc.boolean(), (values, v, op, dict) => {
        if (v === "" || /[()"=\s]/.test(v)) return;
        const expr = exprOf(`f${op}"${v}"`);
        const distinct = [...new Set(values.filter((x): x is string => x !== null))];
        const st = { ...statsOf(values), ...(dict ? { values: () => distinct } : {}) };
        if (matchesSome(expr, values)) expect(mayMatch(expr, (f) => (f === "f" ? st : undefined)), `${JSON.stringify(values)} ${op} ${v}`).toBe(true);
      }),
      { seed: 9, numRuns: 3000 },
    );
  });
});

describe("intersectRanges", () => {
  it.each([
    [[0, 10], [5, 20], [5, 10]],
    [[0, 10, 20, 30], [5, 25], [5, 10, 20, 25]],
    [[0, 5], [5, 10], []],
    [[0, 100], [10, 20, 30, 40], [10, 20, 30, 40]],
  ])("%j ∩ %j = %j", (a, b, want) => {
    expect(intersectRanges(a, b)).toEqual(want);
    expect(intersectRanges(b, a)).toEqual(want);
  });
});
