// Network_Sessions: membership, Stream's DHCP fields for dest_ip/dest_mac, the DHCP child by nodename as ESCU writes it.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const S = ["network", "session"];
const store = storeOf([
  { tag: [...S, "dhcp"], source: "stream:dhcp", yiaddr: "10.9.0.15", chaddr: "aa:bb:cc:00:11:22", dest_ip: "0.0.0.0", lease_duration: "86400" },
  { tag: [...S, "dhcp"], source: "/var/log/dhcpd.log", dest_ip: "10.9.0.16", dest_mac: "aa:bb:cc:00:11:33" },
  { tag: [...S, "vpn"], user: "alice", src_ip: "203.0.113.7" },
  { tag: ["network"], dest_ip: "10.9.9.9" },
]);

describe("Network_Sessions", () => {
  it("All_Sessions needs network + session; dest_ip/dest_mac prefer Stream's yiaddr/chaddr, then unknown", () => {
    expect(rows("| tstats count from datamodel=Network_Sessions by All_Sessions.dest_ip All_Sessions.dest_mac", store)).toEqual([
      { "All_Sessions.dest_ip": "10.9.0.15", "All_Sessions.dest_mac": "aa:bb:cc:00:11:22", count: 1 },
      { "All_Sessions.dest_ip": "10.9.0.16", "All_Sessions.dest_mac": "aa:bb:cc:00:11:33", count: 1 },
      { "All_Sessions.dest_ip": "unknown", "All_Sessions.dest_mac": "unknown", count: 1 },
    ]);
  });

  it("ESCU's `where nodename=All_Sessions.DHCP All_Sessions.tag=dhcp` and the DHCP child's own field", () => {
    const q = "| tstats count from datamodel=Network_Sessions where nodename=All_Sessions.DHCP All_Sessions.tag=dhcp by All_Sessions.dest_ip All_Sessions.DHCP.lease_duration";
    expect(rows(q.replace("tstats", "tstats fillnull_value=null"), store)).toEqual([
      { "All_Sessions.dest_ip": "10.9.0.15", "All_Sessions.DHCP.lease_duration": "86400", count: 1 },
      { "All_Sessions.dest_ip": "10.9.0.16", "All_Sessions.DHCP.lease_duration": "null", count: 1 },
    ]);
    expect(rows("| tstats count from datamodel=Network_Sessions.VPN by All_Sessions.user", store)).toEqual([{ "All_Sessions.user": "alice", count: 1 }]);
  });
});
