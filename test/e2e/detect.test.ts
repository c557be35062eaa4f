import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";
/** The seed's search_name, as Enterprise Security and the notables name it. */
const SEED_NAME = "ESCU - Script Execution via WMI - Rule";

/** A folder with the seed, a second detection with other fields, and an ESCU macro YAML (not a detection). */
function twoDetections(): string {
  const dir = mkdtempSync(join(tmpdir(), "minispl-detect-"));
  writeFileSync(join(dir, "a_seed.yml"), readSeed());
  writeFileSync(join(dir, "b_hosts.yml"), `name: Hosts Seen
type: Hunting
search: '| tstats count from datamodel=Endpoint.Processes by Processes.dest | \`drop_dm_object_name(Processes)\` | eval search_name="from the search"'
`);
  writeFileSync(join(dir, "c_macro.yml"), "definition: source=ActiveDirectory\ndescription: a macro, not a detection\nname: admon\n");
  return dir;
}

function readSeed(): string {
  return readFileSync(SEED, "utf8");
}

describe("minispl detect on samples/", () => {
  it("finds the scrcons.exe process in Sysmon, Security 4688 and CrowdStrike samples (json)", async () => {
    const r = await runCli(["detect", SEED, "--data", "samples/data/", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.process_name === "scrcons.exe")).toBe(true);
    expect(rows.map((row) => row.process_id)).toEqual(["5316", "0x14c4", "31254790338"]);
    expect(rows[0]).toMatchObject({ user: "SYSTEM", firstTime: "2024-03-12T14:22:05", count: 1 });
    expect(rows[2]).toMatchObject({ dest: "unknown", parent_process: "unknown" });
    expect(r.stderr).toContain("loaded 16 events from 4 file(s)");
  });

  it("prints a table and the detection message per result", async () => {
    const r = await runCli(["detect", SEED, "--data", "samples/data/"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`== ${SEED_NAME} (${SEED})\n`);
    expect(r.stdout).toMatch(/\| dest +\| user +\|/);
    expect(r.stdout).toContain("3 results");
    expect(r.stdout).toContain("message: A wmic.exe process scrcons.exe that execute script in host WIN-LAB-07.corp.example");
  });

  it("ends with a summary line on stderr; --only-fired prints only detections with results", async () => {
    const fired = await runCli(["detect", SEED, "--data", "samples/data/"]);
    expect(fired.stderr).toContain("1 detection: 1 fired (3 results)\n");
    const quiet = await runCli(["detect", SEED, "--data", "samples/data/nxlog.json", "--only-fired"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toContain("1 detection: 0 fired (0 results)\n");
    const loud = await runCli(["detect", SEED, "--data", "samples/data/nxlog.json"]);
    expect(loud.stdout).toContain(`== ${SEED_NAME}`);
    expect(loud.stdout).toContain("0 results");
  });

  it("writes CSV", async () => {
    const r = await runCli(["detect", SEED, "--data", "samples/data/sysmon.xml", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("search_name,dest,user,parent_process,process_name,process,process_id,parent_process_id,count,firstTime,lastTime");
    expect(r.stdout.split("\n")[1]).toMatch(new RegExp(`^${SEED_NAME},WIN-LAB-07`));
    expect(r.stdout.split("\n")).toHaveLength(3);
  });

  it("returns [] and exit 0 when nothing matches", async () => {
    const r = await runCli(["detect", SEED, "--data", "samples/data/nxlog.json", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("uses a user-supplied filter macro instead of the generated `search *`", async () => {
    const r = await runCli(["detect", SEED, "--data", "samples/data/", "--macros", "test/e2e/fixtures/filter_macros.conf", "--format", "json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(1);
  });

  it("names each row's detection by search_name in every format, and skips YAML that is not a detection", async () => {
    const dir = twoDetections();
    const args = ["detect", dir, "--data", "samples/data/"];
    const json = await runCli([...args, "--format", "json"]);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    // search_name comes first, and the detection's name wins over a field the search made.
    expect(rows.map((x) => [Object.keys(x)[0], x.search_name])).toEqual([
      ...Array.from({ length: 3 }, () => ["search_name", SEED_NAME]),
      ...Array.from({ length: 3 }, () => ["search_name", "ESCU - Hosts Seen - Rule"]),
    ]);
    expect(json.stderr).toContain("skipped 1 YAML file that is not a detection");
    expect(json.stderr).toContain("2 detections: 2 fired (6 results)\n");

    const ndjson = await runCli([...args, "--format", "ndjson"]);
    const lines = ndjson.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual(rows);

    // One CSV document: search_name, then the union of the detections' fields.
    const csv = await runCli([...args, "--format", "csv"]);
    const out = csv.stdout.trimEnd().split("\n");
    expect(out[0]).toBe("search_name,dest,user,parent_process,process_name,process,process_id,parent_process_id,count,firstTime,lastTime");
    expect(out).toHaveLength(7);
    expect(out.filter((l) => l.startsWith("search_name,"))).toHaveLength(1);
    expect(out[4]).toMatch(/^ESCU - Hosts Seen - Rule,[^,]+,,,,,,,\d+,,$/);

    const table = await runCli(args);
    expect(table.stdout).toContain(`== ${SEED_NAME} (${join(dir, "a_seed.yml")})\n`);
    expect(table.stdout).toContain(`== ESCU - Hosts Seen - Rule (${join(dir, "b_hosts.yml")})\n`);
    // The message once per result row, after its table.
    expect(table.stdout.match(/^message: /gm)).toHaveLength(3);
  });

  it("--notables: ndjson is one notable per line, csv is a usage error (exit 2, one line and a hint)", async () => {
    const nd = await runCli(["detect", SEED, "--data", "samples/data/", "--notables", "--format", "ndjson", "--now", "1710252000"]);
    expect(nd.code).toBe(0);
    const ns = nd.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { search_name: string });
    expect(ns.map((n) => n.search_name)).toEqual([SEED_NAME, SEED_NAME, SEED_NAME]);
    const csv = await runCli(["detect", SEED, "--notables", "--format", "csv"]);
    expect(csv.code).toBe(2);
    expect(csv.stdout).toBe("");
    expect(csv.stderr).toBe("error: option '--format csv' is not supported with --notables (table, json or ndjson)\n  = hint: run `minispl detect --help` for its arguments and options\n");
  });

  it("--notables text shows the row's _time and each drilldown's time range in --tz", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-notable-tz-"));
    const det = join(dir, "tz.yml");
    writeFileSync(det, `name: Timed
type: TTP
search: '| makeresults | eval _time=1554315119, dest="h1"'
drilldown_searches:
- name: Around $dest$
  search: '| makeresults | eval _time=1554315119, n=1 | table _time n'
  earliest_offset: '1554300000'
  latest_offset: '1554400000'
tags:
  message: seen on $dest$
`);
    const r = await runCli(["detect", det, "--notables", "--tz", "America/New_York", "--now", "1554400000"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("== ESCU - Timed - Rule\nmessage: seen on h1\n");
    expect(r.stdout).toMatch(/fields: .*_time=2019-04-03 14:11:59\.000/);
    expect(r.stdout).toContain("  time: 2019-04-03 10:00:00.000 .. 2019-04-04 13:46:40.000 (America/New_York)\n");
    expect(r.stdout).toMatch(/\| 2019-04-03 14:11:59\.000 \| 1 +\|/);
  });

  it("exits 3 for a missing data file", () => {
    const r = spawnCli(["detect", SEED, "--data", "samples/data/nope.xml"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("nope.xml");
  });
});
