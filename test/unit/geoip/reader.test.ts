/**
 * The search tree and file layout (MaxMind DB spec: "Binary Search Tree Section", "Node Layout",
 * "IPv4 addresses in an IPv6 tree", "Data Section Separator", "Database Metadata") over databases
 * made by test/support/mmdb-writer.ts, and the MmdbError a bad file gives.
 */
import { describe, expect, it } from "vitest";
import { MmdbError } from "../../../src/geoip/decoder.js";
import { MmdbReader } from "../../../src/geoip/reader.js";
import { sampleCityMmdb, u16, writeMmdb, type MmdbWriteOptions } from "../../support/mmdb-writer.js";

const cityOf = (r: MmdbReader, ip: string) => {
  const rec = r.lookup(ip) as { city?: { names: { en: string } }; country?: { iso_code: string } } | null;
  return rec === null ? null : `${rec.city?.names.en ?? "-"}/${rec.country?.iso_code ?? "-"}`;
};

describe("metadata", () => {
  it("reads the keys the spec requires", () => {
    const md = new MmdbReader(sampleCityMmdb()).metadata;
    expect(md).toMatchObject({
      recordSize: 24, ipVersion: 6, databaseType: "minispl-Test-City", languages: ["en", "de", "es"],
      binaryFormatMajorVersion: 2, binaryFormatMinorVersion: 0, buildEpoch: 1_700_000_000n,
      description: { en: "minispl test database" },
    });
    expect(md.nodeCount).toBeGreaterThan(96);
  });
});

describe.each([24, 28, 32] as const)("search tree with %i-bit records", (recordSize) => {
  const v6 = new MmdbReader(sampleCityMmdb({ recordSize }));
  const v4 = new MmdbReader(sampleCityMmdb({ recordSize, ipVersion: 4 }));

  it("finds IPv4 addresses in an IPv6 tree through ::/96, at both ends of a network", () => {
    expect(cityOf(v6, "81.2.69.160")).toBe("London/GB");
    expect(cityOf(v6, "81.2.69.0")).toBe("London/GB");
    expect(cityOf(v6, "81.2.69.255")).toBe("London/GB");
    expect(cityOf(v6, "216.160.83.63")).toBe("Milton/US");
    expect(cityOf(v6, "::81.2.69.160")).toBe("London/GB");
  });

  it("finds IPv4-mapped addresses through the ::ffff:0:0/96 alias", () => {
    expect(cityOf(v6, "::ffff:81.2.69.160")).toBe("London/GB");
    expect(cityOf(v6, "::ffff:5102:45a0")).toBe("London/GB");
  });

  it("finds IPv6 networks", () => {
    expect(cityOf(v6, "2001:db8::1")).toBe("-/US");
    expect(cityOf(v6, "2001:0db8:ffff:ffff:ffff:ffff:ffff:ffff")).toBe("-/US");
    expect(v6.find("2001:db8::1")?.prefixLength).toBe(32);
    expect(v6.find("81.2.69.7")?.prefixLength).toBe(24);
    expect(v6.find("::ffff:81.2.69.7")?.prefixLength).toBe(120);
  });

  it("misses: unknown, private and neighbouring addresses give null", () => {
    for (const ip of ["81.2.70.1", "81.2.68.255", "10.0.0.1", "192.168.1.1", "127.0.0.1", "216.160.83.64", "2001:db9::1", "::1", "fe80::1%eth0"]) {
      expect(v6.lookup(ip), ip).toBeNull();
    }
  });

  it("an IPv4 tree: IPv4 addresses, IPv4-mapped IPv6 addresses, and null for other IPv6 addresses", () => {
    expect(cityOf(v4, "81.2.69.160")).toBe("London/GB");
    expect(v4.find("81.2.69.160")?.prefixLength).toBe(24);
    expect(cityOf(v4, "::ffff:81.2.69.160")).toBe("London/GB");
    expect(v4.lookup("2001:db8::1")).toBeNull();
    expect(v4.lookup("81.2.70.1")).toBeNull();
  });
});

it("28-bit records keep bits 27..24 in the middle byte, for left and right records", () => {
  // 16 MiB of padding makes every data record value larger than 2^24.
  const big = writeMmdb(
    [{ network: "81.2.69.0/24", data: { n: "right" } }, { network: "2001:db8::/32", data: { n: "left" } }],
    { recordSize: 28, dataPadding: 2 ** 24 },
  );
  const r = new MmdbReader(big);
  expect(r.lookup("81.2.69.1")).toEqual({ n: "right" });
  expect(r.lookup("2001:db8::1")).toEqual({ n: "left" });
  expect(r.find("81.2.69.1")?.offset).toBeGreaterThan(2 ** 24);
  expect(() => writeMmdb([{ network: "1.0.0.0/8", data: "x" }], { recordSize: 24, dataPadding: 2 ** 24 })).toThrow(/does not fit in 24 bits/);
});

