import { describe, expect, it } from "vitest";
import { compile, EventStore, runSearch } from "../../../src/index.js";

/** The fields the leading search was told to decode (undefined: all of them). */
function projection(spl: string): string[] | undefined {
  const c = compile(spl, { name: "t" });
  const first = c.plan?.logical.nodes[0];
  if (first?.op !== "scan" || first.from !== "events") throw new Error("expected an event scan");
  return first.projection ? [...first.projection].sort() : undefined;
}

describe("projection pushdown into the base search", () => {
  it.each([
    ["index=* | stats count by EventCode", ["EventCode", "_time"]],
    ["index=* | stats dc(dest) values(user) count by process_name", ["_time", "dest", "process_name", "user"]],
    // the leading search's own terms run on the store; only what comes after is projected
    ["index=* mimikatz | stats count by host", ["_time", "host"]],
    // a later search folds into the scan's filter (pushdown.ts), so it reads nothing after the scan
    ["index=* | search mimikatz | stats count by host", ["_time", "host"]],
    ["index=* | eval x=1 | search mimikatz | stats count by host", ["_raw", "_time", "host", "x"]],
    ["index=* | head 5 | search mimikatz | stats count by host", ["_raw", "_time", "host"]],
    ["index=* | search user=bob | stats count", ["_time"]],
    ["index=* | head 5 | table _time host", ["_time", "host"]],
    ["index=* | fields host, user", ["_*", "_time", "host", "user"]], // `fields` keeps every _* field
    ["index=* | eval x=lower(user) | stats count by x", ["_time", "user", "x"]],
    ['index=* | rex field=_raw "(?<x>a)" | stats count by x', ["_raw", "_time", "x"]],
    // the commands ESCU puts between the base search and its stats
    ["index=* EventCode=1 | eval p=lower(Image) | where p!=\"x\" | stats count by p", ["Image", "_time", "p"]],
    ["index=* | rename Image as process | stats count by process", ["Image", "_time", "process"]],
    ['index=* | rex field=CommandLine "(?<enc>-enc\\S+)" | stats count by enc', ["CommandLine", "_time", "enc"]],
    ["index=* | fillnull value=0 x | dedup host | sort - y | stats count by x", ["_time", "host", "x", "y"]],
    ["index=* | lookup t a AS host OUTPUT b | stats count by b", ["_time", "b", "host"]],
    ["index=* | eventstats count by host | search count>1 | table host count", ["_time", "count", "host"]],
    ["index=* | search * | top limit=5 user by host", ["_time", "host", "user"]],
    ["index=* | eval x=coalesce(a, b) | timechart span=1h count by x", ["_time", "a", "b", "x"]],
    ["index=* | fields - _raw | table host", ["_time", "host"]],
  ])("%s reads only %j", (spl, fields) => {
    expect(projection(spl)).toEqual(fields);
  });

  it.each([
    ["index=*"],
    ["index=* | table *"],
    ["index=* | fields - _raw"],
    ["index=* | search [| makeresults | eval host=\"a\" | fields host] | stats count"],
    ['index=* | eval m=searchmatch("user=bob") | stats count by m'], // reads fields its text names
    ["index=* | lookup t a AS host | stats count by b"], // writes every lookup column
    ["index=* | rename Processes.* AS * | stats count by dest"],
    ["index=* | transaction host | stats count by host"],
    ["index=* | eval x=1"], // nothing after it ends the walk
  ])("%s keeps every field", (spl) => {
    expect(projection(spl)).toBeUndefined();
  });

  it("gives the same rows as reading every field", () => {
    const store = new EventStore();
    store.append({ time: 1, fields: { _raw: "a mimikatz b", index: "main", host: "h1", user: "u", EventCode: "1" } });
    store.append({ time: 2, fields: { _raw: "nothing", index: "main", host: "h2", EventCode: "4688" } });
    store.append({ time: 3, fields: { _raw: "MimiKatz", index: "main", host: "h1", EventCode: "1" } });
    const rows = (spl: string) => runSearch(spl, store, { now: 10 }).table?.rows();
    expect(rows("index=* mimikatz | stats count by host")).toEqual([{ host: "h1", count: 2 }]);
    expect(rows("index=* | stats count by EventCode")).toEqual([{ EventCode: "1", count: 2 }, { EventCode: "4688", count: 1 }]);
    // `fields` keeps internal fields: _raw survives a projection that names only host
    expect(rows("index=* EventCode=4688 | fields host")).toEqual([{ _time: 2, _raw: "nothing", host: "h2" }]);
  });
});
