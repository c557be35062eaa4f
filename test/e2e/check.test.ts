import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli.js";

describe("minispl check", () => {
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
