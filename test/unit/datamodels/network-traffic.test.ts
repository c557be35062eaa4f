// Network_Traffic (cim-mapping.md §1.4): tag membership, the 0/unknown fills, the bytes triangle and the action children.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const NT = ["network", "communicate"];
const store = storeOf([
  { tag: NT, dest: "10.0.0.5", dest_port: "443", transport: "TCP", action: "allowed", bytes_in: "1200", bytes_out: "300", src_port: "51514" },
  { tag: NT, dest: "10.0.0.5", dest_port: "https", action: "Blocked", bytes: "900", bytes_out: "100" },
  { tag: NT, dest: "", packets_in: "3", packets_out: "4" },
  { tag: ["network"], dest: "10.0.0.9", dest_port: "22" },
  { tag: ["communicate", "network", "dns"], dest: "10.0.0.53", dest_port: "53", transport: "udp", action: "allowed" },
]);

describe("Network_Traffic.All_Traffic", () => {
  it("needs both network and communicate tags", () => {
    expect(rows("| tstats count from datamodel=Network_Traffic.All_Traffic", store)).toEqual([{ count: 4 }]);
    // A bare model name reads the root dataset.
    expect(rows("| tstats count from datamodel=Network_Traffic", store)).toEqual([{ count: 4 }]);
  });

  it("fills dest_port/src_port with 0 when not numeric and lower-cases transport", () => {
    expect(rows("| tstats count from datamodel=Network_Traffic.All_Traffic by All_Traffic.dest_port All_Traffic.transport All_Traffic.src_port", store)).toEqual([
      { "All_Traffic.dest_port": "0", "All_Traffic.transport": "unknown", "All_Traffic.src_port": "0", count: 2 },
      { "All_Traffic.dest_port": "53", "All_Traffic.transport": "udp", "All_Traffic.src_port": "0", count: 1 },
      { "All_Traffic.dest_port": "443", "All_Traffic.transport": "tcp", "All_Traffic.src_port": "51514", count: 1 },
    ]);
  });

  it("fills dest and action with unknown (an empty value counts as missing)", () => {
    expect(rows("| tstats count from datamodel=Network_Traffic.All_Traffic where All_Traffic.dest=unknown by All_Traffic.action", store)).toEqual([
      { "All_Traffic.action": "unknown", count: 1 },
    ]);
  });

  it("derives bytes and packets from the other two when numeric", () => {
    const q = "| tstats values(All_Traffic.bytes) as b values(All_Traffic.bytes_in) as bi values(All_Traffic.packets) as p from datamodel=Network_Traffic.All_Traffic by All_Traffic.dest";
    expect(rows(q, store)).toEqual([
      { "All_Traffic.dest": "10.0.0.5", b: ["1500", "900"], bi: ["1200", "800"] },
      { "All_Traffic.dest": "10.0.0.53" },
      { "All_Traffic.dest": "unknown", p: "7" },
    ]);
  });
});

describe("Network_Traffic children", () => {
  it("Traffic_By_Action keeps every event (action=* sees the unknown fill)", () => {
    expect(rows("| tstats count from datamodel=Network_Traffic.Traffic_By_Action", store)).toEqual([{ count: 4 }]);
  });

  it("Blocked_Traffic / Allowed_Traffic by dataset name or nodename, values compared case-insensitively", () => {
    expect(rows("| tstats count from datamodel=Network_Traffic.Blocked_Traffic by All_Traffic.action", store)).toEqual([
      { "All_Traffic.action": "Blocked", count: 1 },
    ]);
    expect(rows("| tstats count from datamodel=Network_Traffic where nodename=All_Traffic.Traffic_By_Action.Allowed_Traffic by All_Traffic.dest", store)).toEqual([
      { "All_Traffic.dest": "10.0.0.5", count: 1 },
      { "All_Traffic.dest": "10.0.0.53", count: 1 },
    ]);
  });
});
