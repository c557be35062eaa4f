/** Relative time modifiers: offsets, snap-to, weeks, months, chains, absolute and epoch forms (spl-semantics §8). */
import { describe, expect, it } from "vitest";
import { strftime } from "../../../src/values/time-format.js";
import { relativeTime } from "../../../src/values/time-modifier.js";

// Thursday 2020-10-08 11:03:46.615 UTC.
const NOW = 1602155026.615;
const NY = "America/New_York";

const at = (t: number | null, tz = "UTC"): string | null => (t === null ? null : strftime(t, "%F %T.%3N", tz));

describe("relativeTime (spl-semantics §8)", () => {
  it.each<[string, string | null]>([
    ["now", "2020-10-08 11:03:46.615"],
    ["NOW", "2020-10-08 11:03:46.615"],
    ["-24h", "2020-10-07 11:03:46.615"],
    ["-5m", "2020-10-08 10:58:46.615"],
    ["-5min", "2020-10-08 10:58:46.615"],
    ["-30s", "2020-10-08 11:03:16.615"],
    ["-500ms", "2020-10-08 11:03:46.115"],
    ["-h", "2020-10-08 10:03:46.615"],
    ["+1h", "2020-10-08 12:03:46.615"],
    ["-2hours", "2020-10-08 09:03:46.615"],
    ["-h@h", "2020-10-08 10:00:00.000"],
    ["@s", "2020-10-08 11:03:46.000"],
    ["@m", "2020-10-08 11:03:00.000"],
    ["@d", "2020-10-08 00:00:00.000"],
    ["-7d@d", "2020-10-01 00:00:00.000"],
    ["-1d@d", "2020-10-07 00:00:00.000"],
    ["-70m@m", "2020-10-08 09:53:00.000"],
    ["@d-2h", "2020-10-07 22:00:00.000"],
    ["-1d@d+8h", "2020-10-07 08:00:00.000"],
    ["@w", "2020-10-04 00:00:00.000"],
    ["@w0", "2020-10-04 00:00:00.000"],
    ["@w7", "2020-10-04 00:00:00.000"],
    ["@w1", "2020-10-05 00:00:00.000"],
    ["@w4", "2020-10-08 00:00:00.000"],
    ["@w5", "2020-10-02 00:00:00.000"],
    ["@w6", "2020-10-03 00:00:00.000"],
    ["-1w@w1", "2020-09-28 00:00:00.000"],
    ["-2weeks", "2020-09-24 11:03:46.615"],
    ["+1mon", "2020-11-08 11:03:46.615"],
    ["-1mon@mon", "2020-09-01 00:00:00.000"],
    ["@mon", "2020-10-01 00:00:00.000"],
    ["@q", "2020-10-01 00:00:00.000"],
    ["-1q@q", "2020-07-01 00:00:00.000"],
    ["@y", "2020-01-01 00:00:00.000"],
    ["-1y@y", "2019-01-01 00:00:00.000"],
    ["+1yr", "2021-10-08 11:03:46.615"],
    ["10/15/2019:20:00:00", "2019-10-15 20:00:00.000"],
    ["10/15/2019", "2019-10-15 00:00:00.000"],
    ["1", "1970-01-01 00:00:01.000"],
    ["0", "1970-01-01 00:00:00.000"],
    ["1602000000", "2020-10-06 16:00:00.000"],
    ["", null],
    ["garbage", null],
    ["-1x", null],
    ["@", null],
    ["@d3", null],
    ["1d", null],
    ["13/45/2019:20:00:00", null],
    ["rt-5m", null],
  ])("%j → %j", (modifier, expected) => {
    expect(at(relativeTime(NOW, modifier, "UTC"))).toBe(expected);
  });

  it("snaps and moves days on the zone's wall clock", () => {
    expect(at(relativeTime(NOW, "@d", NY), NY)).toBe("2020-10-08 00:00:00.000");
    expect(at(relativeTime(NOW, "@w0", NY), NY)).toBe("2020-10-04 00:00:00.000");
    // 2020-11-01 01:30 EST is just after the DST change: -1d keeps 01:30 (25 hours), -24h does not.
    const afterDst = 1604212200;
    expect(at(relativeTime(afterDst, "-1d", NY), NY)).toBe("2020-10-31 01:30:00.000");
    expect(at(relativeTime(afterDst, "-24h", NY), NY)).toBe("2020-10-31 02:30:00.000");
  });

  it("clamps a month offset to the month's last day", () => {
    const jan31 = 1612051200; // 2021-01-31 00:00 UTC
    expect(at(relativeTime(jan31, "+1mon", "UTC"))).toBe("2021-02-28 00:00:00.000");
  });

  it("returns null for a non-finite now", () => {
    expect(relativeTime(Number.NaN, "-1d", "UTC")).toBeNull();
  });
});
