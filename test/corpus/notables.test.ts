/**
 * The notables issue's acceptance on real data: ESCU's "Script Execution via WMI" with its own
 * drilldowns over an EVTX-derived Sysmon file, through the CLI.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { sharedPath } from "../support/shared.js";

interface Notable {
  search_name: string;
  message: string;
  fields: Record<string, unknown>;
  risk: { risk_object: string; risk_object_type: string; risk_score: number; _time: number; search_name: string }[];
  drilldowns: { name: string; results: Record<string, unknown>[] | null }[];
}

describe("detect --notables on real data", () => {
  it("wmighost_sysmon gives one notable with two risk events and two executed drilldowns", async () => {
    const r = await runCli([
      "detect", sharedPath("escu/detections/endpoint/script_execution_via_wmi.yml"),
      "--macros", sharedPath("escu/macros"),
      "--data", sharedPath("datasets/evtx_attack_samples_sbousseaden/xml/Persistence/wmighost_sysmon_20_21_1.evtx.xml"),
      "--notables", "--format", "json", "--now", "2026-01-01T00:00:00Z",
    ]);
    expect(r.stderr).not.toContain("error");
    expect(r.code).toBe(0);
    const ns = JSON.parse(r.stdout) as Notable[];
    expect(ns).toHaveLength(1);
    const n = ns[0]!;
    expect(n.search_name).toBe("ESCU - Script Execution via WMI - Rule");
    expect(n.message).toBe("A wmic.exe process scrcons.exe that execute script in host PC04.example.corp");
    expect(n.risk.map((e) => [e.risk_object, e.risk_object_type, e.risk_score])).toEqual([
      ["PC04.example.corp", "system", 36], ["SYSTEM", "user", 36],
    ]);
    expect(n.risk.every((e) => e._time === 1767225600)).toBe(true);
    expect(n.drilldowns).toHaveLength(2);
    // The first drilldown re-runs the detection narrowed to the notable's dest and user.
    expect(n.drilldowns[0]?.results).toEqual([n.fields]);
    // The second reads the Risk datamodel: one row per risk object of this run.
    const risk = n.drilldowns[1]?.results ?? [];
    expect(risk.map((row) => [row.normalized_risk_object, row.count, row["Search Name"]])).toEqual([
      ["pc04.example.corp", 1, "ESCU - Script Execution via WMI - Rule"],
      ["system", 1, "ESCU - Script Execution via WMI - Rule"],
    ]);
  });
});
