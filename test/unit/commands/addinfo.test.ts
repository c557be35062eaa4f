/** addinfo without a time range, and the search ID minispl writes. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

describe("addinfo", () => {
  it("an all-time search: info_min_time 0 and info_max_time +Infinity, as Splunk writes them", () => {
    const r = runSearch("| makeresults | addinfo | fields - _time", new EventStore(), { now: 1_700_000_000.5 });
    expect(r.table?.rows()).toEqual([{ info_min_time: 0, info_max_time: "+Infinity", info_search_time: 1_700_000_000.5, info_sid: "minispl_1700000000" }]);
  });
  it("a subsearch has its own range: the base search's earliest=-1h does not apply, its own earliest=-2h does", () => {
    const r = runSearch("earliest=-1h | append [| makeresults | addinfo] | append [search earliest=-2h | head 0 | append [| makeresults] | addinfo] | table info_min_time", new EventStore(), { now: 10_000 });
    expect(r.table?.rows()).toEqual([{ info_min_time: 0 }, { info_min_time: 2800 }]);
  });
});
