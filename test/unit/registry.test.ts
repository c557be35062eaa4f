/**
 * Registry completeness: every command, function and aggregate has a summary and examples, and
 * every example runs through the real pipeline (functions via `| makeresults | eval`).
 */
import { describe, expect, it } from "vitest";
import { AGGREGATES, COMMANDS, EventStore, FUNCTIONS, runSearch, savedSearchList } from "../../src/index.js";
import { printExpr } from "../../src/ast/print.js";

const store = new EventStore();
// The saved searches savedsearch's examples name (the CLI loads detections as saved searches).
const savedSearches = savedSearchList([
  { name: "mysecurityquery", search: '| makeresults | eval user="root"' },
  { name: "mysearch", search: '| makeresults | eval sourcetype="$replace_me$"' },
]);
const run = (q: string) => runSearch(q, store, { now: 1_700_000_000, savedSearches });
const errorsOf = (q: string) => run(q).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);

describe("commands", () => {
  const entries = Object.values(COMMANDS).map((c) => [c.kind, c] as const);
  it.each(entries)("%s is documented and its examples run", (_kind, def) => {
    expect(def.summary.length).toBeGreaterThan(10);
    expect(def.usage).toContain(def.kind === "eval" ? "eval" : def.kind);
    expect(def.examples.length).toBeGreaterThan(0);
    for (const ex of def.examples) expect(errorsOf(ex), ex).toEqual([]);
  });
});

describe("functions", () => {
  const entries = [...FUNCTIONS.values()].map((f) => [f.name, f] as const);
  it.each(entries)("%s: examples evaluate to their stated results through eval", (_name, def) => {
    expect(def.summary.length).toBeGreaterThan(5);
    expect(def.examples.length).toBeGreaterThan(0);
    for (const ex of def.examples) {
      // A boolean result cannot be stored by eval, so wrap it the way a search would.
      const wrapped = typeof ex.result === "boolean" ? `if(${ex.expr}, "true", "false")` : ex.expr;
      const setup = ex.setup ? `| eval ${ex.setup} ` : "";
      const r = run(`| makeresults ${setup}| eval out=${wrapped} | table out`);
      expect(r.diagnostics.filter((d) => d.severity === "error"), ex.expr).toEqual([]);
      const got = r.table?.get("out", 0) ?? null;
      const want = typeof ex.result === "boolean" ? String(ex.result) : ex.result;
      if (def.name === "random" || def.name === "now" || def.name === "time") continue;
      expect(got, `${ex.expr} (parsed as ${printExpr((r.pipeline?.commands.at(-2)?.args[0] as { expr: Parameters<typeof printExpr>[0] }).expr)})`).toEqual(want);
    }
  });
});

describe("aggregates", () => {
  it.each([...AGGREGATES.values()].map((a) => [a.name, a] as const))("%s is documented", (_name, def) => {
    expect(def.summary.length).toBeGreaterThan(5);
    expect(def.signature).toContain(def.name);
    expect(def.examples.length).toBeGreaterThan(0);
  });
});
