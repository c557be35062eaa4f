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
    ["index=* | eval x=1 | search mimikatz | stats count by host", undefined],
    ["index=* | head 5 | search mimikatz | stats count by host", ["_raw", "_time", "host"]],
    ["index=* | search user=bob | stats count", ["_time"]],
    ["index=* | head 5 | table _time host", ["_time", "host"]],
    ["index=* | fields host, user", ["_time", "host", "user"]],
  ])("%s reads only %j", (spl, fields) => {
    expect(projection(spl)).toEqual(fields);
  });

  it.each([
    ["index=*"],
    ["index=* | eval x=lower(user) | stats count by x"], // eval defines fields: not followed
    ["index=* | table *"],
    ["index=* | fields - _raw"],
    ['index=* | rex field=_raw "(?<x>a)" | stats count by x'],
    ["index=* | search [| makeresults | eval host=\"a\" | fields host] | stats count"],
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
  });
});
