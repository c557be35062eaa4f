/** transaction: options the golden cases leave out (eviction, mvlist, filter forms, maxevents). */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const rows = (q: string) => {
  const r = run(q);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
};
/** Three events of user bob at t=0,10,20 with actions a,b,a (oldest first). */
const EVENTS = '| makeresults | eval _time=0, user="bob", action="a" | append [| makeresults | eval _time=10, user="bob", action="b"] | append [| makeresults | eval _time=20, user="bob", action="a"]';

describe("transaction", () => {
  it("mvlist=true keeps every value in arrival order", () => {
    expect(rows(`${EVENTS} | transaction user mvlist=true | table action`)).toEqual([{ action: ["a", "b", "a"] }]);
  });

  it("drops a transaction that never reaches endswith, unless keepevicted=true", () => {
    expect(rows(`${EVENTS} | transaction user endswith=(action=zzz)`)).toEqual([]);
    expect(rows(`${EVENTS} | transaction user endswith=(action=zzz) keepevicted=true | table eventcount closed_txn`)).toEqual([{ eventcount: 3, closed_txn: 0 }]);
  });

  it("accepts eval(…) and quoted search filters", () => {
    expect(rows(`${EVENTS} | transaction user startswith=eval(action=="b") | table _time eventcount`)).toEqual([{ _time: 10, eventcount: 2 }]);
    expect(rows(`${EVENTS} | transaction user startswith="action=B" | table _time eventcount`)).toEqual([{ _time: 10, eventcount: 2 }]);
  });

  it("starts a new transaction at each startswith event", () => {
    expect(rows(`${EVENTS} | transaction user startswith=(action=a) | sort _time | table _time eventcount`)).toEqual([{ _time: 0, eventcount: 2 }, { _time: 20, eventcount: 1 }]);
  });

  it("caps a transaction at maxevents", () => {
    expect(rows(`${EVENTS} | transaction user maxevents=2 | sort _time | table _time eventcount`)).toEqual([{ _time: 0, eventcount: 2 }, { _time: 20, eventcount: 1 }]);
  });

  it("returns transactions newest first", () => {
    expect(rows(`${EVENTS} | transaction user maxspan=5s | table _time`)).toEqual([{ _time: 20 }, { _time: 10 }, { _time: 0 }]);
  });

  it("reports a malformed span", () => {
    const d = run(`${EVENTS} | transaction user maxspan=soon`).diagnostics.find((x) => x.severity === "error");
    expect(d?.message).toContain('bad time span "soon"');
  });
});
