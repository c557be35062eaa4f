import { describe, expect, it } from "vitest";
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
});
