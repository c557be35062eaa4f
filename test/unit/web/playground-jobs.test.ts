// The playground worker's detection jobs and paging (web/playground/session-jobs.ts over
// engine-session.ts), run in Node as the worker runs them: a notable's drilldowns, a detection's
// tests over dropped files found by name (a missing one says which file to drop), pages of a kept result.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EngineSession } from "../../../web/playground/engine-session.js";
import { drilldownsJob, testsJob } from "../../../web/playground/session-jobs.js";
import { SAMPLE_FILES } from "../../../web/playground/samples.js";
import { writeDetectionFixture } from "./detection-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-playground-jobs-"));
const fx = writeDetectionFixture(dir);
const FILE = "detections/scrcons_with_drilldowns.yml";
const session = new EngineSession(SAMPLE_FILES, [{ file: FILE, yaml: readFileSync(fx.file, "utf8") }]);
const dropped = (name: string, path: string) => {
  const b = readFileSync(path);
  return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the playground's detection jobs", () => {
  it("runs a notable's drilldowns with the row's values", () => {
    const det = session.detection(FILE, "p1").detection;
    const row = det?.notables.find((n) => n.fields.dest === "unknown")?.fields;
    expect(row).toBeDefined();
    const r = drilldownsJob(session.context(), FILE, row ?? {});
    expect(r.ok).toBe(true);
    expect(r.drilldowns?.map((d) => d.name)).toEqual(["View the detection results for - unknown", "Process events on unknown", "A broken drilldown for unknown"]);
    // CrowdStrike's row is the one whose dest is "unknown".
    expect(r.drilldowns?.[0]?.result.rows.map((x) => x.user)).toEqual(["S-1-5-18"]);
  });

  it("tests over the dropped files named like the attack data, and names the file to drop", () => {
    // The page drops files onto the session; the tests find theirs by name in its file system.
    const s = new EngineSession([], [{ file: FILE, yaml: readFileSync(fx.file, "utf8") }]);
    s.add([dropped("windows-sysmon.log", "samples/data/sysmon.xml"), dropped("nxlog.json", "samples/data/nxlog.json")]);
    const r = testsJob(s.context(), FILE);
    expect(r.tests?.map((t) => [t.name, t.status, t.rows])).toEqual([["True Positive Test", "pass", 1], ["Nothing To Find", "fail", 0], ["Missing Data", "error", 0]]);
    expect(r.tests?.[0]?.attackData.map((a) => [a.file, a.message])).toEqual([["windows-sysmon.log", "loaded"]]);
    expect(r.tests?.[2]?.message).toBe("not loaded: drop missing-capture.log onto the page (the playground looks for attack data among the dropped files by name)");
  });

  it("keeps a search's table for paging", () => {
    expect(session.search("| makeresults count=250 | streamstats count as n | table n", "p2").total).toBe(250);
    const page = session.kept.page("p2", 200, 100);
    expect(page && "rows" in page ? page.rows.map((x) => x.n) : page).toEqual(Array.from({ length: 50 }, (_, i) => 201 + i));
    expect(session.kept.page("p2", 250, 10)).toEqual({ error: "offset 250 is past the last row (the result has 250 rows)" });
    expect(session.kept.page("nope", 0, 10)).toBeNull();
  });
});
