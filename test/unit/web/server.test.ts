/**
 * `minispl web`'s server through its HTTP API, without a browser: what was loaded, the editor's
 * diagnostics and completions, a search run as a job (the seed detection's search, an events
 * search with its sidebar and timeline), cancelling a search that would run for ever, and the
 * requests it refuses. The engine's worker is the built one (dist/, made by `pretest`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobStatus, WebCompletion, WebDiagnostic, WebExplanation, WebInfo } from "../../../src/web/api.js";
import { serveWeb, type WebOptions } from "../../../src/web/serve.js";
import type { RunningServer } from "../../../src/web/server.js";
import { seedSearch, webOptions, WORKER_URL } from "./web-fixture.js";

/** Never ends by itself (a million searches, one budget check before each). */
const ENDLESS = '| makeresults count=1000000 | map maxsearches=1000000000 search="| makeresults | eval n=$_serial_id$"';

let server: RunningServer;
let app: string;

async function api<T>(method: "GET" | "POST", path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; value: T }> {
  const res = await fetch(`${server.url}api/${path}`, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, value: (await res.json()) as T };
}

async function finished(job: JobStatus): Promise<JobStatus> {
  let j = job;
  while (j.state === "running") {
    await new Promise((r) => setTimeout(r, 20));
    j = (await api<JobStatus>("GET", `jobs/${j.id}`)).value;
  }
  return j;
}

