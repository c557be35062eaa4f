/**
 * `--geoip <file.mmdb>` on search, detect and check, with a tiny MaxMind DB (MaxMind DB File Format
 * Specification v2.0) written to a temp dir by test/support/mmdb-writer.ts; and the CLI's answers
 * for a missing file, a file that is not a MaxMind DB, and no --geoip at all.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { sampleCityMmdb } from "../support/mmdb-writer.js";

let dir = "";
let mmdb = "";
let detections = "";
const SPL = '| makeresults | eval src="81.2.69.160" | iplocation src | table src City Country Region';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-geoip-"));
  mmdb = join(dir, "test-city.mmdb");
  writeFileSync(mmdb, sampleCityMmdb());
  writeFileSync(join(dir, "not-a-db.mmdb"), "City,Country\nLondon,GB\n");
  detections = join(dir, "detections");
  mkdirSync(detections);
  writeFileSync(join(detections, "login_from_abroad.yml"), [
    "name: Login From Abroad",
    "id: 00000000-0000-4000-8000-00000000ge01",
    "status: experimental",
    "type: Hunting",
    `search: '${SPL.replaceAll("'", "''")} | \`login_from_abroad_filter\`'`,
    "tags:",
    "  message: login from $City$, $Country$",
    "",
  ].join("\n"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("--geoip", () => {
  it("search: iplocation reads the database", async () => {
    const r = await runCli(["search", SPL, "--geoip", mmdb, "--format", "json"]);
    expect(r.stderr).toContain("loaded GeoIP database minispl-Test-City built 2023-11-14");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ src: "81.2.69.160", City: "London", Country: "United Kingdom", Region: "England" }]);
  });

  it("detect: fills the message from the located fields", async () => {
    const r = await runCli(["detect", detections, "--geoip", mmdb, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("message: login from London, United Kingdom");
  });

  it("check: runs the detection with the database", async () => {
    const r = await runCli(["check", detections, "--geoip", mmdb, "--data", "samples/data/sysmon.xml", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Record<string, unknown>[] };
    expect(out.results).toEqual([expect.objectContaining({ name: "Login From Abroad", stage: "ok", rows: 1 })]);
  });

  it("without --geoip the search still runs and the warning says how to add a database", async () => {
    const r = await runCli(["search", SPL, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ src: "81.2.69.160" }]);
    expect(r.stderr).toContain("iplocation: no GeoIP database was given, so City, Country, Region, lat and lon stay empty; pass --geoip <file.mmdb>");
  });

  it("a missing file is an input error (exit 3)", async () => {
    const missing = join(dir, "nope.mmdb");
    const r = await runCli(["search", SPL, "--geoip", missing]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: --geoip ${missing}: no such file\n`);
    expect(r.stdout).toBe("");
  });

  it("a file that is not a MaxMind DB is an input error saying so (exit 3), for detect and check too", async () => {
    const bad = join(dir, "not-a-db.mmdb");
    for (const args of [["search", SPL], ["detect", detections], ["check", detections]]) {
      const r = await runCli([...args, "--geoip", bad]);
      expect(r.code, args[0]).toBe(3);
      expect(r.stderr).toMatch(/^error: --geoip .*not-a-db\.mmdb: cannot be used as a GeoIP database: not a MaxMind DB file: no metadata marker/);
    }
  });

  it("a directory is refused with a clear line", async () => {
    const r = await runCli(["search", SPL, "--geoip", dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("is a directory, not a .mmdb file");
  });

  it("is listed in --help", async () => {
    expect((await runCli(["search", "--help"])).stdout).toContain("--geoip <file.mmdb>");
  });
});
