/**
 * The detections tab's jobs and result paging through `minispl web`'s API (no browser): a
 * notable's drilldowns resolved from its row and run; a detection's tests over an attack-data
 * folder written here (pass, fail, a missing file); pages of a kept result, bad offsets refused,
 * and only the newest results kept.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobStatus, RowsPage } from "../../../src/web/api.js";
import { KEEP_RESULTS } from "../../../src/web/kept-results.js";
import { serveWeb } from "../../../src/web/serve.js";
import type { RunningServer } from "../../../src/web/server.js";
import { DRILLDOWN_DETECTION, writeDetectionFixture } from "./detection-fixture.js";
import { webOptions, WORKER_URL } from "./web-fixture.js";

let server: RunningServer;
let dir: string;
let file: string;

async function api<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; value: T }> {
  const res = await fetch(`${server.url}api/${path}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, value: (await res.json()) as T };
}

async function run(body: unknown): Promise<JobStatus> {
  let j = (await api<JobStatus>("POST", "jobs", body)).value;
  while (j.state === "running") {
    await new Promise((r) => setTimeout(r, 10));
    j = (await api<JobStatus>("GET", `jobs/${j.id}`)).value;
  }
  return j;
}

describe("minispl web: drilldowns, tests and paging", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "minispl-web-jobs-"));
    const fx = writeDetectionFixture(dir);
    file = fx.file;
    server = await serveWeb({ ...webOptions(), detections: [fx.detections], attackData: fx.attackData }, { workerUrl: WORKER_URL, appDir: null });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs a notable's drilldowns with its row's values in their tokens", async () => {
    const det = await run({ detection: file });
    const d = det.result?.detection;
    expect(d?.name).toBe(DRILLDOWN_DETECTION);
    expect(d?.drilldowns).toEqual(["View the detection results for - $dest$", "Process events on $dest$", "A broken drilldown for $dest$"]);
    expect(d?.tests).toEqual(["True Positive Test", "Nothing To Find", "Missing Data"]);
    const first = d?.notables[0];
    expect(first?.fields.dest).toBe("WIN-LAB-07.corp.example");
    const job = await run({ drilldowns: file, fields: first?.fields });
    expect(job.state).toBe("done");
    const [all, events, broken] = job.result?.drilldowns ?? [];
    // `$dest$` becomes the row's value, quoted; %original_detection_search% the search as written.
    expect(all?.name).toBe("View the detection results for - WIN-LAB-07.corp.example");
    expect(all?.search).toMatch(/^\| tstats `security_content_summariesonly` count .*`scrcons_with_drilldowns_filter` \| search dest = "WIN-LAB-07.corp.example"$/);
    expect([all?.earliest, all?.latest]).toEqual([0, null]);
    // Of the detection's three rows, the two on that host (Sysmon's and Security's).
    expect(all?.result.rows.map((r) => [r.dest, r.user])).toEqual([["WIN-LAB-07.corp.example", "SYSTEM"], ["WIN-LAB-07.corp.example", "WIN-LAB-07$"]]);
    expect(events?.search).toBe('index=* scrcons.exe dest="WIN-LAB-07.corp.example" | stats count by EventCode');
    expect([events?.earliest, events?.latest]).toEqual([1710000000, 1720000000]);
    expect(events?.result.rows).toEqual([{ EventCode: "1", count: 1 }, { EventCode: "4688", count: 1 }]);
    // A drilldown that does not parse carries its diagnostic; the others still ran.
    expect(broken?.search).toBe('| statz dest="WIN-LAB-07.corp.example"');
    expect(broken?.result.ok).toBe(false);
    expect(broken?.result.diagnostics.map((x) => [x.code, x.message])).toEqual([["unknown-command", 'unknown command "statz"']]);
  });

  it("drilldowns need a listed detection and a row of plain values; a field the row lacks fills in empty", async () => {
    expect((await api("POST", "jobs", { drilldowns: "/etc/passwd", fields: {} })).status).toBe(404);
    expect((await api("POST", "jobs", { drilldowns: file })).status).toBe(400);
    expect((await api<{ error: string }>("POST", "jobs", { drilldowns: file, fields: { dest: { nested: 1 } } })).value.error).toBe("fields.dest: expected a string, number, boolean, null or a list of them");
    // No dest in the row: the token becomes "" and the first drilldown finds nothing.
    const job = await run({ drilldowns: file, fields: {} });
    expect(job.result?.drilldowns?.[0]?.search).toMatch(/\| search dest = ""$/);
    expect(job.result?.drilldowns?.[0]?.result.total).toBe(0);
  });

  it("runs a detection's tests over the attack-data folder: pass, fail, error with the files loaded or not", async () => {
    const job = await run({ tests: file });
    expect(job.state).toBe("done");
    const tests = job.result?.tests ?? [];
    expect(tests.map((t) => [t.name, t.status, t.rows])).toEqual([["True Positive Test", "pass", 1], ["Nothing To Find", "fail", 0], ["Missing Data", "error", 0]]);
    expect(tests[0]?.attackData.map((a) => [a.file?.endsWith("execution_scrcons/windows-sysmon.log"), a.message])).toEqual([[true, "loaded"]]);
    expect(tests[0]?.attackData[0]?.events).toBeGreaterThan(0);
    expect(tests[1]?.message).toBe("the search returned no results");
    expect(tests[2]?.attackData[0]?.file).toBeNull();
    expect(tests[2]?.message).toMatch(/^missing attack data file for https:\/\/media\.githubusercontent\.com\/.*not_downloaded\/missing-capture\.log/);
  });

  it("pages a finished job's rows and refuses bad offsets", async () => {
    const job = await run({ text: "| makeresults count=250 | streamstats count as n | table n" });
    expect(job.result?.total).toBe(250);
    const page = await api<RowsPage>("GET", `jobs/${job.id}/rows?offset=200&count=100`);
    expect(page.status).toBe(200);
    expect(page.value.offset).toBe(200);
    expect(page.value.total).toBe(250);
    expect(page.value.rows.map((r) => r.n)).toEqual(Array.from({ length: 50 }, (_, i) => 201 + i));
    expect((await api<RowsPage>("GET", `jobs/${job.id}/rows?offset=100&count=3`)).value.rows).toEqual([{ n: 101 }, { n: 102 }, { n: 103 }]);
    for (const q of ["offset=-1", "offset=abc", "offset=1.5", "offset=250", "count=0", "count=1001", "offset=0&count=x"]) {
      const bad = await api<{ error: string }>("GET", `jobs/${job.id}/rows?${q}`);
      expect([q, bad.status]).toEqual([q, 400]);
      expect(bad.value.error).toMatch(/offset|count/);
    }
    expect((await api("GET", "jobs/j999/rows?offset=0")).status).toBe(404);
    const failed = await run({ text: "| statz" });
    expect((await api("GET", `jobs/${failed.id}/rows`)).status).toBe(409);
  });

  it("keeps only the newest results' rows", async () => {
    const old = await run({ text: "| makeresults count=3" });
    for (let i = 0; i < KEEP_RESULTS; i++) await run({ text: `| makeresults count=${i + 1}` });
    const gone = await api<{ error: string }>("GET", `jobs/${old.id}/rows?offset=0&count=10`);
    expect(gone.status).toBe(410);
    expect(gone.value.error).toContain("no longer kept");
  });
});
