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
});
