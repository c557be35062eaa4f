import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";

/** A second detection (written here) with drilldowns and a Risk correlation over the seed's risk events. */
function writeDetections(): { ttp: string; corr: string } {
  const dir = mkdtempSync(join(tmpdir(), "minispl-notables-"));
  const ttp = join(dir, "ttp.yml");
  writeFileSync(ttp, `name: Scrcons Seen
type: TTP
search: '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest Processes.user | \`drop_dm_object_name(Processes)\`'
drilldown_searches:
- name: Detection results for $dest$
  search: '%original_detection_search% | search dest = $dest$ user = $user$'
  earliest_offset: $info_min_time$
  latest_offset: $info_max_time$
- name: Risk for $dest$
  search: '| from datamodel Risk.All_Risk | search normalized_risk_object IN ($dest$, $user$) starthoursago=168 endhoursago=1 | stats count by normalized_risk_object'
  earliest_offset: $info_min_time$
  latest_offset: $info_max_time$
tags:
  analytic_story: [Suspicious WMI Use]
  mitre_attack_id: [T1047]
  message: scrcons.exe on $dest$
  risk_score: 36
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
  - name: user
    type: User
    role: [Victim]
`);
  const corr = join(dir, "corr.yml");
  writeFileSync(corr, `name: Many Risk Events
type: Correlation
search: '| tstats count sum(All_Risk.calculated_risk_score) as score from datamodel=Risk.All_Risk by All_Risk.risk_object_type | \`drop_dm_object_name(All_Risk)\`'
tags:
  message: $count$ risk events of type $risk_object_type$
`);
  return { ttp, corr };
}

describe("minispl detect --notables on samples/", () => {
  it("prints notables with risk events and executed drilldowns (json)", async () => {
    const { ttp } = writeDetections();
    const r = await runCli(["detect", ttp, "--data", "samples/data/sysmon.xml", "--notables", "--format", "json", "--now", "2026-01-01T00:00:00Z"]);
    expect(r.code).toBe(0);
    const ns = JSON.parse(r.stdout) as { message: string; risk: { risk_object: string; risk_object_type: string; risk_score: number; _time: number }[]; drilldowns: { results: unknown[] }[] }[];
    expect(ns).toHaveLength(1);
    expect(ns[0]?.message).toBe("scrcons.exe on WIN-LAB-07.corp.example");
    expect(ns[0]?.risk.map((e) => [e.risk_object, e.risk_object_type, e.risk_score, e._time])).toEqual([
      ["WIN-LAB-07.corp.example", "system", 36, 1767225600], ["SYSTEM", "user", 36, 1767225600],
    ]);
    expect(ns[0]?.drilldowns[0]?.results).toEqual([{ dest: "WIN-LAB-07.corp.example", user: "SYSTEM", count: 1 }]);
    expect(ns[0]?.drilldowns[1]?.results).toEqual([
      { normalized_risk_object: "system", count: 1 }, { normalized_risk_object: "win-lab-07.corp.example", count: 1 },
    ]);
    expect(r.stderr).toContain("1 notable(s), 2 risk event(s)");
  });

  it("runs the Correlation detection after the TTPs whatever the argument order (text)", async () => {
    const { ttp, corr } = writeDetections();
    const r = await runCli(["detect", corr, ttp, SEED, "--data", "samples/data/", "--notables"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("== ESCU - Script Execution via WMI - Rule");
    expect(r.stdout).toContain("risk: WIN-LAB-07.corp.example (system) score 36");
    expect(r.stdout).toContain("drilldown: Risk for WIN-LAB-07.corp.example");
    expect(r.stdout).toMatch(/message: \d+ risk events of type system/);
    expect(r.stdout.indexOf("ESCU - Many Risk Events - Rule")).toBeGreaterThan(r.stdout.indexOf("ESCU - Scrcons Seen - Rule"));
  });
});
