/**
 * The chDB bench's pure parts (src/bench/chdb-queries.ts, merge-needs.ts, sysmon-set.ts): every
 * search compiles and its whole pipeline pushes down (the bench fails otherwise, after minutes of
 * loading), the tables it needs merge into one load per table, and the synthetic set is the same
 * bytes for the same seed, with only the three EventCodes it promises. No timings here.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHDB_QUERIES } from "../../../src/bench/chdb-queries.js";
import { mergeNeeds } from "../../../src/bench/merge-needs.js";
import { SEED_FILTER } from "../../../src/bench/seed.js";
import { writeSysmonSet } from "../../../src/bench/sysmon-set.js";
import { builtinMacros, compile } from "../../../src/index.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";

const macros = builtinMacros().with([SEED_FILTER]);

describe("chDB bench searches", () => {
  it("are six, with distinct names", () => {
    expect(CHDB_QUERIES).toHaveLength(6);
    expect(new Set(CHDB_QUERIES.map((q) => q.name)).size).toBe(6);
  });

  for (const q of CHDB_QUERIES) {
    it(`${q.name} pushes down completely`, () => {
      const c = compile(q.spl, { macros });
      expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const report = compilePushdown(c.plan!.logical, { now: 1_718_841_600, tz: "UTC" });
      expect(report.stop).toBeNull();
      expect(report.pushed?.nodes).toBe(report.nodes);
      expect(report.pushed?.tables.map((t) => t.table)).toEqual(["dm_Endpoint_Processes"]);
    });
  }

  it("merge into one load of the dataset table with every field", () => {
    const needs = CHDB_QUERIES.flatMap((q) => compilePushdown(compile(q.spl, { macros }).plan!.logical, { now: 0, tz: "UTC" }).pushed!.tables);
    const merged = mergeNeeds(needs);
    expect(merged).toHaveLength(1);
    const fields = merged[0]!.fields;
    for (const f of ["dest", "user", "parent_process", "parent_process_name", "process_name", "process", "process_id", "parent_process_id"]) expect(fields).toContain(f);
    expect(new Set(fields).size).toBe(fields.length);
  });
});

describe("the synthetic Sysmon set", () => {
  it("is the same bytes for the same seed, EventCodes 1, 3 and 11 only", () => {
    const dirs = [mkdtempSync(join(tmpdir(), "sysmon-set-")), mkdtempSync(join(tmpdir(), "sysmon-set-"))];
    try {
      const opts = { events: 3000, seed: 7, startMs: Date.UTC(2024, 5, 17), endMs: Date.UTC(2024, 5, 18) };
      const [a, b] = dirs.map((d) => writeSysmonSet(d, opts));
      expect(a!.files).toHaveLength(1);
      expect(readFileSync(a!.files[0]!, "utf8")).toBe(readFileSync(b!.files[0]!, "utf8"));
      expect(Object.keys(a!.codes).sort()).toEqual(["1", "11", "3"]);
      expect(Object.values(a!.codes).reduce((n, x) => n + x, 0)).toBe(3000);
      expect(readFileSync(a!.files[0]!, "utf8").split("\n").filter(Boolean)).toHaveLength(3000);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
});
