import { describe, expect, it } from "vitest";
import { compile, EventStore, printPlan, runSearch, type LogicalPlan } from "../../../src/index.js";

function plan(spl: string): LogicalPlan {
  const c = compile(spl, { name: "t" });
  if (!c.plan) throw new Error(c.diagnostics.map((d) => d.message).join("; "));
  return c.plan.logical;
}

/** Each node as "op" or "op:kind" (commands) or "scan:events"/"scan:datamodel". */
function shape(spl: string): string[] {
  return plan(spl).nodes.map((n) => (n.op === "scan" ? `scan:${n.from}` : `${n.op}:${n.command.kind}`));
}

describe("buildPlan: one operator per command", () => {
  it.each([
    ["index=* | stats count by host", ["scan:events", "aggregate:stats"]],
    ["| tstats count from datamodel=Endpoint.Processes by Processes.dest", ["scan:datamodel", "aggregate:tstats"]],
    ["| makeresults | eval x=1 | where x>0 | table x", ["local:makeresults", "eval:eval", "filter:where", "project:table"]],
    ["index=* | sort - _time | head 3 | dedup host", ["scan:events", "sort:sort", "limit:head", "dedup:dedup"]],
    ["index=* | eventstats count by host | mvexpand user", ["scan:events", "window:eventstats", "unnest:mvexpand"]],
    ["index=* | join host [search index=x] | append [| makeresults]", ["scan:events", "join:join", "union:append"]],
    ["index=* | transaction host", ["scan:events", "local:transaction"]],
  ])("%s", (spl, ops) => {
    expect(shape(spl)).toEqual(ops);
  });

  it("plans the pipelines a join or append combines", () => {
    const [, join] = plan("index=* | join host [search index=x | stats count by host]").nodes;
    expect(join?.op === "join" && join.subplans[0]?.nodes.map((n) => n.op)).toEqual(["scan", "aggregate"]);
  });

  it("gives a dataset scan the where clause and the fields tstats reads", () => {
    const [scan] = plan("| tstats count min(_time) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest").nodes;
    if (scan?.op !== "scan" || scan.from !== "datamodel") throw new Error("expected a dataset scan");
    expect(scan.datamodel).toBe("Endpoint.Processes");
    expect(scan.filter?.kind).toBe("compare");
    expect([...scan.projection].sort()).toEqual(["Processes.dest", "Processes.process_name", "_time"]);
  });
});

describe("pushdown into the event scan", () => {
  it.each([
    // [search, commands folded into the scan, nodes left after it, limit]
    ["index=* | search user=bob | search host=h1 | stats count", 3, 1, null],
    ["index=* | search earliest=-1d | stats count", 1, 2, null], // a time modifier only in the base search
    ["index=* | search _time>5", 1, 1, null],
    ["index=* | search [| makeresults | eval host=\"a\" | fields host]", 1, 1, null],
    ["index=* | where x=1 | search y=2", 1, 2, null],
    ["index=* | head 5 | table host", 1, 2, 5],
    ["index=* | search host=h1 | head 2", 2, 1, 2],
    ["index=* | head (x=1)", 1, 1, null],
    ["index=* | sort host | head 2", 1, 2, null],
  ])("%s", (spl, folded, left, limit) => {
    const [scan, ...rest] = plan(spl).nodes;
    if (scan?.op !== "scan" || scan.from !== "events") throw new Error("expected an event scan");
    expect(scan.commands.length).toBe(folded);
    expect(rest.length).toBe(left);
    expect(scan.limit).toBe(limit);
  });

  // The rules must never change an answer: each pair runs with and without pushdown's help.
  const store = new EventStore();
  const events: [number, Record<string, string>][] = [
    [1, { _raw: "a mimikatz", host: "h1", user: "bob", x: "1" }],
    [2, { _raw: "b", host: "h2", user: "BOB" }],
    [3, { _raw: "c MIMIKATZ", host: "h1", user: "alice", x: "2" }],
    [3, { _raw: "d", host: "h3", user: "bob" }],
    [5, { _raw: "e mimikatz", host: "h2" }],
  ];
  const multi: [number, Record<string, string | string[]>][] = [
    [4, { _raw: "f", host: "h1", user: ["bob", "carol"], x: "10" }],
    [0, { _raw: "g", host: "h4", user: "dave", x: "3" }], // arrives last but is oldest: the scan sorts
  ];
  for (const [time, fields] of [...events, ...multi]) store.append({ time, fields: { index: "main", ...fields } });
  const rows = (spl: string) => runSearch(spl, store, { now: 10 }).table?.rows();
  it.each([
    ["index=* | search user=bob | search host=h1", "index=* | eval keep=1 | search user=bob host=h1 | fields - keep"],
    ["index=* | search mimikatz | stats count by host", "index=* | eval keep=1 | search mimikatz | stats count by host"],
    ["index=* | head 2", "index=* | eval keep=1 | head 2 | fields - keep"],
    ["index=* user=bob | head 1 | table _time host", "index=* user=bob | eval keep=1 | head 1 | table _time host"],
    ["index=* | search NOT x=1 | head 3", "index=* | eval keep=1 | search NOT x=1 | head 3 | fields - keep"],
    // stats right after the scan groups store rows by dictionary ids (executor/scan-stats.ts)
    ["index=* | stats count by host", "index=* | eval keep=1 | stats count by host"],
    ["index=* | stats count values(x) dc(user) by user", "index=* | eval keep=1 | stats count values(x) dc(user) by user"],
    ["index=* | stats first(_raw) last(x) list(user) earliest(host) by host", "index=* | eval keep=1 | stats first(_raw) last(x) list(user) earliest(host) by host"],
    ["index=* | stats min(_time) max(x) sum(x) avg(x) by _time", "index=* | eval keep=1 | stats min(_time) max(x) sum(x) avg(x) by _time"],
    ["index=* | stats count by _raw", "index=* | eval keep=1 | stats count by _raw"], // no ids: the table path
    ["index=* x>1 | stats count", "index=* x>1 | eval keep=1 | stats count"],
  ])("%s answers as without pushdown", (pushed, plain) => {
    expect(rows(pushed)).toEqual(rows(plain));
    expect(rows(pushed)?.length).toBeGreaterThan(0);
  });

  it("groups by a field no event has into no rows, on both paths", () => {
    expect(rows("index=* | stats count by nosuch")).toEqual([]);
    expect(rows("index=* | eval keep=1 | stats count by nosuch")).toEqual([]);
  });
});

describe("printPlan", () => {
  it("shows what pushdown gave the scan", () => {
    const text = printPlan(plan("index=* | search mimikatz | head 3 | table host"), () => "…").join("\n");
    expect(text).toContain("1. scan events (base search)");
    expect(text).toContain("filter: index=* mimikatz");
    expect(text).toContain("folds in 1 later search command(s)");
    expect(text).toContain("stops after the newest 3 event(s)");
    expect(text).toContain("reads only: _time, host");
    expect(text).toContain("2. limit (head)");
  });
});
