/**
 * values/ip.ts: the one reading of IP addresses and subnets behind search-time CIDR terms,
 * cidrmatch(), ipmask(), CIDR lookups and the GeoIP reader (issue 12: "four separate IP parsers
 * disagree"). The rules are inet_pton's; each place that uses it is exercised at the end.
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { inCidr, inSubnet, mappedIpv4, maskIpv4, parseIp, parseSubnet } from "../../../src/values/ip.js";

const bytes = (text: string) => { const ip = parseIp(text); return ip ? [...ip.bytes] : null; };
const zeros = (n: number) => new Array<number>(n).fill(0);

describe("parseIp", () => {
  it.each<[string, number[]]>([
    ["81.2.69.160", [81, 2, 69, 160]],
    [" 10.0.0.1 ", [10, 0, 0, 1]],
    ["0.0.0.0", [0, 0, 0, 0]],
    ["255.255.255.255", [255, 255, 255, 255]],
    ["::", zeros(16)],
    ["::1", [...zeros(15), 1]],
    ["2001:db8::", [0x20, 0x01, 0x0d, 0xb8, ...zeros(12)]],
    ["1:2:3:4:5:6:7:8", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
    ["1:2:3:4:5:6:1.2.3.4", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4]],
    ["::ffff:1.2.3.4", [...zeros(10), 255, 255, 1, 2, 3, 4]],
    ["::1.2.3.4", [...zeros(12), 1, 2, 3, 4]],
    ["FE80::1%eth0", [0xfe, 0x80, ...zeros(13), 1]],
  ])("%j", (text, want) => expect(bytes(text)).toEqual(want));

  it.each([
    "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-1", "a.b.c.d", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
    "12345::", "1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:6:7::8", "host.example.com", "gggg::1", "::a1.2.3.4",
    // inet_pton refuses a leading zero; every caller now agrees (geoip did, the others read 10.1.2.3).
    "010.1.2.3", "01.2.3.4",
  ])("refuses %j", (text) => expect(parseIp(text)).toBeNull());

  it("refuses a long value at once (a 50,000-part dotted tail from a crafted event)", () => {
    expect(parseIp(`::${Array(50_000).fill("1").join(".")}`)).toBeNull();
  });

  it("finds the IPv4 address inside an IPv4-mapped IPv6 address", () => {
    expect([...(mappedIpv4(parseIp("::ffff:1.2.3.4")!.bytes) ?? [])]).toEqual([1, 2, 3, 4]);
    expect(mappedIpv4(parseIp("::1.2.3.4")!.bytes)).toBeNull();
  });
});

describe("subnets", () => {
  it.each<[string, string, boolean]>([
    ["10.0.0.0/8", "10.0.0.0", true],
    ["10.0.0.0/8", "9.255.255.255", false],
    ["10.1.0.0/16", "10.1.255.255", true],
    ["10.1.2.3/32", "10.1.2.3", true],
    ["10.1.2.3/32", "10.1.2.4", false],
    ["10.1.2.3", "10.1.2.3", true],
    ["0.0.0.0/0", "8.8.8.8", true],
    ["0.0.0.0/0", "::1", false],
    ["::/0", "2001:db8::1", true],
    ["::/0", "8.8.8.8", false],
    ["fe80::/10", "febf::1", true],
    ["fe80::/10", "fec0::1", false],
    ["fe80::/10", "fe80::1%eth0", true],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["10.0.0.0/x", "10.0.0.1", false],
    ["10.0.0.0/8", "010.0.0.1", false],
  ])("%s contains %s → %j", (cidr, ip, expected) => expect(inCidr(cidr, ip)).toBe(expected));

  it("clears host bits and refuses prefixes past the family's width", () => {
    expect([...parseSubnet("10.1.2.3/8")!.bytes]).toEqual([10, 0, 0, 0]);
    expect(parseSubnet("10.0.0.0/33")).toBeNull();
    expect(parseSubnet("::/129")).toBeNull();
    expect(inSubnet(parseIp("10.9.9.9")!, parseSubnet("10.0.0.0/8")!)).toBe(true);
  });

  it("masks IPv4 addresses (ipmask)", () => {
    expect(maskIpv4("255.255.0.0", "192.168.7.9")).toBe("192.168.0.0");
    expect(maskIpv4("255.255.0.0", "bad")).toBeNull();
    expect(maskIpv4("255.255.0.0", "::1")).toBeNull();
  });
});

describe("every caller reads addresses alike", () => {
  const store = new EventStore();
  const one = (q: string) => runSearch(q, store, { now: 1_700_000_000 }).table?.rows();
  const ips = '| makeresults format=csv data="src\n10.1.2.3\n010.1.2.3\n2001:db8::7\n2001:db9::7\n192.168.0.1"';

  it("search-time CIDR terms take IPv6 as cidrmatch does (search reference: CIDR matching)", () => {
    expect(one(`${ips} | search src=2001:db8::/32`)).toEqual([{ src: "2001:db8::7" }]);
    expect(one(`${ips} | search src="10.0.0.0/8"`)).toEqual([{ src: "10.1.2.3" }]);
    expect(one(`${ips} | where cidrmatch("2001:db8::/32", src)`)).toEqual([{ src: "2001:db8::7" }]);
    expect(one(`${ips} | where cidrmatch("10.0.0.0/8", src)`)).toEqual([{ src: "10.1.2.3" }]);
  });
});
