import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Table } from "../../../src/table/table.js";
import type { Value } from "../../../src/values/value.js";

/** The obvious model: an ordered list of names and a map, copied at every step. */
interface Model {
  names: string[];
  cols: Map<string, Value[]>;
}

type Op =
  | { kind: "with"; name: string; fill: number }
  | { kind: "select"; keep: number[] }
  | { kind: "project"; names: string[] }
  | { kind: "rename"; from: string; to: string };

const LEN = 3;
const name = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h");
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("with" as const), name, fill: fc.integer({ min: 0, max: 99 }) }), weight: 6 },
  fc.record({ kind: fc.constant("select" as const), keep: fc.array(fc.integer({ min: 0, max: LEN - 1 }), { minLength: LEN, maxLength: LEN }) }),
  fc.record({ kind: fc.constant("project" as const), names: fc.uniqueArray(name, { maxLength: 5 }) }),
  fc.record({ kind: fc.constant("rename" as const), from: name, to: name }),
);

function applyModel(m: Model, o: Op): Model {
  switch (o.kind) {
    case "with": {
      const cols = new Map(m.cols).set(o.name, Array.from({ length: LEN }, (_, i) => o.fill + i));
      return { names: m.names.includes(o.name) ? [...m.names] : [...m.names, o.name], cols };
    }
    case "select":
      return { names: [...m.names], cols: new Map([...m.cols].map(([n, c]) => [n, o.keep.map((i) => c[i] ?? null)])) };
    case "project":
      return { names: [...o.names], cols: new Map(o.names.map((n) => [n, m.cols.get(n) ?? Array<Value>(LEN).fill(null)])) };
    case "rename": {
      if (!m.names.includes(o.from)) return m;
      const names: string[] = [];
      const cols = new Map<string, Value[]>();
      for (const n of m.names) {
        if (n === o.from) {
          if (!cols.has(o.to)) names.push(o.to);
          cols.set(o.to, m.cols.get(n)!);
        } else if (n !== o.to) {
          names.push(n);
          cols.set(n, m.cols.get(n)!);
        }
      }
      return { names, cols };
    }
  }
}

function applyTable(t: Table, o: Op): Table {
  switch (o.kind) {
    case "with": return t.withColumn(o.name, Array.from({ length: LEN }, (_, i) => o.fill + i));
    case "select": return t.select(o.keep);
    case "project": return t.project(o.names);
    case "rename": return t.has(o.from) ? t.renamed(new Map([[o.from, o.to]])) : t;
  }
}

describe("Table", () => {
  it("behaves like a copied map through any sequence of column edits (recent columns folded in or not)", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let m: Model = { names: [], cols: new Map() };
        let t = Table.fromColumns([], new Map(), LEN);
        const seen: Table[] = [];
        for (const o of ops) {
          m = applyModel(m, o);
          t = applyTable(t, o);
          seen.push(t);
          expect(t.fields).toEqual(m.names);
          for (const n of m.names) expect(t.column(n)).toEqual(m.cols.get(n));
          expect(t.has("zz")).toBe(false);
        }
        // Earlier tables are unchanged by later edits (they share columns, never mutate them).
        let again: Model = { names: [], cols: new Map() };
        ops.forEach((o, i) => {
          again = applyModel(again, o);
          expect(seen[i]!.fields).toEqual(again.names);
        });
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it("replacing each of 10,000 columns in turn keeps every value (foreach * over a wide table)", () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `f${i}`);
    let t = Table.fromColumns(names, new Map(names.map((n) => [n, [0]])), 1);
    for (const n of names) t = t.withColumn(n, [n]);
    expect(t.fields).toEqual(names);
    expect(names.every((n) => t.get(n, 0) === n)).toBe(true);
  });
});
