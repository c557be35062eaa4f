import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli.js";

describe("minispl search", () => {
  it("runs tstats over the samples", async () => {
    const r = await runCli(["search", "| tstats count from datamodel=Endpoint.Processes by Processes.process_name", "--data", "samples/data/", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { "Processes.process_name": string; count: number }[];
    expect(rows.find((x) => x["Processes.process_name"] === "scrcons.exe")?.count).toBe(3);
  });

  it("--detection runs a detection's search as detect does, with its _filter macro defined", async () => {
    const r = await runCli(["search", "--detection", "samples/detections/script_execution_via_wmi.yml", "--data", "samples/data/", "--format", "json", "-q"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { process_name: string }[];
    // The same 3 rows `minispl detect` gives on the samples (README).
    expect(rows.map((x) => x.process_name)).toEqual(["scrcons.exe", "scrcons.exe", "scrcons.exe"]);
    const missing = await runCli(["search", "--detection", "no/such.yml", "--data", "samples/data/"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("error: --detection no/such.yml: no such file");
  });

  it("shows a caret under an unknown command and suggests stats (exit 2)", async () => {
    const r = await runCli(["search", "| makeresults | statz count"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[unknown-command]: unknown command "statz"');
    expect(r.stderr).toContain("--> query:1:17");
    expect(r.stderr).toContain("1 | | makeresults | statz count\n  |                 ^^^^^");
    expect(r.stderr).toContain('did you mean "stats"');
  });

  it("shows the macro backtrace for an error inside a macro", async () => {
    const r = await runCli(["search", "| makeresults | `security_content_ctime(x y)`"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("macro security_content_ctime(1)");
    expect(r.stderr).toContain("called at query:1:17");
  });

  it("honours --now and --tz", async () => {
    const r = await runCli(["search", "| makeresults | eval t=strftime(now(), \"%Y-%m-%d %H:%M\") | table t", "--now", "2024-01-01T00:30:00Z", "--tz", "America/New_York", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ t: "2023-12-31 19:30" }]);
  });

  it("reports skipped records with file:line and keeps the rest", async () => {
    const r = await runCli(["search", "index=main | stats count", "--data", "test/e2e/fixtures/one-bad-record.xml", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/one-bad-record\.xml:2: skipped record/);
    expect(JSON.parse(r.stdout)).toEqual([{ count: 2 }]);
  });

  it("exits 2 on a usage error, for a subcommand's options as for an unknown command", async () => {
    const bad = await runCli(["search", "| makeresults", "--format", "yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'yaml' is invalid");
    expect(bad.stdout).toBe("");
    expect((await runCli(["frobnicate"])).code).toBe(2);
  });

  it("lists the subcommands in --help", () => {
    const r = spawnCli(["--help"]);
    expect(r.stdout).toContain("search");
    expect(r.stdout).toContain("detect");
  });
});
