import { describe, expect, it } from "vitest";
import {
  builtinMacros, EventStore, formatNotables, orderForNotables, parseDetection, runNotables, runSearch, withFilterMacro, type SearchRunner,
} from "../../../src/index.js";

const ttp = parseDetection(`name: Bad Tool
type: TTP
search: 'index=main tool=bad | stats count by host user | rename host as dest'
drilldown_searches:
- name: Events on $dest$
  search: '%original_detection_search% | search dest=$dest$'
  earliest_offset: $info_min_time$
  latest_offset: $info_max_time$
- name: Risk on $dest$
  search: '| from datamodel Risk.All_Risk | search normalized_risk_object IN ($dest$, $user$) starthoursago=24 endhoursago=1 | stats count by risk_object'
tags:
  message: Bad tool used by $user$ on $dest$
  risk_score: 50
  analytic_story: [Bad Tools]
  mitre_attack_id: [T1059]
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
  - name: user
    type: User
    role: [Victim]
`, "ttp.yml").detection!;

const corr = parseDetection(`name: Risky Host
type: Correlation
search: '| tstats sum(All_Risk.calculated_risk_score) as risk_score values(source) as source from datamodel=Risk.All_Risk by All_Risk.risk_object All_Risk.risk_object_type | \`drop_dm_object_name(All_Risk)\` | where risk_object_type="system"'
tags:
  message: Risky $risk_object$
  risk_score: 80
  observable:
  - name: risk_object
    type: Hostname
    role: [Victim]
`, "corr.yml").detection!;

const NOW = 2_000_000_000;

function setup(): { store: EventStore; run: SearchRunner } {
  const store = new EventStore();
  store.append({ time: 100, fields: { index: "main", host: "H1", user: "alice", tool: "bad" } });
  store.append({ time: 200, fields: { index: "main", host: "H2", user: "bob", tool: "good" } });
  const run: SearchRunner = (spl, st, det) => runSearch(spl, st, { macros: withFilterMacro(det, builtinMacros()), now: NOW });
  return { store, run };
}

describe("runNotables", () => {
  it("orders Correlation detections after the others, stably", () => {
    const ds = [{ type: "Correlation", n: 1 }, { type: "TTP", n: 2 }, { n: 3 }, { type: "correlation", n: 4 }];
    expect(orderForNotables(ds).map((d) => d.n)).toEqual([2, 3, 1, 4]);
  });

  it("produces notables with risk, drilldown results, and feeds the correlation", () => {
    const { store, run } = setup();
    const out = runNotables([corr, ttp], store, run, { now: NOW });
    expect(out.failed).toEqual([]);
    expect(out.riskEvents).toBe(3);
    expect(out.notables.map((n) => n.search_name)).toEqual(["ESCU - Bad Tool - Rule", "ESCU - Risky Host - Rule"]);
    const [n, c] = out.notables;
    expect(n?.message).toBe("Bad tool used by alice on H1");
    expect(n?.risk.map((r) => [r.risk_object, r.risk_object_type, r.risk_score, r._time])).toEqual([["H1", "system", 50, NOW], ["alice", "user", 50, NOW]]);
    expect(n?.drilldowns[0]?.results).toEqual([{ dest: "H1", user: "alice", count: 1 }]);
    // The correlation's own risk event (H1, 80) is in the Risk model by the time drilldowns run.
    expect(n?.drilldowns[1]?.results).toEqual([{ risk_object: "H1", count: 2 }, { risk_object: "alice", count: 1 }]);
    expect(c?.fields).toMatchObject({ risk_object: "H1", risk_object_type: "system", risk_score: 50, source: "ESCU - Bad Tool - Rule" });
    expect(c?.message).toBe("Risky H1");
  });

  it("sees risk events already in the store (an earlier run) and honours starthoursago", () => {
    const { store, run } = setup();
    store.append({ time: NOW - 3600, fields: { index: "risk", risk_object: "H1", risk_score: "10" } });
    store.append({ time: NOW - 48 * 3600, fields: { index: "risk", risk_object: "H1", risk_score: "10" } });
    const out = runNotables([ttp], store, run, { now: NOW });
    expect(out.notables[0]?.drilldowns[1]?.results).toEqual([{ risk_object: "H1", count: 2 }, { risk_object: "alice", count: 1 }]);
  });

  it("reports a failing detection and still formats text", () => {
    const { store, run } = setup();
    const broken = { ...ttp, name: "Broken", search: "| nosuchcommand" };
    const out = runNotables([broken, ttp], store, run, { now: NOW, drilldowns: false });
    expect(out.failed.map((d) => d.name)).toEqual(["Broken"]);
    const text = formatNotables(out.notables);
    expect(text).toContain("== ESCU - Bad Tool - Rule\nmessage: Bad tool used by alice on H1");
    expect(text).toContain("risk: H1 (system) score 50");
    expect(text).toContain("1 notable\n");
  });
});
