/** IPv4/IPv6 parsing and CIDR tests behind cidrmatch() and ipmask(). */
import { describe, expect, it } from "vitest";
import { inCidr, maskIpv4, parseIp } from "../../../src/functions/ip.js";

describe("parseIp", () => {
  it.each<[string, bigint | null]>([
    ["0.0.0.0", 0n],
    ["255.255.255.255", 0xffffffffn],
    ["10.1.2.3", 0x0a010203n],
    ["256.1.1.1", null],
    ["1.2.3", null],
    ["::", 0n],
    ["::1", 1n],
    ["2001:db8::1", 0x20010db8000000000000000000000001n],
    ["::ffff:1.2.3.4", 0xffff01020304n],
    ["::1.2.3.4", 0x01020304n],
    ["1:2:3:4:5:6:7:8", 0x00010002000300040005000600070008n],
    ["fe80::1%eth0", 0xfe800000000000000000000000000001n],
    ["1:2:3:4:5:6:7:8:9", null],
    ["1::2::3", null],
    ["gggg::1", null],
    ["host.example.com", null],
  ])("%j → %s", (s, expected) => {
    expect(parseIp(s)?.value ?? null).toBe(expected);
  });
});

describe("inCidr / maskIpv4", () => {
  it.each<[string, string, boolean]>([
    ["10.0.0.0/8", "10.0.0.0", true],
    ["10.0.0.0/8", "9.255.255.255", false],
    ["10.1.0.0/16", "10.1.255.255", true],
    ["10.1.2.3/32", "10.1.2.3", true],
    ["10.1.2.3/32", "10.1.2.4", false],
    ["::/0", "2001:db8::1", true],
    ["fe80::/10", "febf::1", true],
    ["fe80::/10", "fec0::1", false],
    ["10.0.0.0/x", "10.0.0.1", false],
  ])("%s contains %s → %j", (cidr, ip, expected) => {
    expect(inCidr(cidr, ip)).toBe(expected);
  });

  it("masks IPv4 addresses", () => {
    expect(maskIpv4("255.255.0.0", "192.168.7.9")).toBe("192.168.0.0");
    expect(maskIpv4("255.255.0.0", "bad")).toBeNull();
  });
});