it("records that are not maps: lookupValue returns them, lookup refuses them", () => {
  const r = new MmdbReader(writeMmdb([{ network: "1.2.3.0/24", data: "just a string" }, { network: "5.0.0.0/8", data: [u16(1)] }]));
  expect(r.lookupValue("1.2.3.4")).toBe("just a string");
  expect(r.lookupValue("5.6.7.8")).toEqual([1]);
  expect(() => r.lookup("1.2.3.4")).toThrow(/the record for 1.2.3.4 is a string, not a map/);
});

it("without the ::ffff:0:0/96 alias, IPv4-mapped addresses are not found", () => {
  const r = new MmdbReader(sampleCityMmdb({ ipv4Mapped: false }));
  expect(r.lookup("::ffff:81.2.69.160")).toBeNull();
  expect(cityOf(r, "81.2.69.160")).toBe("London/GB");
});

it("text that is not an IP address is a TypeError", () => {
  const r = new MmdbReader(sampleCityMmdb());
  for (const bad of ["", "london", "81.2.69", "81.2.69.256", "1:2:3", "2001:db8:::1"]) expect(() => r.lookup(bad), bad).toThrow(TypeError);
});


describe("bad files give an MmdbError saying what was wrong", () => {
  const open = (b: Uint8Array) => () => new MmdbReader(b);
  const withMeta = (metadata: MmdbWriteOptions["metadata"]) => open(sampleCityMmdb({ metadata }));

  it.each([
    ["an empty file", open(new Uint8Array(0)), /not a MaxMind DB file: no metadata marker .* \(0 bytes read\)/],
    ["a text file", open(new TextEncoder().encode("City,Country\nLondon,GB\n")), /not a MaxMind DB file/],
    ["the marker at the very end", open(Uint8Array.from([0xab, 0xcd, 0xef, ...new TextEncoder().encode("MaxMind.com")])), /ends right after the metadata marker/],
    ["metadata that is not a map", open(Uint8Array.from([0xab, 0xcd, 0xef, ...new TextEncoder().encode("MaxMind.com"), 0x41, 0x78])), /metadata: expected a map, found a string/],
    ["no node_count", withMeta({ node_count: undefined }), /metadata: required key node_count is missing/],
    ["node_count of the wrong type", withMeta({ node_count: "many" }), /metadata: node_count must be an unsigned integer, found a string/],
    ["node_count 0", withMeta({ node_count: u16(0) }), /node_count is 0/],
    ["record_size 27", withMeta({ record_size: u16(27) }), /record_size is 27; supported sizes are 24, 28 and 32 bits/],
    ["major version 3", withMeta({ binary_format_major_version: u16(3) }), /binary_format_major_version is 3; this reader supports version 2/],
    ["ip_version 5", withMeta({ ip_version: u16(5) }), /ip_version is 5; it must be 4 or 6/],
    ["no database_type", withMeta({ database_type: undefined }), /required key database_type is missing/],
    ["build_epoch a string", withMeta({ build_epoch: "yesterday" }), /build_epoch must be an unsigned integer, found a string/],
    ["node_count too large for the file", withMeta({ node_count: u16(60_000) }), /search tree of 60000 nodes \(360000 bytes\) .* do not fit .* truncated or node_count is wrong/],
    ["node_count too small", withMeta({ node_count: u16(10) }), /the 16 bytes after the search tree \(offset 60\) are not all zero/],
  ])("%s", (_what, fn, message) => {
    expect(fn).toThrow(MmdbError);
    expect(fn).toThrow(message);
  });

  /** An IPv4 database with one node: left empty, right → the record of 128.0.0.0/1. */
  function oneNode(right: number): MmdbReader {
    const b = writeMmdb([{ network: "128.0.0.0/1", data: { x: "y" } }], { ipVersion: 4 });
    b.set([right >> 16, (right >> 8) & 0xff, right & 0xff], 3);
    return new MmdbReader(b);
  }

  it("tree records pointing into the separator, past the data, or deeper than the address", () => {
    expect(oneNode(17).lookup("200.0.0.1")).toEqual({ x: "y" });
    expect(oneNode(17).lookup("1.0.0.1")).toBeNull();
    expect(() => oneNode(5).lookup("200.0.0.1")).toThrow(/search-tree record 5 for 200.0.0.1 points into the data section separator/);
    expect(() => oneNode(9999).lookup("200.0.0.1")).toThrow(/record 9999 for 200.0.0.1 points past the end of the data section \(size \d+\)/);
    // Right → the root again: all-ones bits never leave the tree.
    expect(() => oneNode(0).lookup("255.255.255.255")).toThrow(/the search tree is deeper than the 32 bits of 255.255.255.255: node 0/);
  });

  it("a damaged record is reported when it is looked up", () => {
    const b = writeMmdb([{ network: "128.0.0.0/1", data: "abc" }], { ipVersion: 4 });
    b[6 + 16] = 0x45; // the string's control byte now claims 5 bytes, running into the metadata marker
    expect(() => new MmdbReader(b).lookupValue("200.0.0.1")).toThrow(/data section offset 0: UTF-8 string of 5 bytes runs past the end of the data section/);
  });
});
