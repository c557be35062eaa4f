/**
 * A detection the hunt tests write beside samples/detections: scrcons.exe over samples/data, with
 * a drilldown and a Hostname observable (hunt.test.ts, hunt-report-browser.test.ts).
 */
export const SCRCONS_DETECTION = `name: Scrcons Seen
status: production
type: TTP
search: '| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest Processes.user | \`drop_dm_object_name(Processes)\` | \`security_content_ctime(firstTime)\`'
drilldown_searches:
- name: Results for $dest$
  search: '%original_detection_search% | search dest = $dest$'
tags:
  mitre_attack_id: [T1047]
  message: scrcons.exe on $dest$
  risk_score: 50
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
`;
