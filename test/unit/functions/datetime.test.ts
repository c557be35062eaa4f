/** Date/time eval functions over the injected clock and zone (spl-semantics §8). */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call, callIn, CTX } from "./call.js";

const NY = { ...CTX, tz: "America/New_York" };

describe("now and time", () => {
  it("return the injected clock", () => {
    expect(call("now")).toBe(CTX.now);
    expect(call("time")).toBe(CTX.now);
  });
});

describe("relative_time", () => {
  it.each<[EvalValue, EvalValue, EvalValue]>([
    [1602155026, "-24h", 1602068626],
    [1602155026, "@d", 1602115200],
    [1602155026, "-1d@d", 1602028800],
    [1602155026, "-70m@m", 1602150780],
    ["1602155026", "+1h", 1602158626],
    [1602155026, "bogus", null],
    [null, "-1d", null],
    ["abc", "-1d", null],
    [1602155026, null, null],
  ])("relative_time(%j, %j) → %j", (t, mod, expected) => {
    expect(call("relative_time", t, mod)).toBe(expected);
  });

  it("snaps in the context zone", () => {
    // 2020-10-08 07:03:46 EDT → midnight EDT = 04:00Z.
    expect(callIn(NY, "relative_time", 1602155026, "@d")).toBe(1602129600);
  });
});

describe("strftime / strptime", () => {
  it.each<[EvalValue, EvalValue, EvalValue]>([
    [1602155026.615, "%Y-%m-%dT%H:%M:%S", "2020-10-08T11:03:46"],
    [1602155026.615, "%H:%M:%S.%3N", "11:03:46.615"],
    [1602155026, "%H", "11"],
    [1602155026, "%w %A", "4 Thursday"],
    ["1602155026", "%F", "2020-10-08"],
    [null, "%F", null],
    ["abc", "%F", null],
    [1e20, "%F", null],
    [1602155026, null, null],
    [[0, 86400], "%F", ["1970-01-01", "1970-01-02"]],
  ])("strftime(%j, %j) → %j", (t, f, expected) => {
    expect(call("strftime", t, f)).toEqual(expected);
  });

  it("renders in the context zone", () => {
    expect(callIn(NY, "strftime", 1602155026, "%F %T %z")).toBe("2020-10-08 07:03:46 -0400");
  });

  it.each<[EvalValue, EvalValue, EvalValue]>([
    ["2020-10-08T11:03:46", "%Y-%m-%dT%H:%M:%S", 1602155026],
    ["2020-10-08T11:03:46.123456Z", "%Y-%m-%dT%H:%M:%S.%6N%z", 1602155026.123456],
    ["08/10/2020", "%d/%m/%Y", 1602115200],
    ["not a date", "%Y", null],
    [null, "%Y", null],
    ["2020", null, null],
  ])("strptime(%j, %j) → %j", (s, f, expected) => {
    expect(call("strptime", s, f)).toBe(expected);
  });

  it("parses in the context zone unless the text has an offset", () => {
    expect(callIn(NY, "strptime", "2020-10-08 07:03:46", "%Y-%m-%d %H:%M:%S")).toBe(1602155026);
    expect(callIn(NY, "strptime", "2020-10-08 11:03:46 +0000", "%Y-%m-%d %H:%M:%S %z")).toBe(1602155026);
  });
});
