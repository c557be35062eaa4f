import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli.js";

/**
 * An ESCU-like checkout: detections (one fine, one failing to plan, one whose YAML does not parse)
 * next to a macro, a lookup and a data source YAML, which are not detections.
 */
function escuLike(): string {
  const root = mkdtempSync(join(tmpdir(), "minispl-check-escu-"));
  for (const d of ["detections/endpoint", "macros", "lookups", "data_sources"]) mkdirSync(join(root, d), { recursive: true });
  copyFileSync("samples/detections/script_execution_via_wmi.yml", join(root, "detections/endpoint/a_wmi.yml"));
  copyFileSync("test/e2e/fixtures/detections/unknown_command.yml", join(root, "detections/endpoint/b_unknown.yml"));
  writeFileSync(join(root, "detections/endpoint/c_broken.yml"), "name: Broken\ntype: TTP\nsearch: '| makeresults\ntags: [\n");
  writeFileSync(join(root, "macros/admon.yml"), "definition: source=ActiveDirectory\ndescription: customer specific\nname: admon\n");
  writeFileSync(join(root, "lookups/iocs.yml"), "description: IOC domains\nfilename: iocs.csv\nname: iocs\nmatch_type: WILDCARD(domain)\n");
  writeFileSync(join(root, "data_sources/sysmon_1.yml"), "name: Sysmon EventID 1\nsource: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\nsourcetype: XmlWinEventLog\n");
  return root;
}

describe("minispl check", () => {
  it("skips YAML that is not a detection, by content, with one line, and lists every failure as file:line:col", async () => {
    const root = escuLike();
    const r = await runCli(["check", root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("skipped 3 YAML files that are not detections (macros, lookups, data sources, stories: no search: with a detection type:)\n");
    expect(r.stdout).toContain("checked 3 detection(s); production: 1/1 ok (100.0%)");
    const failed = r.stdout.slice(r.stdout.indexOf("failed: 2\n")).split("\n").slice(1, 3);
    expect(failed[0]).toBe(`  ${join(root, "detections/endpoint/b_unknown.yml")}:5:79: plan: unknown command "frobnicate" (Uses An Unknown Command)`);
    expect(failed[1]).toMatch(new RegExp(`^  ${join(root, "detections/endpoint/c_broken.yml").replace(/[/.]/g, "\\$&")}:\\d+:\\d+: yaml: .+`));
  });

  it("--format json counts the skipped files; ndjson and csv print one row per detection", async () => {
    const root = escuLike();
    const json = await runCli(["check", root, "--format", "json", "-q"]);
    expect(json.stderr).toBe("");
    const out = JSON.parse(json.stdout) as { results: Record<string, unknown>[]; summary: { total: number; skipped: number } };
    expect(out.summary).toMatchObject({ total: 3, skipped: 3 });
    const nd = await runCli(["check", root, "--format", "ndjson", "-q"]);
    expect(nd.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual(out.results);
    expect(out.results[1]).toMatchObject({ line: 5, col: 79, name: "Uses An Unknown Command", stage: "plan" });
    const csv = await runCli(["check", root, "--format", "csv", "-q"]);
    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("file,line,col,name,status,stage,construct,message,rows");
    expect(lines[2]).toBe(`${join(root, "detections/endpoint/b_unknown.yml")},5,79,Uses An Unknown Command,experimental,plan,command frobnicate,"unknown command ""frobnicate""",`);
    expect(lines).toHaveLength(4);
  });

  it("reports each detection's stage and the result count with --data (json)", async () => {
    const r = await runCli(["check", "samples/detections", "test/e2e/fixtures/detections", "--data", "samples/data/sysmon.xml", "samples/data/security.xml", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Record<string, unknown>[]; summary: { byStage: Record<string, number> } };
    expect(out.results).toContainEqual({ file: "samples/detections/script_execution_via_wmi.yml", name: "Script Execution via WMI", status: "production", stage: "ok", rows: 2 });
    const bad = out.results.find((x) => x.name === "Uses An Unknown Command");
    expect(bad).toMatchObject({ stage: "plan", status: "experimental" });
    expect(String(bad?.message)).toContain("frobnicate");
    expect(out.summary.byStage.ok).toBe(1);
    expect(out.summary.byStage.plan).toBe(1);
  });

  it("summarises by stage and blocking construct in table mode", async () => {
    const r = await runCli(["check", "samples/detections", "test/e2e/fixtures/detections"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("production: 1/1 ok (100.0%)");
    expect(r.stdout).toMatch(/plan +1/);
    expect(r.stdout).toMatch(/1 +command frobnicate/);
  });

  it("reads a detection folder with a symlink loop once, with a warning on stderr (issue 10)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-loop-"));
    try {
      copyFileSync("samples/detections/script_execution_via_wmi.yml", join(dir, "wmi.yml"));
      symlinkSync(".", join(dir, "again"));
      const r = await runCli(["check", dir, "--format", "json"]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { results: unknown[] }).results).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^warning: ${join(dir, "again").replace(/[/.]/g, "\\$&")}: .+\n$`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("--format a command cannot print is a usage error", () => {
  it.each([
    [["lint", "samples/detections", "--format", "csv"], "minispl lint --help"],
    [["hunt", "samples/data", "--format", "ndjson"], "minispl hunt --help"],
  ])("%j: exit 2, one line and a hint", async (args, hint) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: option '-f, --format <format>' argument '(csv|ndjson)' is invalid\. Allowed choices are table, json\.$/);
    expect(lines[1]).toBe(`  = hint: run \`${hint}\` for its arguments and options`);
  });
});
