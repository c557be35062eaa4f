// Alerts, UEBA and Identity_Management: the small models ESCU touches once or twice.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

// UEBA and Identity_Management require no tags; one event per store carries a tag only so that the
// store has a `tag` column (dataset-view.ts finds no members without one, see risk.test.ts).

describe("Alerts", () => {
  it("tag=alert; app falls back to sourcetype; severity/dest filled", () => {
    const store = storeOf([
      { tag: ["alert"], sourcetype: "crowdstrike:events", severity: "critical", signature: "Ransomware", id: "42" },
      { tag: ["alert"], app: "Defender", severity: "high", dest: "ws01" },
      { tag: ["alert"], severity: "low" },
    ]);
    const q = '| tstats count from datamodel=Alerts where Alerts.severity IN ("high","critical") by Alerts.app Alerts.severity Alerts.dest';
    expect(rows(q, store)).toEqual([
      { "Alerts.app": "Defender", "Alerts.severity": "high", "Alerts.dest": "ws01", count: 1 },
      { "Alerts.app": "crowdstrike:events", "Alerts.severity": "critical", "Alerts.dest": "unknown", count: 1 },
    ]);
  });
});

describe("UEBA", () => {
  it("index=ueba, the UEBA_Anomalies child by nodename and its uba_model field", () => {
    const store = storeOf([
      { index: "ueba", uba_event_type: "anomaly", uba_model: "SuspiciousEmailDetectionModel", user: "alice", severity: "7" },
      { index: "ueba", uba_event_type: "threat", user: "bob" },
      { index: "main", uba_event_type: "anomaly", user: "carol", tag: ["x"] },
    ]);
    const q = '| tstats count from datamodel=UEBA where nodename=All_UEBA_Events.UEBA_Anomalies All_UEBA_Events.UEBA_Anomalies.uba_model = "SuspiciousEmailDetectionModel" by All_UEBA_Events.user All_UEBA_Events.UEBA_Anomalies.uba_model';
    expect(rows(q, store)).toEqual([
      { "All_UEBA_Events.user": "alice", "All_UEBA_Events.UEBA_Anomalies.uba_model": "SuspiciousEmailDetectionModel", count: 1 },
    ]);
  });
});

describe("Identity_Management", () => {
  it("All_Identities holds the identity lookup rows loaded as events", () => {
    const store = storeOf([
      { source: "identity_lookup_expanded", identity: "alice", startDate: "1699990000", tag: ["x"] },
      { source: "asset_lookup_by_str", ip: "10.0.0.1" },
    ]);
    expect(rows("| tstats count from datamodel=Identity_Management.All_Identities by All_Identities.identity", store)).toEqual([
      { "All_Identities.identity": "alice", count: 1 },
    ]);
    expect(rows("| tstats count from datamodel=Identity_Management.All_Assets by All_Assets.ip", store)).toEqual([
      { "All_Assets.ip": "10.0.0.1", count: 1 },
    ]);
  });
});
