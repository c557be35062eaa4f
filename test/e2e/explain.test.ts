/** `minispl explain <spl>`: expanded text, pipeline and plan, as the REPL's .explain shows them. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, spawnCli } from "../support/cli.js";

describe("minispl explain", () => {
  it("expands ESCU macros and shows the pipeline and the plan", async () => {
    const r = await runCli(["explain", "| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)`"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("expanded:\n  | tstats summariesonly=false allow_old_summaries=true fillnull_value=null count");
    expect(r.stdout).toContain('pipeline:\n  | tstats summariesonly=false');
    expect(r.stdout).toContain('  | rename "Processes.*" AS *');
    expect(r.stdout).toMatch(/plan:\n {2}1\. scan datamodel Endpoint\.Processes\n {5}reads: Processes\.dest\n {5}read by the tstats below as it groups\n {2}2\. aggregate \(tstats\): .+\n {2}3\. project \(rename\): /);
    expect(r.stderr).toBe("");
  });

  it("shows how far it got and exits 2 on an error", () => {
    const r = spawnCli(["explain", "| makeresults | statz count"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("expanded:");
    expect(r.stdout).not.toContain("plan:");
    expect(r.stderr).toContain('unknown command "statz"');
  });

  it("explains a detection file as detect runs it: its search with its _filter macro defined", async () => {
    const r = await runCli(["explain", "samples/detections/script_execution_via_wmi.yml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe");
    // The filter macro expanded to contentctl's default, not an unknown-macro error.
    expect(r.stdout).toMatch(/expanded:\n.*\| search \*/s);
    expect(r.stdout).toContain("plan:");
  });

  it("search text that calls a detection's _filter macro gets contentctl's default too", async () => {
    const r = await runCli(["explain", "| makeresults | `some_detection_filter`"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| makeresults | search *");
  });

  it("a .yml that is not a detection is an input error naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-explain-"));
    const file = join(dir, "not_a_detection.yml");
    writeFileSync(file, "name: just_a_macro\ndefinition: search *\n");
    const r = spawnCli(["explain", file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error: ${file}:`);
  });
});
