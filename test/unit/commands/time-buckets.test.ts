/** time-buckets.ts: snap-to week spans, local-day and week bins across DST, and the next bin. */
import { describe, expect, it } from "vitest";
import { isAligntime, nextBucket, parseSnapSpan, timeBucket } from "../../../src/commands/time-buckets.js";

describe("parseSnapSpan", () => {
  it("reads week spans snapped to a weekday", () => {
    expect(parseSnapSpan("w@w1")).toEqual({ kind: "weeks", weeks: 1, weekday: 1 });
    expect(parseSnapSpan("2weeks@w")).toEqual({ kind: "weeks", weeks: 2, weekday: 0 });
    expect(parseSnapSpan("+w@w7")).toEqual({ kind: "weeks", weeks: 1, weekday: 0 });
  });
  it("is null without @ and a message for what the page does not allow", () => {
    expect(parseSnapSpan("1w")).toBeNull();
    expect(parseSnapSpan("d@d")).toMatch(/only week spans/);
    expect(parseSnapSpan("-w@w1")).toMatch(/negative/);
    expect(parseSnapSpan("w@w9")).toMatch(/bad snap-to span/);
  });
});

describe("timeBucket / nextBucket", () => {
  const monday = { kind: "weeks", weeks: 1, weekday: 1 } as const;
  it("snaps to local Monday midnight, across a DST change", () => {
    // 2023-03-15 12:00 New York (EDT since 03-12): the week began Monday 03-13 00:00 EDT.
    const t = Date.UTC(2023, 2, 15, 16) / 1000;
    const b = timeBucket(t, monday, 0, "America/New_York");
    expect(b).toBe(Date.UTC(2023, 2, 13, 4) / 1000);
    // The week before began Monday 03-06 00:00 EST: 7 local days, 167 hours earlier.
    const before = timeBucket(b - 1, monday, 0, "America/New_York");
    expect(before).toBe(Date.UTC(2023, 2, 6, 5) / 1000);
    expect(nextBucket(before, monday, "America/New_York")).toBe(b);
  });
  it("counts two-week blocks from the first snap weekday after the epoch", () => {
    const two = { kind: "weeks", weeks: 2, weekday: 1 } as const;
    // 1970-01-05 was the first Monday: blocks start then, 1970-01-19, …
    expect(timeBucket(Date.UTC(1970, 0, 25) / 1000, two, 0, "UTC")).toBe(Date.UTC(1970, 0, 19) / 1000);
  });
  it("moves seconds spans by aligntime only", () => {
    expect(timeBucket(100, { kind: "seconds", seconds: 60 }, 30, "UTC")).toBe(90);
    expect(timeBucket(100, { kind: "days", days: 1 }, 30, "UTC")).toBe(0);
  });
  it("steps month bins by calendar month", () => {
    const feb = Date.UTC(2024, 1, 1) / 1000;
    expect(nextBucket(feb, { kind: "months", months: 1 }, "UTC")).toBe(Date.UTC(2024, 2, 1) / 1000);
  });
});

describe("isAligntime", () => {
  it("takes earliest, latest, epochs and time modifiers", () => {
    for (const t of ["earliest", "LATEST", "1500567890", "@d+5h"]) expect(isAligntime(t)).toBe(true);
    expect(isAligntime("soon")).toBe(false);
  });
});
