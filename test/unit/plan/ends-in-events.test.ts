/**
 * Which searches end in events (the events view) and which in a statistics table. Splunk's rule:
 * a transforming command makes a table (Search Reference, "Command types":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/quick-reference/command-types;
 * mvcombine "is a transforming command":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/mvcombine).
 */
import { describe, expect, it } from "vitest";
import { compile, endsInEvents, EventStore, runSearch } from "../../../src/index.js";

function commands(spl: string) {
  const c = compile(spl, { name: "t" });
  if (!c.plan) throw new Error(c.diagnostics.map((d) => d.message).join("; "));
  return c.commands;
}

describe("endsInEvents", () => {
  it.each([
    ["index=*", true],
    ["index=main EventCode=1 | eval x=1 | where x>0 | rex field=_raw \"(?<y>a)\"", true],
    ["index=* | sort - _time | head 3 | dedup host | rename host AS h", true],
    ["index=* | eventstats count by host | streamstats count", true],
    ["index=* | transaction host", true],
    ["index=* | join host [search index=x | stats count by host]", true],
    ["index=* | addtotals", true],
    ["| from datamodel:\"Endpoint.Processes\"", true],
    ["| datamodel Endpoint Processes search", true],
    ["index=* | stats count by host", false],
    ["index=* | top host", false],
    ["index=* | rare host", false],
    ["index=* | timechart count", false],
    ["index=* | table _time host", false],
    ["index=* | fields host", false],
    ["index=* | mvcombine host", false],
    ["index=* | addtotals col=t", false],
    ["index=* | stats count by host | eval x=1", false],
    ["| tstats count from datamodel=Endpoint.Processes", false],
    ["| makeresults | eval x=1", false],
    ["| inputlookup x.csv", false],
  ])("%s → %s", (spl, events) => {
    expect(endsInEvents(commands(spl))).toBe(events);
  });
});

describe("eventsLimit (the events view's --max-events)", () => {
  it("becomes the scan's limit when nothing but searches precedes it", () => {
    const c = compile("index=* | search host=a", { name: "t", eventsLimit: 101 });
    const [scan, ...rest] = c.plan?.logical.nodes ?? [];
    expect(scan?.op === "scan" && scan.from === "events" ? scan.limit : "no scan").toBe(101);
    // The head stays (pushdown keeps the command and lets the scan stop early).
    expect(rest.map((n) => n.op)).toEqual(["limit"]);
  });

  it("is a head after the last command otherwise, and absent from a statistics search", () => {
    const ops = (spl: string) => compile(spl, { name: "t", eventsLimit: 5 }).plan?.logical.nodes.map((n) => (n.op === "scan" ? "scan" : n.command.kind));
    expect(ops("index=* | eval x=1")).toEqual(["scan", "eval", "head"]);
    expect(ops("index=* | stats count")).toEqual(["scan", "stats"]);
    // A subsearch's results are all wanted: the limit is the outer search's only.
    const join = compile("index=* | join host [search index=x]", { name: "t", eventsLimit: 5 }).plan?.logical.nodes[1];
    expect(join?.op === "join" && join.subplans[0]?.nodes.map((n) => n.op === "scan" && n.from === "events" && n.limit)).toEqual([null]);
  });

  it("returns the newest N, the same rows as without it", () => {
    const store = new EventStore();
    for (let i = 0; i < 50; i++) store.append({ time: 1000 + ((i * 37) % 13), fields: { _raw: `e${i}`, host: i % 2 ? "a" : "b", index: "main" } });
    store.compact();
    const all = runSearch("index=* host=a", store, { name: "t" }).table?.column("_raw");
    const cut = runSearch("index=* host=a", store, { name: "t", eventsLimit: 7 }).table?.column("_raw");
    expect(cut).toEqual(all?.slice(0, 7));
  });
});
