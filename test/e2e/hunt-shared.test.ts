// `minispl hunt` on a real dataset from ../shared with the real ESCU detections (read in place,
// never copied); skipped where ../shared is not beside the checkout (the unit suite runs anywhere).
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { SHARED } from "../support/shared.js";

const WMIGHOST = `${SHARED}datasets/evtx_attack_samples_sbousseaden/xml/Persistence/wmighost_sysmon_20_21_1.evtx.xml`;
const ESCU = `${SHARED}escu/`;

describe.skipIf(!existsSync(WMIGHOST) || !existsSync(ESCU))("minispl hunt on ../shared/datasets", () => {
  it("finds the WMIGhost persistence with two ESCU detections and adds their risk on one host", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-hunt-shared-"));
    const r = await runCli(["hunt", WMIGHOST, "--detections", `${ESCU}detections/endpoint/script_execution_via_wmi.yml`,
      `${ESCU}detections/endpoint/wmi_permanent_event_subscription___sysmon.yml`, "--macros", `${ESCU}macros`,
      "-j", "1", "--format", "json", "-q", "--timeline", join(dir, "t.jsonl"), "--risk-threshold", "60"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { fired: { name: string; results: number }[]; top_risk_objects: { risk_object: string; total: number; tactics: string[]; incidents: string[] }[] };
    expect(s.fired.map((f) => [f.name, f.results])).toEqual([["Script Execution via WMI", 1], ["WMI Permanent Event Subscription - Sysmon", 1]]);
    expect(s.top_risk_objects[0]).toMatchObject({ risk_object: "PC04.example.corp", total: 66, tactics: ["TA0002", "TA0003", "TA0004"], incidents: ["score"] });
    const rows = readFileSync(join(dir, "t.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    // Oldest first: the WMI consumer binding (Sysmon 21) comes before the scrcons.exe it starts.
    expect(rows.map((x) => x.detection)).toEqual(["WMI Permanent Event Subscription - Sysmon", "Script Execution via WMI"]);
    expect(rows[1]).toMatchObject({ host: "PC04.example.corp", mitre_tactic: "Execution" });
    expect(String(rows[1]?.datetime)).toMatch(/^2019-04-03T18:11:5/);
  });
});
