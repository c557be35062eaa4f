import { describe, expect, it } from "vitest";
import { resultTime, runHunt, selectDetections, tacticsOf } from "../../../src/index.js";
import { CORR, DUMP, fakeExecutor, sampleRun, T0, WMI, type FakeCalls } from "./fixtures.js";

describe("runHunt", () => {
  it("turns result rows into notables with risk events at the result's time", async () => {
    const run = await sampleRun();
    expect(run.detections.map((d) => [d.detection.name, d.status, d.results])).toEqual([
      ["WMI Script", "fired", 2], ["Credential Dump", "fired", 1], ["Broken", "failed", 0],
    ]);
    expect(run.detections[2]?.error).toBe('unknown command "apply"');
    expect(run.notables.map((n) => [n.message, n.time])).toEqual([
      ["scrcons on PC1 by alice", T0 + 60], ["scrcons on PC2 by bob", T0 + 300], ["dump on PC1", T0 + 3600],
    ]);
    expect(run.riskEvents.map((e) => [e.risk_object, e.risk_object_type, e.risk_score, e._time])).toEqual([
      ["PC1", "system", 60, T0 + 60], ["alice", "user", 60, T0 + 60], ["PC2", "system", 60, T0 + 300], ["bob", "user", 60, T0 + 300], ["PC1", "system", 50, T0 + 3600],
    ]);
    // Now defaults to one second after the latest result.
    expect(run.now).toBe(T0 + 3601);
  });

  it("runs correlations after the others, with their risk events already added", async () => {
    const calls: FakeCalls = { searches: [], risk: [], drilldowns: [] };
    const run = await runHunt([CORR, WMI], fakeExecutor({ 0: [{ risk_object: "PC1", count: 2 }], 1: [{ dest: "PC1", user: "a", _time: T0 }] }, calls), { now: T0 + 10 });
    expect(calls.searches).toEqual([1, 0]);
    expect(calls.risk.map((r) => r.map((e) => e.search_name))).toEqual([
      ["ESCU - WMI Script - Rule", "ESCU - WMI Script - Rule"], ["ESCU - Risk Corr - Rule"],
    ]);
    // A correlation row without a time is timed at the hunt's now.
    expect(run.notables.find((n) => n.detection === CORR)?.time).toBe(T0 + 10);
  });

  it("runs drilldowns for the first N notables of each detection only", async () => {
    const calls: FakeCalls = { searches: [], risk: [], drilldowns: [] };
    const rows = [1, 2, 3, 4].map((i) => ({ dest: `PC${i}`, _time: T0 + i }));
    const run = await runHunt([WMI], fakeExecutor({ 0: rows }, calls), { maxDrilldowns: 2 });
    expect(calls.drilldowns).toEqual([0, 0]);
    expect(run.notables.map((n) => n.drilldowns?.[0]?.name ?? null)).toEqual(["dd PC1", "dd PC2", null, null]);
  });
});

describe("result times", () => {
  it("reads _time, then ctime-formatted firstTime/lastTime", () => {
    expect(resultTime({ _time: 1700000000.5 })).toEqual({ time: 1700000000.5, desc: "Event time (_time)" });
    expect(resultTime({ firstTime: "03/12/2024 14:22:05" })?.time).toBe(Date.UTC(2024, 2, 12, 14, 22, 5) / 1000);
    expect(resultTime({ lastTime: "1700000000" })?.desc).toBe("Last seen (lastTime)");
    expect(resultTime({ count: 3 })).toBeNull();
  });
});

describe("selection and tactics", () => {
  it("filters by status, ATT&CK technique or tactic, and risk score", () => {
    const all = [WMI, DUMP, CORR];
    expect(selectDetections(all, { status: ["production"] }).map((d) => d.name)).toEqual(["WMI Script"]);
    expect(selectDetections(all, { status: ["all"], mitre: ["T1003"] }).map((d) => d.name)).toEqual(["Credential Dump"]);
    expect(selectDetections(all, { status: ["all"], mitre: ["TA0002"] }).map((d) => d.name)).toEqual(["WMI Script", "Credential Dump"]);
    expect(selectDetections(all, { status: ["all"], mitre: ["initial-access"] }).map((d) => d.name)).toEqual(["Risk Corr"]);
    expect(selectDetections(all, { status: [], minRisk: 55 }).map((d) => d.name)).toEqual(["WMI Script"]);
  });

  it("maps techniques and sub-techniques to tactics in matrix order", () => {
    expect(tacticsOf("T1053.005").map((t) => t.id)).toEqual(["TA0002", "TA0003", "TA0004"]);
    expect(tacticsOf("t1047").map((t) => t.name)).toEqual(["Execution"]);
    expect(tacticsOf("T9999")).toEqual([]);
  });
});
