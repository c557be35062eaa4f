// The SQL text the compiler writes (no chDB needed): every value from the search is a literal
// that cannot end early, names are plain identifiers, and what cannot be exact stays local.
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/run.js";
import { compilePushdown } from "../../../src/sql/compile-plan.js";
import { escapeLike } from "../../../src/sql/compile-where.js";
import { canonFold, lowerFold } from "../../../src/sql/fold.js";
import { encodeName, sqlFloat, sqlString } from "../../../src/sql/sql-text.js";
import type { PushdownReport } from "../../../src/sql/types.js";

function report(query: string): PushdownReport {
  const c = compile(query);
  if (!c.plan) throw new Error(c.diagnostics.map((d) => d.message).join("; "));
  return compilePushdown(c.plan.logical, { now: 0, tz: "UTC" });
}

const DM = "from datamodel=Network_Traffic.All_Traffic";

/** The string literals of a SQL text, read the way ClickHouse reads them (backslash escapes). */
function literals(sql: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] !== "'") continue;
    let s = "";
    for (i++; sql[i] !== "'"; i++) {
      if (i >= sql.length) throw new Error("unterminated literal");
      if (sql[i] === "\\") {
        const e = sql[++i] as string;
        if (e === "x") {
          s += String.fromCharCode(parseInt(sql.slice(i + 1, i + 3), 16));
          i += 2;
        } else s += e;
      } else s += sql[i];
    }
    out.push(s);
  }
  return out;
}

