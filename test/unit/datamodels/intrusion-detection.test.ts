// Intrusion_Detection: ids + attack tags, fills, children on the calculated ids_type.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const store = storeOf([
  { tag: ["ids", "attack"], ids_type: "network", src: "10.0.0.5", severity: "critical", signature: "ET SCAN Nmap", dest_port: "22", transport: "tcp" },
  { tag: ["ids", "attack"], ids_type: "Host", src: "10.0.0.6" },
  { tag: ["ids"], src: "10.0.0.7", severity: "high" },
]);

describe("Intrusion_Detection.IDS_Attacks", () => {
  it("fills severity/signature/dest with unknown", () => {
    expect(rows("| tstats count from datamodel=Intrusion_Detection.IDS_Attacks by IDS_Attacks.src IDS_Attacks.severity IDS_Attacks.signature IDS_Attacks.dest", store)).toEqual([
      { "IDS_Attacks.src": "10.0.0.5", "IDS_Attacks.severity": "critical", "IDS_Attacks.signature": "ET SCAN Nmap", "IDS_Attacks.dest": "unknown", count: 1 },
      { "IDS_Attacks.src": "10.0.0.6", "IDS_Attacks.severity": "unknown", "IDS_Attacks.signature": "unknown", "IDS_Attacks.dest": "unknown", count: 1 },
    ]);
  });

  it("ESCU's internal-scan filter shape (CIDR IN list, severity IN) runs", () => {
    const q = "| tstats count from datamodel=Intrusion_Detection.IDS_Attacks where IDS_Attacks.src IN (10.0.0.0/8,192.168.0.0/16,172.16.0.0/12) IDS_Attacks.severity IN (critical, high, medium) by IDS_Attacks.src";
    expect(rows(q, store)).toEqual([{ "IDS_Attacks.src": "10.0.0.5", count: 1 }]);
  });

  it("Network_/Host_IDS_Attacks by ids_type (case-insensitive)", () => {
    expect(rows("| tstats count from datamodel=Intrusion_Detection.Network_IDS_Attacks", store)).toEqual([{ count: 1 }]);
    expect(rows("| tstats count from datamodel=Intrusion_Detection.Host_IDS_Attacks", store)).toEqual([{ count: 1 }]);
    expect(rows("| tstats count from datamodel=Intrusion_Detection.Application_IDS_Attacks", store)).toEqual([{ count: 0 }]);
  });
});
