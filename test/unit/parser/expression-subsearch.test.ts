/**
 * `[subsearch]` inside an eval expression anywhere eval's syntax is taken: eval (return reference,
 * example 3), where ("The where command uses the same expression syntax as the eval command",
 * where reference, Usage) and the `eval(…)` of stats, eventstats and streamstats aggregates
 * ("you can use an eval expression as part of the statistical function", stats reference, Usage).
 * The subsearch runs first and its search text takes its place: return's or format's `search`
 * field, else the results as format writes them (Search Manual, "Change the format of subsearch
 * results"). Elsewhere a subsearch in an expression is an error with its position.
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

function run(spl: string) {
  const r = runSearch(spl, new EventStore(), { now: 1_700_000_000, tz: "UTC" });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  return { rows: r.table?.rows() ?? null, errors: errors.map((d) => ({ code: d.code, message: d.message, at: spl.slice(d.span?.start, d.span?.end) })) };
}

const THREE = "| makeresults count=3 | streamstats count AS n";
const ONE = "[| makeresults | eval m=1 | return $m]";

describe("subsearches in expressions", () => {
  it("where: a returned value", () => {
    expect(run(`${THREE} | where n > ${ONE} | table n`)).toEqual({ rows: [{ n: 2 }, { n: 3 }], errors: [] });
  });

  it("where: results without return are formatted (internal fields left out)", () => {
    expect(run(`${THREE} | where [| makeresults count=2 | streamstats count AS n] | table n`)).toEqual({ rows: [{ n: 1 }, { n: 2 }], errors: [] });
  });

  it("stats, eventstats and streamstats: inside eval() of an aggregate", () => {
    expect(run(`${THREE} | stats count(eval(n > ${ONE})) AS big`).rows).toEqual([{ big: 2 }]);
    expect(run(`${THREE} | eventstats count(eval(n > ${ONE})) AS big | table n big`).rows).toEqual([{ n: 1, big: 2 }, { n: 2, big: 2 }, { n: 3, big: 2 }]);
    expect(run(`${THREE} | streamstats count(eval(n > ${ONE})) AS big | table n big`).rows).toEqual([{ n: 1, big: 0 }, { n: 2, big: 1 }, { n: 3, big: 2 }]);
  });

  it("reports an error inside the subsearch at its position and does not run", () => {
    const r = run(`${THREE} | where n > [| makeresults | eval | return $x]`);
    expect(r.rows).toBeNull();
    expect(r.errors[0]?.at).toBe("eval");
  });

  it("says so when the subsearch returns no search text", () => {
    const r = run(`${THREE} | where n > [| makeresults | where x=1 | return $x]`);
    expect(r.errors[0]?.message).toContain("returned no search text");
    expect(r.errors[0]?.at).toBe("[| makeresults | where x=1 | return $x]");
  });

  it("refuses one where minispl does not run them, with the subsearch's span", () => {
    const r = run(`${THREE} | chart count(eval(n > ${ONE})) AS big`);
    expect(r.errors).toEqual([{ code: "bad-argument", message: expect.stringContaining("supported in eval, where and the eval() of stats") as string, at: ONE }]);
  });
});
