/**
 * The iplocation reference's worked examples and rules
 * (help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/iplocation), run over
 * the test GeoIP database (test/support/mmdb-writer.ts: London 81.2.69.0/24, Milton WA
 * 216.160.83.56/29, 2001:db8::/32 with a country only). The golden harness has no GeoIP database,
 * so these cases live here; the web access events of the examples are rebuilt with makeresults.
 * Expected values come from the reference's rules and the database's records.
 */
import { describe, expect, it } from "vitest";
import { EventStore, openGeoIpDatabase, runSearch } from "../../../src/index.js";
import { sampleCityMmdb } from "../../support/mmdb-writer.js";

const geoip = openGeoIpDatabase(sampleCityMmdb());
const run = (spl: string) => {
  const r = runSearch(spl, new EventStore(), { now: 1_700_000_000, geoip });
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table;
};
/** Web access events with these client addresses and statuses. */
const access = (rows: readonly [string, number][]) =>
  `| makeresults format=csv data="clientip,status\\n${rows.map(([ip, s]) => `${ip},${s}`).join("\\n")}"`;

describe("iplocation reference examples", () => {
  it("Example 1, `iplocation clientip`: 'adds location information … City, Country, Region, lat, and lon'", () => {
    const t = run(`${access([["81.2.69.160", 200]])} | iplocation clientip`);
    expect(t?.fields).toEqual(["clientip", "status", "City", "Country", "Region", "lat", "lon"]);
    expect(t?.rows()).toEqual([{ clientip: "81.2.69.160", status: "200", City: "London", Country: "United Kingdom", Region: "England", lat: 51.5142, lon: -0.0931 }]);
  });

  it("Example 2, client errors: `status>=400 | head 20 | iplocation clientip` then a table of the location fields", () => {
    const rows = run(`${access([["81.2.69.160", 404], ["216.160.83.58", 200], ["216.160.83.57", 503]])} | search status>=400 | head 20 | iplocation clientip | table clientip status City Country`)?.rows();
    expect(rows).toEqual([
      { clientip: "81.2.69.160", status: "404", City: "London", Country: "United Kingdom" },
      { clientip: "216.160.83.57", status: "503", City: "Milton", Country: "United States" },
    ]);
  });

  it("Example 3, `iplocation prefix=iploc_ allfields=true clientip | fields iploc_*`: the prefix is put before every added field", () => {
    const t = run(`${access([["216.160.83.58", 200]])} | iplocation prefix=iploc_ allfields=true clientip | fields iploc_*`);
    expect(t?.rows()).toEqual([{
      iploc_City: "Milton", iploc_Continent: "North America", iploc_Country: "United States", iploc_MetroCode: 819,
      iploc_Region: "Washington", iploc_Timezone: "America/Los_Angeles", iploc_lat: 47.2513, iploc_lon: -122.3149,
    }]);
  });

  it("Example 4, counts by country (the choropleth example's `iplocation clientip | stats count by Country`)", () => {
    const rows = run(`${access([["81.2.69.160", 200], ["81.2.69.1", 200], ["216.160.83.58", 200], ["2001:db8::5", 200]])} | iplocation clientip | stats count by Country`)?.rows();
    expect(rows).toEqual([{ Country: "United Kingdom", count: 2 }, { Country: "United States", count: 2 }]);
  });
});

describe("iplocation reference rules", () => {
  it("'For IP addresses which do not have a location, such as internal addresses, no fields are added'", () => {
    const rows = run(`${access([["10.1.2.3", 200], ["81.2.69.160", 200]])} | iplocation clientip | table clientip City`)?.rows();
    expect(rows).toEqual([{ clientip: "10.1.2.3" }, { clientip: "81.2.69.160", City: "London" }]);
  });

  it("allfields=true: 'the Continent, MetroCode, and Timezone fields' are added too; the default is false", () => {
    expect(run(`${access([["81.2.69.160", 200]])} | iplocation clientip`)?.has("Continent")).toBe(false);
    const row = run(`${access([["81.2.69.160", 200]])} | iplocation allfields=true clientip`)?.rows()[0];
    expect(row).toMatchObject({ Continent: "Europe", Timezone: "Europe/London" });
  });

  it("lang=<string>: 'Render the resulting strings in different languages', e.g. lang=es for Spanish", () => {
    const row = run(`${access([["81.2.69.160", 200]])} | iplocation lang=es clientip`)?.rows()[0];
    expect(row).toMatchObject({ City: "Londres", Country: "Reino Unido", Region: "Inglaterra" });
  });

  it("a located address can have empty values: 2001:db8::/32 knows its country but no city", () => {
    const row = run(`${access([["2001:db8::5", 200]])} | iplocation clientip`)?.rows()[0];
    expect(row).toMatchObject({ Country: "United States", City: "" });
  });
});
