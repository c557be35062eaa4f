import { describe, expect, it } from "vitest";
import { Engine, runDetection } from "../../src/index.js";

describe("Engine", () => {
  it("loads data and runs searches and detections", () => {
    const engine = new Engine({ now: 1_700_000_000 }).loadData(["samples/data/sysmon.xml"]);
    expect(engine.lastReport?.events).toBe(6);
    const s = engine.search("| tstats count from datamodel=Endpoint.Processes by Processes.process_name | sort - count");
    expect(s.ok).toBe(true);
    expect(s.fields).toEqual(["Processes.process_name", "count"]);
    const d = engine.runDetection("samples/detections/script_execution_via_wmi.yml");
    expect(d.rows.map((r) => r.process_name)).toEqual(["scrcons.exe"]);
    expect(d.verdict).toEqual({ status: "pass", message: "1 result(s)" });
  });

  it("reports errors as diagnostics and an error verdict, not exceptions", () => {
    const engine = new Engine();
    const s = engine.search("| makeresults | statz count");
    expect(s.ok).toBe(false);
    expect(s.diagnostics[0]?.code).toBe("unknown-command");
    const d = engine.runDetection("name: Broken\nsearch: '| makeresults | statz'\n");
    expect(d.verdict.status).toBe("error");
  });

  it("uses a filter macro defined by the caller", () => {
    const run = runDetection("samples/detections/script_execution_via_wmi.yml", { data: ["samples/data/"] });
    expect(run.rows).toHaveLength(3);
    const engine = new Engine().loadData(["samples/data/"]).defineMacros([
      { name: "script_execution_via_wmi_filter", args: [], definition: "search dest!=unknown", origin: "test" },
    ]);
    expect(engine.runDetection("samples/detections/script_execution_via_wmi.yml").rows).toHaveLength(2);
  });
});
