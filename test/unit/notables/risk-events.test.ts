import { describe, expect, it } from "vitest";
import { EventStore, parseDetection, riskEventInput, riskEventsFor, riskObjectType, runSearch, searchNameOf } from "../../../src/index.js";

const det = parseDetection(`name: Odd Thing
type: TTP
search: '| makeresults'
tags:
  analytic_story: [Story A, Story B]
  mitre_attack_id: [T1047, T1059.001]
  message: Odd thing $process_name$ on $dest$ by $user$
  risk_score: 42
  observable:
  - name: dest
    type: Hostname
    role: [Victim]
  - name: user
    type: User
    role: [Attacker]
  - name: src_ip
    type: IP Address
    role: [Victim]
  - name: process_name
    type: Process
    role: [Child Process]
`, "odd.yml").detection!;

describe("risk events", () => {
  it("maps observable types to ES risk object types", () => {
    expect(["Hostname", "IP Address", "User", "Process", "URL String"].map(riskObjectType)).toEqual(["system", "system", "user", "other", "other"]);
  });

  it("names the search as ESCU does", () => {
    expect(searchNameOf(det)).toBe("ESCU - Odd Thing - Rule");
  });

  it("makes one event per risk object with a value, with tags and the filled message", () => {
    const evs = riskEventsFor(det, { dest: "HOST1", user: ["alice", "bob"], src_ip: "null", process_name: "a.exe" }, 1000);
    expect(evs.map((e) => [e.risk_object, e.risk_object_type, e.normalized_risk_object])).toEqual([
      ["HOST1", "system", "host1"], ["alice", "user", "alice"], ["bob", "user", "bob"],
    ]);
    expect(evs[0]).toMatchObject({
      _time: 1000,
      risk_score: 42,
      risk_message: "Odd thing a.exe on HOST1 by alice, bob",
      search_name: "ESCU - Odd Thing - Rule",
      analyticstories: ["Story A", "Story B"],
      "annotations.mitre_attack.mitre_technique_id": ["T1047", "T1059.001"],
      threat_object: ["a.exe"],
      threat_object_type: ["process"],
    });
  });

  it("skips risk objects without a value", () => {
    expect(riskEventsFor(det, { dest: null, user: "" }, 0)).toEqual([]);
  });

  it("lands in the Risk datamodel through index=risk", () => {
    const store = new EventStore();
    store.append({ time: 1, fields: { index: "main", risk_object: "not-risk" } });
    for (const ev of riskEventsFor(det, { dest: "HOST1", user: "alice" }, 1000)) store.append(riskEventInput(ev));
    const from = runSearch("| from datamodel Risk.All_Risk | table risk_object risk_object_type risk_score source", store);
    expect(from.table?.rows()).toEqual([
      { risk_object: "HOST1", risk_object_type: "system", risk_score: "42", source: "ESCU - Odd Thing - Rule" },
      { risk_object: "alice", risk_object_type: "user", risk_score: "42", source: "ESCU - Odd Thing - Rule" },
    ]);
    const ts = runSearch("| tstats sum(All_Risk.calculated_risk_score) as score dc(All_Risk.annotations.mitre_attack.mitre_technique_id) as techniques from datamodel=Risk.All_Risk by All_Risk.risk_object", store);
    expect(ts.table?.rows()).toEqual([
      { "All_Risk.risk_object": "HOST1", score: 42, techniques: 2 },
      { "All_Risk.risk_object": "alice", score: 42, techniques: 2 },
    ]);
  });
});
