/**
 * `iplocation` end to end through runSearch with a GeoIP database made by the test writer (a
 * MaxMind DB per the MaxMind DB File Format Specification v2.0): output fields and their order,
 * prefix=, allfields=, lang=, the rows Splunk leaves without fields, and the run without a database.
 */
import { describe, expect, it } from "vitest";
import { EventStore, MmdbReader, geoIpDatabase, openGeoIpDatabase, runSearch, type GeoIpDatabase } from "../../../src/index.js";
import { sampleCityMmdb, writeMmdb } from "../../support/mmdb-writer.js";

const geoip = openGeoIpDatabase(sampleCityMmdb());
const store = new EventStore();
const run = (spl: string, db: GeoIpDatabase | null = geoip) => runSearch(spl, store, { now: 1_700_000_000, ...(db ? { geoip: db } : {}) });
const rowsOf = (spl: string, db: GeoIpDatabase | null = geoip) => {
  const r = run(spl, db);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
};
/** Rows with `src` set to each address, in order. */
const srcs = (...ips: string[]) => `| makeresults count=${ips.length} | streamstats count AS n | eval src=case(${ips.map((ip, i) => `n=${i + 1}, "${ip}"`).join(", ")}) | fields - n, _time`;

describe("iplocation with a database", () => {
  it("adds City, Country, Region, lat and lon, in that order", () => {
    const r = run('| makeresults | eval src="81.2.69.160" | fields - _time | iplocation src');
    expect(r.table?.fields).toEqual(["src", "City", "Country", "Region", "lat", "lon"]);
    expect(r.table?.rows()).toEqual([{ src: "81.2.69.160", City: "London", Country: "United Kingdom", Region: "England", lat: 51.5142, lon: -0.0931 }]);
  });

  it("allfields=true adds Continent, MetroCode and Timezone", () => {
    const r = run('| makeresults | eval src="216.160.83.58" | fields - _time | iplocation allfields=true src');
    expect(r.table?.fields).toEqual(["src", "City", "Continent", "Country", "MetroCode", "Region", "Timezone", "lat", "lon"]);
    expect(r.table?.rows()[0]).toEqual({
      src: "216.160.83.58", City: "Milton", Continent: "North America", Country: "United States", MetroCode: 819,
      Region: "Washington", Timezone: "America/Los_Angeles", lat: 47.2513, lon: -122.3149,
    });
  });

  it("prefix= names the fields; two prefixes compare two addresses (ESCU's pingid detection)", () => {
    const rows = rowsOf('| makeresults | eval dest="81.2.69.160", src="2001:db8::7" | iplocation prefix=auth_ dest | iplocation prefix=verify_ src | where auth_Country != verify_Country | table auth_City auth_Country verify_Country');
    expect(rows).toEqual([{ auth_City: "London", auth_Country: "United Kingdom", verify_Country: "United States" }]);
  });

  it("lang= picks the names' language, falling back to English for a missing name", () => {
    expect(rowsOf('| makeresults | eval src="81.2.69.160" | iplocation lang=es src | table City Country Region')).toEqual([{ City: "Londres", Country: "Reino Unido", Region: "Inglaterra" }]);
    expect(rowsOf('| makeresults | eval src="81.2.69.160" | iplocation lang=de src | table City Country Region')).toEqual([{ City: "London", Country: "Vereinigtes Königreich", Region: "England" }]);
    expect(rowsOf('| makeresults | eval src="81.2.69.160" | iplocation lang=ES src | table Country')).toEqual([{ Country: "Reino Unido" }]);
    expect(rowsOf('| makeresults | eval src="81.2.69.160" | iplocation lang=ja src | table Country')).toEqual([{ Country: "United Kingdom" }]);
  });

  it("a record without city or location gives empty values, not missing fields", () => {
    const r = run('| makeresults | eval src="2001:db8::1" | fields - _time | iplocation src');
    expect(r.table?.get("City", 0)).toBe("");
    expect(r.table?.get("Region", 0)).toBe("");
    expect(r.table?.get("lat", 0)).toBe("");
    expect(r.table?.get("Country", 0)).toBe("United States");
  });

  it("private, unknown and non-IP values get no fields; the other rows do", () => {
    const r = run(`${srcs("10.0.0.1", "81.2.69.160", "192.168.0.1", "not-an-ip", "")} | iplocation src`);
    expect(r.table?.column("Country")).toEqual([null, "United Kingdom", null, null, null]);
    expect(r.table?.column("City")).toEqual([null, "London", null, null, null]);
  });

  it("adds no fields at all when no row has a location", () => {
    const r = run('| makeresults | eval src="10.1.2.3" | fields - _time | iplocation allfields=true src');
    expect(r.table?.fields).toEqual(["src"]);
    expect(run('| makeresults | fields - _time | iplocation src').table?.fields).toEqual([]);
  });

  it("keeps a field's earlier value on rows without a location (no fields are added there)", () => {
    const rows = rowsOf(`${srcs("10.0.0.1", "81.2.69.160")} | eval City="before" | iplocation src | table src City`);
    expect(rows).toEqual([{ src: "10.0.0.1", City: "before" }, { src: "81.2.69.160", City: "London" }]);
  });

  it("reads a multivalue field's first value and a CIDR network's address", () => {
    const rows = rowsOf('| makeresults | eval ips=split("81.2.69.1,216.160.83.57", ","), net="216.160.83.56/29" | iplocation ips | iplocation prefix=net_ net | table City net_City');
    expect(rows).toEqual([{ City: "London", net_City: "Milton" }]);
  });

  it("works with ESCU's follow-ups: search Country=*, where isnotnull(City), stats dc(City)", () => {
    const base = `${srcs("81.2.69.160", "10.0.0.1", "216.160.83.57", "81.2.69.9")} | iplocation src`;
    expect(rowsOf(`${base} | search Country=* | stats count`)).toEqual([{ count: 3 }]);
    expect(rowsOf(`${base} | where isnotnull(City) | stats dc(City) AS cities`)).toEqual([{ cities: 2 }]);
  });

  it("looks up IPv4-mapped and IPv6 text forms", () => {
    expect(rowsOf('| makeresults | eval src="::ffff:81.2.69.160" | iplocation src | table City')).toEqual([{ City: "London" }]);
    expect(rowsOf('| makeresults | eval src="2001:0DB8:0:0::1" | iplocation src | table Country')).toEqual([{ Country: "United States" }]);
  });

  it("a damaged database stops the search with what was wrong", () => {
    const b = writeMmdb([{ network: "81.2.69.0/24", data: { city: "x" } }]);
    const reader = new MmdbReader(b);
    // Break the record's control byte: it now announces an extended type that does not exist.
    b[reader.metadata.nodeCount * 6 + 16] = 0x00;
    const r = run('| makeresults | eval src="81.2.69.1" | iplocation src', geoIpDatabase(reader));
    expect(r.table).toBeNull();
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^iplocation: the GeoIP database \(minispl-Test-City built 2023-11-14\) is damaged: data section offset 0: unknown data type \d+$/)]);
  });
});

