/**
 * Budgets inside a search (issue 10): the executor checks them between commands (subsearches and
 * `map` too), and commands whose work is not bounded by their input check before they allocate.
 * Each stop is an error diagnostic at the command that passed the budget, never a thrown
 * exception; a pinned clock stands in for wall time.
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch, type BudgetOptions } from "../../../src/index.js";
import { mark } from "../../support/mark.js";

/** A clock that moves `step` ms on every read: a search that checks often runs out of time. */
function ticking(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

const run = (q: string, budget: BudgetOptions) => runSearch(q, new EventStore(), { now: 1_700_000_000, budget });

describe("a budget passed inside a search", () => {
  const cases: { name: string; q: ReturnType<typeof mark>; budget: BudgetOptions; code: string; message: string }[] = [
    {
      name: "makeresults count over the row budget stops before allocating",
      q: mark`| ${"makeresults count=100000000"}`, budget: {},
      code: "budget", message: "makeresults count=100000000 would make 100,000,000 rows, more than the search's row budget of 50,000,000",
    },
    {
      name: "mvexpand over the row budget",
      q: mark`| makeresults | eval x=mvrange(0, 10) | ${"mvexpand x"}`, budget: { maxRows: 5 },
      code: "budget", message: "mvexpand would make 10 rows, more than the search's row budget of 5",
    },
    {
      name: "join max=0 multiplies rows: counted as it grows",
      q: mark`| makeresults count=300 | eval k=1 | ${"join max=0 k [| makeresults count=300 | eval k=1]"}`, budget: { maxRows: 50_000 },
      code: "budget", message: "join would make 50,100 rows, more than the search's row budget of 50,000",
    },
    {
      name: "a command's result over the row budget (checked after each command)",
      q: mark`| makeresults count=8 | ${"append [| makeresults count=8]"}`, budget: { maxRows: 10 },
      code: "budget", message: "this command would make 16 rows, more than the search's row budget of 10",
    },
    {
      name: "a subsearch is held to the same budget",
      q: mark`| makeresults | append [| ${"makeresults count=20"}]`, budget: { maxRows: 10 },
      code: "budget", message: "makeresults count=20 would make 20 rows, more than the search's row budget of 10",
    },
    {
      name: "map maxsearches=1000000000 runs out of time, checked before each search",
      q: mark`| makeresults count=100000 | ${'map maxsearches=1000000000 search="| makeresults"'}`, budget: { timeoutMs: 5000, clock: ticking(100) },
      code: "budget", message: "the search ran past its time budget of 5 s",
    },
    {
      // Checks before makeresults and eval read 2000 and 3000; the deadline is 3500; eval's mvrange
      // counts its values through FnContext.checkpoint, which reads the clock inside the eval.
      name: "inside one command, through FnContext.checkpoint (mvrange counts its values)",
      q: mark`| makeresults count=100 | ${"eval x=mvrange(0, 1000)"}`, budget: { timeoutMs: 2500, clock: ticking(1000) },
      code: "budget", message: "the search ran past its time budget of 2.5 s",
    },
    {
      name: "a cancel flag set before the first command",
      q: mark`| ${"makeresults"} | eval x=1`, budget: { cancelFlag: Int32Array.from([1]), cancelledBy: "Ctrl-C" },
      code: "cancelled", message: "the search was cancelled (Ctrl-C)",
    },
  ];

  it.each(cases)("$name", ({ q, budget, code, message }) => {
    const r = run(q.code, budget);
    expect(r.table).toBeNull();
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.message])).toEqual([[code, message]]);
    expect(errors[0]?.span).toMatchObject({ ...q.spans[0], source: 0 });
  });

  it("map: many searches within budget keep their order (outputs joined once)", () => {
    const r = run('| makeresults count=300 | map maxsearches=1000000000 search="| makeresults | eval n=$_serial_id$"', {});
    expect(r.diagnostics).toEqual([]);
    expect(r.table?.column("n")).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it("mvrange past 100,000 values: one warning for the call site, null, and the search goes on", () => {
    const r = run("| makeresults count=3 | eval x=mvrange(0, 100001), y=1", {});
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([["warning", "value-too-large"]]);
    expect(r.table?.rows()).toEqual([{ _time: 1_700_000_000, y: 1 }, { _time: 1_700_000_000, y: 1 }, { _time: 1_700_000_000, y: 1 }]);
  });
});

describe("a budget inside the store scan and the stats fused to it", () => {
  // 300,000 events: the scan checks every 65,536 rows, so a clock that moves 1 s a read passes a
  // 2.5 s deadline inside the scan, before the search's first command has finished.
  const store = new EventStore();
  for (let i = 0; i < 300_000; i++) store.append({ time: 1_700_000_000 + i, fields: { index: "main", host: `h${i % 7}`, _raw: `event ${i}` } });
  store.compact();
  it.each([
    ["index=* | stats count by host"],
    ["index=* host=h3 | table host"],
  ])("%s ends with error[budget] at the base search", (q) => {
    const r = runSearch(q, store, { now: 1_700_000_000, budget: { timeoutMs: 2500, clock: ticking(1000) } });
    expect(r.table).toBeNull();
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["budget"]);
  });
  it("the same searches within budget give their rows", () => {
    const r = runSearch("index=* | stats count by host", store, { now: 1_700_000_000, budget: {} });
    expect(r.table?.length).toBe(7);
  });
});