describe("minispl web's API", () => {
  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), "minispl-web-app-"));
    writeFileSync(join(app, "index.html"), "<!doctype html><title>app</title>");
    mkdirSync(join(app, "assets"));
    writeFileSync(join(app, "assets", "a.js"), "export {};");
    const opts: WebOptions = webOptions();
    server = await serveWeb(opts, { workerUrl: WORKER_URL, appDir: app });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(app, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 and says what it loaded", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { status, value } = await api<WebInfo>("GET", "info");
    expect(status).toBe(200);
    expect(value.events).toBe(16);
    expect(value.fields).toEqual(expect.arrayContaining(["sourcetype", "host"]));
    expect(value.macros).toEqual(expect.arrayContaining(["security_content_ctime", "drop_dm_object_name"]));
    expect(value.detections).toEqual([{ name: "Script Execution via WMI", file: "samples/detections/script_execution_via_wmi.yml" }]);
  });

  it("gives the editor's diagnostics (message, hint, rendered as the CLI) and completions", async () => {
    const d = await api<WebDiagnostic[]>("POST", "diagnostics", { text: "| statz" });
    expect(d.value.map((x) => [x.code, x.message, x.from, x.to])).toEqual([["unknown-command", 'unknown command "statz"', 2, 7]]);
    expect(d.value[0]?.hints).toEqual(['did you mean "stats"?']);
    expect(d.value[0]?.rendered).toContain("--> query:1:3");
    // The seed detection's search has no diagnostic: its `…_filter` macro gets contentctl's default.
    expect((await api<WebDiagnostic[]>("POST", "diagnostics", { text: seedSearch() })).value.filter((x) => x.severity === "error")).toEqual([]);
    const text = "| tstats count from datamodel=Endpoint.Processes by Processes.";
    const c = await api<WebCompletion>("POST", "complete", { text, offset: text.length });
    expect(c.value.from).toBe(text.length - "Processes.".length);
    expect(c.value.items.map((i) => i.label)).toEqual(expect.arrayContaining(["Processes.process_name", "Processes.dest"]));
    const h = await api<{ markdown: string } | null>("POST", "hover", { text: "| stats count", offset: 3 });
    expect(h.value?.markdown).toContain("**stats**");
  });

  it("runs the seed detection's search as a job: its row, in the statistics view", async () => {
    const started = await api<JobStatus>("POST", "jobs", { text: seedSearch() });
    expect(started.status).toBe(200);
    const job = await finished(started.value);
    expect(job.state).toBe("done");
    const r = job.result;
    expect(r?.view).toBe("statistics");
    // As `minispl detect` finds them: Sysmon's, Security 4688's and CrowdStrike's process start.
    expect(r?.rows.map((row) => [row.dest, row.user, row.process_name])).toEqual([
      ["WIN-LAB-07.corp.example", "SYSTEM", "scrcons.exe"],
      ["WIN-LAB-07.corp.example", "WIN-LAB-07$", "scrcons.exe"],
      ["unknown", "S-1-5-18", "scrcons.exe"],
    ]);
    expect(r?.fields).toEqual(expect.arrayContaining(["dest", "user", "firstTime", "lastTime", "count"]));
  });

  it("runs a listed detection as detect does: its rows, notables with risk events, the verdict", async () => {
    const file = "samples/detections/script_execution_via_wmi.yml";
    const job = await finished((await api<JobStatus>("POST", "jobs", { detection: file })).value);
    expect(job.state).toBe("done");
    const d = job.result?.detection;
    expect(job.result?.total).toBe(3);
    expect(d?.name).toBe("Script Execution via WMI");
    expect(d?.search).toMatch(/^\| tstats `security_content_summariesonly` count/);
    expect(d?.verdict.status).toBe("pass");
    expect(d?.notables[0]?.message).toBe("A wmic.exe process scrcons.exe that execute script in host WIN-LAB-07.corp.example");
    expect(d?.notables[0]?.risk.map((r) => [r.object, r.type, r.score])).toEqual([["WIN-LAB-07.corp.example", "system", 36], ["SYSTEM", "user", 36]]);
  });

  it("an events search has the events view, the sidebar's top values and the timeline", async () => {
    const job = await finished((await api<JobStatus>("POST", "jobs", { text: "index=* sourcetype=XmlWinEventLog" })).value);
    const r = job.result;
    expect(r?.view).toBe("events");
    expect(r?.total).toBe(13);
    expect(r?.fields.slice(0, 2)).toEqual(["_time", "_raw"]);
    expect(r?.rows[0]?._time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    const st = r?.summary.find((f) => f.field === "sourcetype");
    expect(st).toEqual({ field: "sourcetype", count: 13, distinct: 1, top: [{ value: "XmlWinEventLog", count: 13 }] });
    expect(r?.timeline?.buckets.reduce((n, b) => n + b.count, 0)).toBe(13);
  });

  it("a timechart opens the visualization: _time then one numeric series per split value", async () => {
    const job = await finished((await api<JobStatus>("POST", "jobs", { text: "index=* | timechart span=10m count by sourcetype" })).value);
    const r = job.result;
    expect(r?.view).toBe("visualization");
    expect(r?.chart).toBe(true);
    expect(r?.fields).toEqual(["_time", "XmlWinEventLog", "crowdstrike:events:sensor"]);
    expect(r?.times.every((t) => typeof t === "number")).toBe(true);
    expect((await api<WebInfo>("GET", "info")).value.ok).toBe(true);
  });

  it("a search that fails ends as a failed job with its rendered diagnostic", async () => {
    const job = await finished((await api<JobStatus>("POST", "jobs", { text: "| statz" })).value);
    expect(job.state).toBe("failed");
    expect(job.result?.diagnostics.map((d) => d.code)).toEqual(["unknown-command"]);
    const e = await api<WebExplanation>("POST", "explain", { text: "| makeresults | eval x=1" });
    expect(e.value.ok).toBe(true);
    expect(e.value.text).toContain("plan:");
    expect(e.value.commands).toEqual(expect.arrayContaining(["command", "assignments"]));
  });

  it("cancels a running search", async () => {
    const started = (await api<JobStatus>("POST", "jobs", { text: ENDLESS })).value;
    await new Promise((r) => setTimeout(r, 150));
    expect((await api<JobStatus>("GET", `jobs/${started.id}`)).value.state).toBe("running");
    await api<JobStatus>("POST", `jobs/${started.id}/cancel`, {});
    const job = await finished(started);
    expect(job.state).toBe("cancelled");
    expect(job.result?.diagnostics.map((d) => d.code)).toEqual(["cancelled"]);
  });

  it("refuses other hosts, non-JSON bodies, unknown jobs and detections it does not list", async () => {
    expect((await rawGet("/api/info", "example.com")).status).toBe(421);
    const form = await fetch(`${server.url}api/jobs`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "text=x" });
    expect(form.status).toBe(415);
    expect((await api("POST", "diagnostics", { nope: 1 })).status).toBe(400);
    expect((await api("GET", "jobs/j999")).status).toBe(404);
    expect((await api("POST", "jobs", { detection: "/etc/passwd" })).status).toBe(404);
    expect((await api("GET", "nothing")).status).toBe(404);
  });

  it("serves the app's files and nothing outside them", async () => {
    const index = await fetch(server.url);
    expect(index.headers.get("content-type")).toContain("text/html");
    expect(await index.text()).toContain("<title>app</title>");
    expect((await fetch(`${server.url}assets/a.js`)).headers.get("content-type")).toContain("javascript");
    expect((await rawGet("/../package.json")).status).toBe(404);
    expect((await rawGet("/%2e%2e/%2e%2e/package.json")).status).toBe(404);
    const railroad = await fetch(`${server.url}railroad/`);
    expect(await railroad.text()).toContain("/railroad/src/main.js");
    expect((await fetch(`${server.url}railroad/src/main.js`)).status).toBe(200);
  });
});

/** A GET with the path and Host header as given (fetch would normalise both). */
function rawGet(path: string, host = "127.0.0.1"): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, headers: { host } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on("error", reject);
    req.end();
  });
}
