/** Aggregate lookup (aliases, perc95/p99.9/exactperc99), documentation and examples of every aggregate. */
import { describe, expect, it } from "vitest";
import { AGGREGATES, lookupAggregate, register } from "../../../src/aggregates/registry.js";
import { runDef } from "./run.js";

describe("lookupAggregate", () => {
  it.each<[string, string, number | undefined]>([
    ["count", "count", undefined],
    ["c", "count", undefined],
    ["dc", "dc", undefined],
    ["distinct_count", "dc", undefined],
    ["estdc", "estdc", undefined],
    ["mean", "avg", undefined],
    ["perc95", "perc", 95],
    ["p95", "perc", 95],
    ["p99.9", "perc", 99.9],
    ["p50", "perc", 50],
    ["exactperc99", "exactperc", 99],
    ["upperperc90", "upperperc", 90],
    ["earliest_time", "earliest_time", undefined],
  ])("%s → %s %s", (name, canonical, param) => {
    const found = lookupAggregate(name);
    expect(found?.def.name).toBe(canonical);
    expect(found?.param).toBe(param);
  });

  it.each(["perc", "p", "exactperc", "dc5", "perc101", "Count", "values2", "nosuch", "p-5", "perc95x"])(
    "rejects %s", (name) => {
      expect(lookupAggregate(name)).toBeUndefined();
    },
  );
});

describe("aggregate registry", () => {
  const ESCU = ["count", "min", "max", "values", "dc", "latest", "earliest", "avg", "stdev", "sum", "list", "p50", "range", "distinct_count"];
  it.each(ESCU)("has %s (used by ESCU)", (name) => {
    expect(lookupAggregate(name)).toBeDefined();
  });

  const defs = [...AGGREGATES.values()];
  it.each(defs.map((d) => [d.name, d] as const))("%s is documented and its examples hold", (_n, def) => {
    expect(def.summary.length).toBeGreaterThan(5);
    expect(def.signature.startsWith(def.name)).toBe(true);
    expect(def.examples.length).toBeGreaterThan(0);
    for (const ex of def.examples) {
      const got = runDef(def, ex.input, ex.times, ex.param);
      if (typeof ex.result === "number") expect(got).toBeCloseTo(ex.result, 12);
      else expect(got).toEqual(ex.result);
    }
  });

  it("refuses a name or alias that is taken", () => {
    const values = AGGREGATES.get("values")!;
    expect(() => register(values)).toThrow(/registered twice/);
    expect(() => register({ ...values, name: "values_copy", aliases: ["mean"] })).toThrow(/mean.*registered twice/);
    expect(lookupAggregate("values_copy")).toBeUndefined();
  });
});
