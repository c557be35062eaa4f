import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";

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
    expect(r.stdout).toContain("== Script Execution via WMI");
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
    expect(loud.stdout).toContain("== Script Execution via WMI");
    expect(loud.stdout).toContain("0 results");
  });

  it("writes CSV", async () => {
    const r = await runCli(["detect", SEED, "--data", "samples/data/sysmon.xml", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("dest,user,parent_process,process_name,process,process_id,parent_process_id,count,firstTime,lastTime");
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

  it("exits 3 for a missing data file", () => {
    const r = spawnCli(["detect", SEED, "--data", "samples/data/nope.xml"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("nope.xml");
  });
});
