/** `minispl explain <spl>`: expanded text, pipeline and plan, as the REPL's .explain shows them. */
import { describe, expect, it } from "vitest";
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
});
