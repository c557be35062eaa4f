/**
 * Notables as text show their times as the results table does, in `--tz` (output/time-display.ts):
 * the row's `_time`, each drilldown's time range and its results' `_time`. JSON keeps epoch seconds.
 */
import { describe, expect, it } from "vitest";
import { formatNotable, formatNotables, type Notable } from "../../../src/index.js";

const T = 1554315119; // 2019-04-03 18:11:59 UTC

const notable: Notable = {
  search_name: "ESCU - Bad Tool - Rule",
  message: "Bad tool on H1",
  fields: { _time: T, dest: "H1", firstTime: "04/03/2019 18:11:59" },
  risk: [],
  drilldowns: [{ name: "Around H1", search: "| makeresults", earliest: T - 3600, latest: null, notes: [], results: [{ _time: T, n: 1 }] }],
};

describe("formatNotable times", () => {
  it("UTC by default", () => {
    const text = formatNotable(notable);
    expect(text).toContain("fields: _time=2019-04-03 18:11:59.000 dest=H1 firstTime=04/03/2019 18:11:59\n");
    expect(text).toContain("  time: 2019-04-03 17:11:59.000 .. +inf UTC\n");
    expect(text).toMatch(/\| 2019-04-03 18:11:59\.000 \| 1 +\|/);
  });

  it("in the --tz zone", () => {
    const tz = { tz: "America/New_York" };
    const text = formatNotable(notable, 160, tz);
    expect(text).toContain("fields: _time=2019-04-03 14:11:59.000 dest=H1");
    // Text another search made (convert ctime) is printed as it is.
    expect(text).toContain("firstTime=04/03/2019 18:11:59");
    expect(text).toContain("  time: 2019-04-03 13:11:59.000 .. +inf (America/New_York)\n");
    expect(text).toMatch(/\| 2019-04-03 14:11:59\.000 \| 1 +\|/);
    expect(formatNotables([notable], 160, tz)).toContain("_time=2019-04-03 14:11:59.000");
  });
});