describe("iplocation without a database", () => {
  it("runs, adds no fields and warns once naming --geoip", () => {
    const r = run('| makeresults | eval src="81.2.69.160", dest="216.160.83.57" | iplocation src | iplocation prefix=d_ dest | table src City d_City', null);
    expect(r.table?.rows()).toEqual([{ src: "81.2.69.160" }]);
    const warnings = r.diagnostics.filter((d) => d.severity === "warning");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(warnings.map((d) => d.message)).toEqual([
      "iplocation: no GeoIP database was given, so City, Country, Region, lat and lon stay empty; pass --geoip <file.mmdb> (e.g. MaxMind's GeoLite2-City.mmdb)",
    ]);
  });
});

describe("iplocation arguments", () => {
  const errors = (spl: string) => run(spl).diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  it.each([
    ["| makeresults | iplocation", "iplocation: needs the name of the field holding the IP address"],
    ["| makeresults | iplocation src dest", "iplocation: takes one IP address field"],
    ["| makeresults | iplocation src AS s", "iplocation: does not take AS; use prefix= to name the output fields"],
    ["| makeresults | iplocation prefx=a_ src", 'iplocation: unknown option "prefx"'],
    ["| makeresults | iplocation allfields=maybe src", "iplocation: allfields must be true or false"],
    ['| makeresults | iplocation lang="e s" src', 'iplocation: lang must be a language code such as en, es or pt-BR, got "e s"'],
    ["| makeresults | iplocation src by host", "iplocation: does not take a BY clause"],
  ])("%s", (spl, message) => {
    expect(errors(spl)).toContain(message);
  });

  it("accepts the forms ESCU uses", () => {
    for (const spl of ["| makeresults | iplocation src", "| makeresults | iplocation sourceIPs{}", "| makeresults | iplocation client.ipAddress", "| makeresults | iplocation prefix=auth_ dest", "| makeresults | iplocation lang=pt-BR allfields=t src"]) {
      expect(errors(spl), spl).toEqual([]);
    }
  });
});
