/** timewrap's limits: a period count past the row budget stops before allocating; calendar spans are refused. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 0, tz: "UTC" });

describe("timewrap", () => {
  it("a one-second period over years of buckets is a budget error, not a hang", () => {
    const q = '| makeresults format=csv data="_time,count\\n0,1\\n100000000,2\\n200000000,3" | timewrap 1s align=now';
    const r = runSearch(q, new EventStore(), { now: 1_700_000_000, tz: "UTC" });
    expect(r.diagnostics.find((d) => d.severity === "error")?.code).toBe("budget");
  });

  it("a month span is refused with its reason", () => {
    const e = run("| makeresults | timewrap 1mon").diagnostics.find((d) => d.severity === "error");
    expect(e?.message).toContain("not supported");
  });
});
