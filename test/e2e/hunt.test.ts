import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli.js";
import { SCRCONS_DETECTION } from "../support/hunt-detections.js";

/** A second detection (written here, with a drilldown) beside samples/detections, and an experimental one. */
function detectionsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "minispl-hunt-"));
  writeFileSync(join(dir, "scrcons.yml"), SCRCONS_DETECTION);
  writeFileSync(join(dir, "draft.yml"), "name: Draft\nstatus: experimental\nsearch: '| makeresults'\ntags:\n  mitre_attack_id: [T1003]\n");
  writeFileSync(join(dir, "macro.yml"), "definition: index=*\ndescription: not a detection\nname: some_macro\n");
  return dir;
}

// In-process runs (runCli) hunt with -j 1: a worker thread needs the built dist/ files.
describe("minispl hunt on samples/", () => {
  it("runs the detections in worker threads and writes the timeline, the report and the navigator layer", () => {
    const dir = detectionsDir();
    const out = (f: string) => join(dir, f);
    const r = spawnCli(["hunt", "samples/data", "--detections", "samples/detections", dir, "-j", "2",
      "--timeline", out("t.csv"), "--report", out("r.html"), "--navigator", out("n.json")]);
    expect(r.stderr).toContain("2 of 3 detection(s) selected (1 YAML file(s) that are not detections skipped)");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 detection(s) run, 2 fired, 0 could not run; 6 result(s)");
    expect(r.stdout).toMatch(/\| Script Execution via WMI \| 3 +\| 36/);
    expect(r.stdout).toMatch(/\| WIN-LAB-07.corp.example \| system \| 172 +\| 172 +\| 4 +\| 1 +\| 2 +\| score/);
    const csv = readFileSync(out("t.csv"), "utf8").trimEnd().split("\n");
    expect(csv[0]).toMatch(/^message,datetime,timestamp,timestamp_desc,detection,/);
    expect(csv).toHaveLength(7);
    expect(csv.some((l) => l.startsWith("scrcons.exe on WIN-LAB-07.corp.example,2024-03-12T14:22:05.000Z,"))).toBe(true);
    const html = readFileSync(out("r.html"), "utf8");
    for (const id of ['id="heatmap"', 'id="risk-table"', 'id="timeline-chart"', 'id="notables"', "Drilldown: Results for WIN-LAB-07.corp.example"]) expect(html).toContain(id);
    const layer = JSON.parse(readFileSync(out("n.json"), "utf8")) as { techniques: { techniqueID: string; score: number }[] };
    expect(layer.techniques).toEqual([expect.objectContaining({ techniqueID: "T1047", score: 6 })]);
  });

  it("selects by status and ATT&CK id, prints JSON, and reports what could not run", async () => {
    const dir = detectionsDir();
    writeFileSync(join(dir, "broken.yml"), "name: Broken\nstatus: production\nsearch: '| statz count'\ntags:\n  mitre_attack_id: [T1047]\n");
    const r = await runCli(["hunt", "--data", "samples/data/sysmon.xml", "--detections", dir, "--status", "all", "--mitre", "TA0002", "--format", "json", "-q", "-j", "1"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { detections: number; fired: { name: string }[]; failed: { name: string; reason: string }[] };
    expect(s.detections).toBe(2);
    expect(s.fired.map((f) => f.name)).toEqual(["Scrcons Seen"]);
    expect(s.failed).toEqual([expect.objectContaining({ name: "Broken", reason: expect.stringContaining('unknown command "statz"') })]);
    const t = await runCli(["hunt", "samples/data", "--detections", dir, "--status", "all", "-q", "-j", "1"]);
    expect(t.stdout).toMatch(/could not run: Broken \(.*broken\.yml\): unknown command "statz"/);
  });

  it("is a usage error without logs or without detections", async () => {
    expect((await runCli(["hunt", "--detections", "samples/detections"])).code).toBe(2);
    const r = await runCli(["hunt", "samples/data"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--detections");
  });
});
