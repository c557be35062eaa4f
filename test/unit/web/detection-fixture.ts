/**
 * A detection with drilldowns and tests, written into a temp folder with its attack data (copies
 * of samples/data files laid out as the attack_data repository is): the seed detection's search
 * under another name, two drilldowns, and three tests (one passes, one finds nothing, one names a
 * file that is not there).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const BASE = "https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1047/";

export const DRILLDOWN_DETECTION = "Scrcons With Drilldowns";

const YAML = `name: ${DRILLDOWN_DETECTION}
id: 0d3c1a52-7a0e-4c1f-9f51-2a8f5e1c0b7a
version: 1
date: '2026-12-07'
author: minispl tests
status: production
type: TTP
description: The seed detection's search, with drilldowns and tests for the web UI's tests.
data_source:
- Sysmon EventID 1
search: '| tstats \`security_content_summariesonly\` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest Processes.user Processes.parent_process Processes.process_name Processes.process Processes.process_id Processes.parent_process_id | \`drop_dm_object_name(Processes)\` | \`security_content_ctime(firstTime)\` | \`security_content_ctime(lastTime)\` | \`scrcons_with_drilldowns_filter\`'
how_to_implement: test only
known_false_positives: none
references: []
drilldown_searches:
- name: View the detection results for - $dest$
  search: '%original_detection_search% | search dest = $dest$'
  earliest_offset: $info_min_time$
  latest_offset: $info_max_time$
- name: Process events on $dest$
  search: 'index=* scrcons.exe dest=$dest$ | stats count by EventCode'
  earliest_offset: '1710000000'
  latest_offset: '1720000000'
- name: A broken drilldown for $dest$
  search: '| statz dest=$dest$'
tags:
  analytic_story:
  - Suspicious WMI Use
  asset_type: Endpoint
  confidence: 60
  impact: 60
  message: scrcons.exe on $dest$
  mitre_attack_id:
  - T1047
  observable:
  - name: dest
    type: Hostname
    role:
    - Victim
  risk_score: 36
  security_domain: endpoint
tests:
- name: True Positive Test
  attack_data:
  - data: ${BASE}execution_scrcons/windows-sysmon.log
    source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational
    sourcetype: xmlwineventlog
- name: Nothing To Find
  attack_data:
  - data: ${BASE}quiet_host/nxlog.json
- name: Missing Data
  attack_data:
  - data: ${BASE}not_downloaded/missing-capture.log
`;

/** Writes `<dir>/detections/scrcons_with_drilldowns.yml` and `<dir>/attack_data/…`; returns both folders. */
export function writeDetectionFixture(dir: string): { detections: string; attackData: string; file: string } {
  const detections = join(dir, "detections");
  const attackData = join(dir, "attack_data");
  const file = join(detections, "scrcons_with_drilldowns.yml");
  mkdirSync(detections, { recursive: true });
  writeFileSync(file, YAML);
  const put = (rel: string, from: string) => {
    const to = join(attackData, "datasets/attack_techniques/T1047", rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  };
  put("execution_scrcons/windows-sysmon.log", "samples/data/sysmon.xml");
  put("quiet_host/nxlog.json", "samples/data/nxlog.json");
  return { detections, attackData, file };
}
