/** Detections and a fake executor for the hunt tests (no events, no SPL: rows are given). */
import { parseDetection, runHunt, type Detection, type DrilldownResult, type HuntExecutor, type HuntRun, type RiskEvent, type Value } from "../../../src/index.js";

export function detection(yaml: string, file = "d.yml"): Detection {
  const d = parseDetection(yaml, file).detection;
  if (!d) throw new Error(`bad test detection: ${yaml}`);
  return d;
}

export const WMI = detection(`name: WMI Script
status: production
type: TTP
search: '| tstats count from datamodel=Endpoint.Processes by Processes.dest'
drilldown_searches:
- name: Results for $dest$
  search: '%original_detection_search% | search dest = $dest$'
tags:
  analytic_story: [Suspicious WMI Use]
  mitre_attack_id: [T1047]
  message: scrcons on $dest$ by $user$
  risk_score: 60
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
  - name: user
    type: User
    role: [Victim]
`, "wmi.yml");

export const DUMP = detection(`name: Credential Dump
status: experimental
type: TTP
search: 'index=* lsass'
tags:
  mitre_attack_id: [T1003.001, T1059.001]
  message: dump on $dest$
  risk_score: 50
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
`, "dump.yml");

export const CORR = detection(`name: Risk Corr
type: Correlation
search: '| tstats count from datamodel=Risk.All_Risk by All_Risk.risk_object'
tags:
  mitre_attack_id: [T1190]
  message: many risks on $risk_object$
  risk_score: 10
  observable:
  - name: risk_object
    type: Hostname
    role: [Victim]
`, "corr.yml");

export interface FakeCalls {
  searches: number[];
  risk: RiskEvent[][];
  drilldowns: number[];
}

/** An executor answering each detection index with the given rows (missing: the search failed). */
export function fakeExecutor(rows: Record<number, Record<string, Value>[] | string>, calls: FakeCalls = { searches: [], risk: [], drilldowns: [] }): HuntExecutor & { calls: FakeCalls } {
  return {
    calls,
    async search(i) {
      calls.searches.push(i);
      const r = rows[i];
      return typeof r === "string" || r === undefined ? { rows: null, error: r ?? "failed", ms: 1 } : { rows: r, ms: 1 };
    },
    async addRiskEvents(evs) {
      calls.risk.push([...evs]);
    },
    async drilldowns(i, row): Promise<DrilldownResult[]> {
      calls.drilldowns.push(i);
      return [{ name: `dd ${String(row.dest)}`, search: "| makeresults", earliest: null, latest: null, notes: [], results: [{ dest: row.dest ?? null }] }];
    },
  };
}

export const T0 = Date.UTC(2024, 2, 12, 14, 0, 0) / 1000;

/** A hunt over WMI (two rows), DUMP (one row) and a failing detection. */
export async function sampleRun(): Promise<HuntRun> {
  const bad = detection("name: Broken\nsearch: '| apply model'\n", "bad.yml");
  return runHunt([WMI, DUMP, bad], fakeExecutor({
    0: [{ dest: "PC1", user: "alice", _time: T0 + 60 }, { dest: "PC2", user: "bob", firstTime: "03/12/2024 14:05:00" }],
    1: [{ dest: "PC1", _time: T0 + 3600 }],
    2: "unknown command \"apply\"",
  }));
}
