/** reltime wording: singular for one unit, whole units counted down, times after now. */
import { describe, expect, it } from "vitest";
import { relativeText } from "../../../src/commands/relative-time.js";
import { EventStore, runSearch } from "../../../src/index.js";

describe("reltime", () => {
  it.each([
    [0, "0 seconds ago"], [1, "1 second ago"], [59, "59 seconds ago"], [60, "1 minute ago"], [119, "1 minute ago"],
    [3600, "1 hour ago"], [86_399, "23 hours ago"], [86_400, "1 day ago"], [29 * 86_400, "29 days ago"],
    [30 * 86_400, "1 month ago"], [364 * 86_400, "12 months ago"], [365 * 86_400, "1 year ago"], [-300, "in 5 minutes"],
  ])("%d seconds before now reads %s", (s, text) => expect(relativeText(s)).toBe(text));
  it("leaves a result without a number in the time field alone", () => {
    const r = runSearch('| makeresults | eval t="soon" | reltime timefield=t | fields - _time', new EventStore(), { now: 1 });
    expect(r.table?.rows()).toEqual([{ t: "soon" }]);
  });
  it("names one time field with a prefix <prefix><field>", () => {
    const r = runSearch("| makeresults | eval seen=now()-120 | reltime timefield=seen prefix=ago_ | table ago_seen", new EventStore(), { now: 1000 });
    expect(r.table?.rows()).toEqual([{ ago_seen: "2 minutes ago" }]);
  });
});