describe("SQL literals", () => {
  it.each([["it's"], ["a\\'; DROP TABLE x; --"], ["\\"], ["a\u0000b\nc\x7f"], ["'"], ["😀"]])("sqlString(%j) reads back as itself", (s) => {
    const lit = sqlString(s);
    expect(literals(lit)).toEqual([s]);
    expect(lit.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*'/);
  });

  it("a hostile where value is one literal in the SQL, its LIKE metacharacters escaped", () => {
    const q = `| tstats count ${DM} where All_Traffic.app="x') OR 1=1 OR ('%_\\\\*" by All_Traffic.app`;
    const sql = report(q).pushed!.sql;
    const lits = literals(sql);
    // The exact-match side (lower case) and the LIKE side both hold the whole value.
    expect(lits).toContain("x') or 1=1 or ('\\%\\_\\\\%");
    expect(lits).toContain("X') OR 1=1 OR ('\\%\\_\\\\%");
    // Outside the literals, nothing of the value is left.
    expect(sql.replace(/'(?:[^'\\]|\\.)*'/g, "''")).not.toContain("1=1");
  });

  it("numbers are exact: integers as they are, others by their IEEE bits", () => {
    expect(sqlFloat(60)).toBe("toFloat64(60)");
    expect(sqlFloat(0.1)).toBe("reinterpretAsFloat64(unhex('9a9999999999b93f'))");
    expect(sqlFloat(-0)).toBe("reinterpretAsFloat64(unhex('0000000000000080'))");
  });

  it("field names become plain identifiers, injectively", () => {
    expect(encodeName("process_name")).toBe("process_5f_name");
    expect(encodeName("a`b")).toBe("a_60_b");
    expect(encodeName("a_b")).not.toBe(encodeName("a.b"));
    expect(escapeLike("50%_\\")).toBe("50\\%\\_\\\\");
  });
});

describe("folding as the in-memory matcher folds", () => {
  it("exact values fold with toLowerCase (the Kelvin sign is k), patterns per code unit (it is not)", () => {
    expect(lowerFold("\u212a")).toBe("k");
    expect(canonFold("\u212a")).toBe("\u212a");
    expect(canonFold("k")).toBe("K");
    expect(canonFold("ς")).toBe(canonFold("σ"));
    expect(lowerFold("\u0130")).toBeNull(); // İ lower-cases to two code units
  });
});

describe("what is pushed, and why the rest is not", () => {
  it("a pattern folds per code unit, so İ* is exact (İ alone is not: its lower case is two units)", () => {
    expect(report(`| tstats count ${DM} where All_Traffic.app=\u0130*`).pushed).not.toBeNull();
  });

  it("tstats alone: two plan nodes, one command, one table with the fields it reads", () => {
    const r = report(`| tstats count dc(All_Traffic.app) ${DM} where All_Traffic.action=blocked by All_Traffic.dest`);
    expect(r.stop).toBeNull();
    expect(r.pushed).toMatchObject({ nodes: 2, commands: 1 });
    expect(r.pushed!.tables).toEqual([{ kind: "dataset", dataset: "Network_Traffic.All_Traffic", table: "dm_Network_Traffic_All_Traffic", fields: ["action", "dest", "app"] }]);
    expect(r.pushed!.sql).toMatch(/^SELECT .* FROM \(SELECT .* FROM dm_Network_Traffic_All_Traffic WHERE .*\) ARRAY JOIN .* GROUP BY k0 SETTINGS precise_float_parsing = 1, query_plan_merge_expressions = 0$/);
    expect(r.pushed!.columns.filter((c) => !c.hidden).map((c) => c.name)).toEqual(["All_Traffic.dest", "count", "dc(All_Traffic.app)"]);
  });

  it("an event search, its folded searches, renames and stats: one query over events and the fields read", () => {
    const r = report(`index=main EventCode=1 | search Image=*cmd* | rename Image AS process | stats count by process | rename process AS p | transaction p`);
    expect(r.pushed).toMatchObject({ nodes: 4, commands: 5 });
    expect(r.stop?.node).toBe(4);
    expect(r.pushed!.tables).toEqual([{ kind: "events", table: "events", fields: ["index", "EventCode", "Image"] }]);
    expect(r.pushed!.sql).toContain("row_number() OVER (ORDER BY _time0 DESC, _row DESC) AS _ord");
    expect(r.pushed!.sql).toContain("LEFT JOIN ev_Image AS j2 ON j2._row = e._row");
    expect(r.pushed!.columns.filter((c) => !c.hidden).map((c) => c.name)).toEqual(["p", "count"]);
  });

  it("later commands run locally", () => {
    const r = report(`| tstats count ${DM} by All_Traffic.dest | where match(count, "1")`);
    expect(r.pushed?.nodes).toBe(2);
    expect(r.stop).toEqual({ node: 2, reason: "| where: match() of a num (its text)" });
  });

  it("renames right after only rename the result columns", () => {
    const r = report(`| tstats count ${DM} by All_Traffic.dest | rename "All_Traffic.*" AS * | rename count AS n | eval x=n*2 | eval y=x . "s"`);
    expect(r.pushed).toMatchObject({ nodes: 5, commands: 4 });
    expect(r.pushed!.columns.filter((c) => !c.hidden).map((c) => c.name)).toEqual(["dest", "n", "x"]);
    expect(r.stop).toEqual({ node: 5, reason: "| eval: the . operator over a number (its text is JavaScript's)" });
  });

  it.each([
    ["index=main | eval x=mvcount(host) | stats count by x", "a number eval computed"],
    ["index=main | head 5", "an event search followed by | head"],
    ["index=main TERM(10.0.0.1) | stats count", "TERM() free text"],
    ["index=main | stats allnum=t sum(x)", "allnum="],
    ["index=main | stats count(eval(x>1)) as c", "count(eval"],
    ["index=main | rename *_x AS * | stats count by host", "a wildcard"],
    ["index=main | rename t AS _time | stats count by host", "a rename of _time"],
    ["index=main | fillnull | fillnull value=x host | stats count by host", "after a fillnull without a field list"],
    ["index=main | fillnull value=x *_ip | stats count by host", "wildcard"],
    ["index=main | stats values(*) as v", "wildcard field"],
    ["index=main [| makeresults | eval host=\"a\" | fields host] | stats count", "subsearch"],
    ["index=main earliest=nonsense | stats count", "bad time modifier"],
    [`| tstats stdev(All_Traffic.bytes) ${DM}`, "stdev() is not pushed yet"],
    [`| tstats count ${DM} where All_Traffic.dest=fe80::1%Ü/64`, "non-ASCII"],
    [`| tstats min(All_Traffic.app) ${DM}`, "min() is not pushed yet"],
    ["| tstats count where index=* by sourcetype", "only tstats from datamodel=, search | stats and search | table are"],
    [`| tstats count ${DM} where All_Traffic.app=\u0130`, "the case folding of"],
  ])("%s stays local", (q, why) => {
    const r = report(q);
    expect(r.pushed).toBeNull();
    expect(r.stop?.reason).toContain(why);
  });
});

describe("convert ctime after tstats", () => {
  const ESCU = `| tstats count min(_time) as firstTime ${DM} by All_Traffic.dest | rename "All_Traffic.*" AS * | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) | search *`;

  it("ESCU's tail (rename, ctime, empty filter macro) is pushed with the tstats", () => {
    const r = report(ESCU);
    expect(r).toMatchObject({ stop: null, pushed: { nodes: 5, commands: 4 } });
    expect(r.pushed!.columns.find((c) => c.name === "firstTime")).toMatchObject({ kind: "string", fallback: "a1" });
  });

  it.each([
    [`| tstats count ${DM} | convert timeformat="%b %d" ctime(count)`, "| convert: convert timeformat %b"],
    [`| tstats count ${DM} | convert num(count)`, "| convert: convert num()"],
    [`| tstats values(All_Traffic.app) as v ${DM} | convert ctime(v)`, "not a time"],
  ])("%s stops at the convert", (q, why) => {
    const r = report(q);
    expect(r.pushed?.nodes).toBe(2);
    expect(r.stop?.reason).toContain(why);
  });

  it("only in UTC", () => {
    const c = compile(ESCU);
    const r = compilePushdown(c.plan!.logical, { now: 0, tz: "Europe/Paris" });
    expect(r.pushed?.nodes).toBe(3);
    expect(r.stop?.reason).toContain("time zone Europe/Paris");
  });
});

describe("size", () => {
  it("a where too long for ClickHouse's max_query_size stays local", () => {
    const values = Array.from({ length: 6000 }, (_, i) => `value${i}xxxxxxxxxxxxxx`).join(", ");
    const r = report(`| tstats count ${DM} where All_Traffic.app IN (${values})`);
    expect(r.pushed).toBeNull();
    expect(r.stop?.reason).toMatch(/bytes \(more than 200000\)/);
  });
});
