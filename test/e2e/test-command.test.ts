import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";
const REL = "datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log";

function attackRoot(sample: string): string {
  const root = mkdtempSync(join(tmpdir(), "minispl-attack-"));
  mkdirSync(join(root, "datasets/attack_techniques/T1047/execution_scrcons"), { recursive: true });
  copyFileSync(sample, join(root, REL));
  return root;
}

describe("minispl test", () => {
  it("passes when the attack data holds a scrcons.exe process (json, junit)", async () => {
    const root = attackRoot("samples/data/sysmon.xml");
    const junit = join(root, "results.xml");
    const r = await runCli(["test", SEED, "--attack-data", root, "--format", "json", "--junit", junit]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Record<string, unknown>[]; summary: Record<string, number> };
    expect(out.results).toHaveLength(1);
    expect(out.results[0]).toMatchObject({ name: "Script Execution via WMI", test: "True Positive Test", status: "pass", rows: 1 });
    expect(out.summary).toMatchObject({ total: 1, pass: 1, fail: 0, error: 0 });
    expect(readFileSync(junit, "utf8")).toContain('<testsuite name="minispl detection tests" tests="1" failures="0" errors="0"');
  });

  it("fails (exit 1) when the attack data has no scrcons.exe", () => {
    const root = attackRoot("samples/data/security.xml");
    const r = spawnCli(["test", SEED, "--attack-data", root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAIL  Script Execution via WMI — True Positive Test (0 rows");
    expect(r.stdout).toContain("the search returned no results");
  });

  it("runs many detections in worker threads and keeps the file order", () => {
    const root = attackRoot("samples/data/sysmon.xml");
    const dir = mkdtempSync(join(tmpdir(), "minispl-dets-"));
    const yaml = readFileSync(SEED, "utf8");
    for (let i = 0; i < 9; i++) {
      writeFileSync(join(dir, `d${i}.yml`), yaml.replace("name: Script Execution via WMI", `name: Copy ${i}`).replace("script_execution_via_wmi_filter", `copy_${i}_filter`));
    }
    const r = spawnCli(["test", dir, "--attack-data", root, "--jobs", "2", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { name: string; status: string }[] };
    expect(out.results.map((x) => x.name)).toEqual(Array.from({ length: 9 }, (_, i) => `Copy ${i}`));
    expect(out.results.every((x) => x.status === "pass")).toBe(true);
  });

  it("reports a missing attack data file as an error", async () => {
    const root = mkdtempSync(join(tmpdir(), "minispl-attack-"));
    const r = await runCli(["test", SEED, "--attack-data", root, "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { results: { status: string; message: string }[] };
    expect(out.results[0]?.status).toBe("error");
    expect(out.results[0]?.message).toContain("missing attack data file");
  });

  it("--attack-data-map maps a URL prefix to a folder; a file elsewhere is found by its name", async () => {
    const mine = mkdtempSync(join(tmpdir(), "minispl-attack-map-"));
    mkdirSync(join(mine, "T1047/execution_scrcons"), { recursive: true });
    copyFileSync("samples/data/sysmon.xml", join(mine, "T1047/execution_scrcons/windows-sysmon.log"));
    const prefix = "https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/";
    const empty = mkdtempSync(join(tmpdir(), "minispl-attack-"));
    const mapped = await runCli(["test", SEED, "--attack-data", empty, "--attack-data-map", `${prefix}=${mine}`, "--format", "json"]);
    expect(mapped.code).toBe(0);
    expect((JSON.parse(mapped.stdout) as { results: { status: string }[] }).results[0]?.status).toBe("pass");
    // No map, no datasets/ layout: the one windows-sysmon.log under the root.
    const byName = await runCli(["test", SEED, "--attack-data", mine, "--format", "json"]);
    expect(byName.code).toBe(0);
    expect((JSON.parse(byName.stdout) as { results: { status: string }[] }).results[0]?.status).toBe("pass");
  });

  it("says what it looked for when nothing is found, and lists the candidates when several have the name", async () => {
    const url = "https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1047/execution_scrcons/windows-sysmon.log";
    const root = mkdtempSync(join(tmpdir(), "minispl-attack-"));
    const none = await runCli(["test", SEED, "--attack-data", root, "--format", "json"]);
    expect((JSON.parse(none.stdout) as { results: { message: string }[] }).results[0]?.message).toBe(
      `missing attack data file for ${url}: looked for ${join(root, REL)}, any file named windows-sysmon.log under ${root} (--attack-data-map <url-prefix=dir> maps a URL prefix to a folder)`,
    );
    for (const d of ["a", "b"]) {
      mkdirSync(join(root, d));
      copyFileSync("samples/data/sysmon.xml", join(root, d, "windows-sysmon.log"));
    }
    const two = await runCli(["test", SEED, "--attack-data", root]);
    expect(two.code).toBe(1);
    expect(two.stdout).toContain(`attack data file for ${url} is ambiguous: 2 files named windows-sysmon.log under ${root}: ${join(root, "a/windows-sysmon.log")}, ${join(root, "b/windows-sysmon.log")}`);
  });

  it("csv and ndjson print one row per test; a bad --attack-data-map is a usage error", async () => {
    const root = attackRoot("samples/data/sysmon.xml");
    const csv = await runCli(["test", SEED, "--attack-data", root, "--format", "csv"]);
    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("file,name,test,status,rows,duration_ms,message");
    expect(lines[1]).toMatch(new RegExp(`^${SEED},Script Execution via WMI,True Positive Test,pass,1,`));
    const nd = await runCli(["test", SEED, "--attack-data", root, "--format", "ndjson"]);
    expect(JSON.parse(nd.stdout.trimEnd())).toMatchObject({ name: "Script Execution via WMI", status: "pass", rows: 1 });
    const bad = await runCli(["test", SEED, "--attack-data", root, "--attack-data-map", "no-equals-sign"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(2);
    expect(bad.stderr).toContain("option '--attack-data-map <url-prefix=dir>' argument 'no-equals-sign' is invalid");
  });
});
