/** strftime/strptime with Splunk's time format variables, in UTC and America/New_York (spl-semantics §3). */
import { describe, expect, it } from "vitest";
import { isValidEpoch, strftime, strptime, zoneFor } from "../../../src/values/time-format.js";

// 2020-10-08T11:03:46.615Z, a Thursday, day 282; 07:03:46 EDT in New York.
const T = 1602155026.615;
const NY = "America/New_York";

describe("strftime", () => {
  it.each<[number, string, string, string]>([
    [T, "%Y-%m-%dT%H:%M:%S", "UTC", "2020-10-08T11:03:46"],
    [T, "%m/%d/%Y %H:%M:%S", "UTC", "10/08/2020 11:03:46"],
    [1602155026.9999, "%S", "UTC", "46"],
    [T, "%y %C %j %e|%k|%l %I %p", "UTC", "20 20 282  8|11|11 11 AM"],
    [T, "%a %A %b %B %h", "UTC", "Thu Thursday Oct October Oct"],
    [T, "%u %w %V %G %U %W", "UTC", "4 4 41 2020 40 40"],
    [T, "%3N|%6N|%9N|%N|%Q|%3Q|%f", "UTC", "615|615000|615000000|615000000|615|615|615000"],
    [T, "%s", "UTC", "1602155026"],
    [T, "%T|%F|%D|%R", "UTC", "11:03:46|2020-10-08|10/08/20|11:03"],
    [T, "%c", "UTC", "Thu Oct  8 11:03:46 2020"],
    [T, "%x %X", "UTC", "10/08/20 11:03:46"],
    [T, "%+", "UTC", "Thu Oct  8 11:03:46 UTC 2020"],
    [T, "%z %:z %Z", "UTC", "+0000 +00:00 UTC"],
    [T, "%Y-%m-%d %H:%M:%S.%3N %z %:z %Z", NY, "2020-10-08 07:03:46.615 -0400 -04:00 EDT"],
    [1609502400, "%H:%M %Z %z", NY, "07:00 EST -0500"],
    [T, "%s", NY, "1602155026"],
    [T, "%I %p", "Asia/Kolkata", "04 PM"],
    [T, "%z", "Asia/Kolkata", "+0530"],
    [0, "%F %T", "UTC", "1970-01-01 00:00:00"],
    [-1.5, "%F %T.%3N", "UTC", "1969-12-31 23:59:58.500"],
    [T, "100%% %q %Y", "UTC", "100% %q 2020"],
    [T, "%n%t", "UTC", "\n\t"],
    [1609459199, "%j %U %V %G", "UTC", "366 52 53 2020"],
    [1609459200, "%j %U %W %V %G", "UTC", "001 00 00 53 2020"],
  ])("strftime(%j, %j, %s) → %j", (t, format, tz, expected) => {
    expect(strftime(t, format, tz)).toBe(expected);
  });

  it("drops sub-seconds without rounding up (spl-semantics §3)", () => {
    expect(strftime(1602155026.615, "%Y-%m-%dT%H:%M:%S", "UTC")).toBe("2020-10-08T11:03:46");
    expect(strftime(1602155026.999, "%M:%S", "UTC")).toBe("03:46");
  });

  it("rejects times it cannot render and unknown zones", () => {
    expect(isValidEpoch(Number.NaN)).toBe(false);
    expect(isValidEpoch(1e20)).toBe(false);
    expect(() => strftime(Number.POSITIVE_INFINITY, "%F", "UTC")).toThrow(RangeError);
    expect(() => strftime(0, "%F", "Mars/Olympus")).toThrow(/unknown time zone/);
    expect(zoneFor("").name).toBe("UTC");
  });
});

describe("strptime", () => {
  it.each<[string, string, string, number | null]>([
    ["2020-10-08T11:03:46", "%Y-%m-%dT%H:%M:%S", "UTC", 1602155026],
    ["2020-10-08T11:03:46", "%Y-%m-%dT%H:%M:%S", NY, 1602169426],
    ["2020-10-08 07:03:46.615", "%Y-%m-%d %H:%M:%S.%3N", NY, T],
    ["2020-10-08T11:03:46.615Z", "%Y-%m-%dT%H:%M:%S.%3N%z", NY, T],
    ["2020-10-08T13:03:46+02:00", "%Y-%m-%dT%H:%M:%S%:z", "UTC", 1602155026],
    ["2020-10-08 11:03:46 -0400", "%F %T %z", "UTC", 1602169426],
    ["2020-10-08 11:03:46 UTC", "%F %T %Z", NY, 1602155026],
    ["2020-10-08 07:03:46 America/New_York", "%F %T %Z", "UTC", 1602155026],
    ["1602155026", "%s", NY, 1602155026],
    ["1602155026615", "%s%3Q", "UTC", T],
    ["1602155026.615", "%s.%3N", "UTC", T],
    ["10/08/2020 07:03:46 AM", "%m/%d/%Y %I:%M:%S %p", NY, 1602155026],
    ["10/08/2020 12:00:00 AM", "%m/%d/%Y %I:%M:%S %p", "UTC", 1602115200],
    ["10/08/2020 12:30:00 PM", "%m/%d/%Y %I:%M:%S %p", "UTC", 1602160200],
    ["10/08/20", "%m/%d/%y", "UTC", 1602115200],
    ["1/1/69", "%m/%d/%y", "UTC", -31536000],
    ["Thu Oct  8 11:03:46 2020", "%c", "UTC", 1602155026],
    ["thursday, OCTOBER 8 2020", "%A, %B %e %Y", "UTC", 1602115200],
    ["2020 282", "%Y %j", "UTC", 1602115200],
    ["2020-10-08", "%F", "UTC", 1602115200],
    ["2020-10-08T11:03:46.615123Z", "%Y-%m-%dT%H:%M:%S", "UTC", 1602155026],
    ["11:03", "%H:%M", "UTC", 39780],
    ["2020-10-08", "%Y/%m/%d", "UTC", null],
    ["2020-02-30", "%F", "UTC", null],
    ["2020-13-01", "%F", "UTC", null],
    ["25:00", "%H:%M", "UTC", null],
    ["13:00 PM", "%I:%M %p", "UTC", null],
    ["abc", "%Y", "UTC", null],
    ["100% 2020", "100%% %Y", "UTC", 1577836800],
  ])("strptime(%j, %j, %s) → %j", (text, format, tz, expected) => {
    const got = strptime(text, format, tz);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 6);
  });

  it("round-trips strftime output", () => {
    for (const t of [0, 86399, 951782400, 1602155026, 1700000000]) {
      for (const tz of ["UTC", NY, "Australia/Adelaide"]) {
        expect(strptime(strftime(t, "%Y-%m-%d %H:%M:%S %z", tz), "%Y-%m-%d %H:%M:%S %z", "UTC")).toBe(t);
      }
    }
  });
});
