/**
 * The server's data in the background (src/lsp/lsp-data.ts): loaded in a worker thread from
 * `initialized` on with work-done progress, requests answered meanwhile, "Run detection" waiting
 * for it; an index opened instead (nothing loaded); a run cancelled by $/cancelRequest or ended by
 * its time budget; a saved data file reloading the data. A load is held back by an engine whose
 * loadData waits for the test (no timing involved).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AsyncEngine, buildIndex, type DetectionOutcome, type IngestReport, type MacroDef } from "../../../src/index.js";
import type { DataEngine } from "../../../src/lsp/lsp-data.js";
import type { LspServerOptions } from "../../../src/lsp/server.js";
import { fileUri, inProcessServer, WORKER_URL, type LspClient } from "./lsp-client.js";

const SEED = resolve("samples/detections/script_execution_via_wmi.yml");
const DATA = resolve("samples/data");
const PROGRESS = { window: { workDoneProgress: true } };
const RUN = { command: "minispl.runDetection", arguments: [fileUri(SEED)] };
/** -32800, LSP's RequestCancelled. */
const REQUEST_CANCELLED = -32800;
/** A detection whose search runs far longer than any test (a million searches, a budget check before each). */
const ENDLESS = `name: Lab Endless
id: 0b6a4c1e-2222-4222-8333-944455556666
version: 1
status: experimental
type: TTP
description: Never ends.
search: '| makeresults count=1000000 | map maxsearches=1000000000 search="| makeresults | eval n=$_serial_id$"'
`;

/** An AsyncEngine (the built worker) that records its setup calls and holds them until `gate` resolves. */
class HeldEngine implements DataEngine {
  readonly calls: string[] = [];
  private readonly inner: AsyncEngine;

  constructor(options: { timeoutMs?: number; onWarning: (m: string) => void }, private readonly gate: Promise<void>) {
    this.inner = new AsyncEngine({ ...options, workerUrl: WORKER_URL });
  }

  async loadData(paths: readonly string[]): Promise<IngestReport | null> {
    this.calls.push("loadData");
    await this.gate;
    return this.inner.loadData(paths);
  }

  async openIndex(dir: string): Promise<void> {
    this.calls.push("openIndex");
    await this.gate;
    return this.inner.openIndex(dir);
  }

  defineMacros(defs: readonly MacroDef[]): Promise<void> {
    return this.inner.defineMacros(defs);
  }

  storeSummary(): Promise<{ events: number; fields: readonly string[] }> {
    return this.inner.storeSummary();
  }

  runDetection(yaml: string, opts: { signal?: AbortSignal }): Promise<DetectionOutcome> {
    return this.inner.runDetection(yaml, opts);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A server whose engines wait for `release()` before loading; `engines` are those it made. */
function heldServer(opts: Omit<LspServerOptions, "createEngine">) {
  let release = () => {};
  const gate = new Promise<void>((done) => (release = done));
  const engines: HeldEngine[] = [];
  const session = inProcessServer({
    ...opts,
    createEngine: (o) => {
      const e = new HeldEngine(o, gate);
      engines.push(e);
      return e;
    },
  });
  return { ...session, engines, release };
}

async function labels(client: LspClient, uri: string, text: string): Promise<string[]> {
  client.open(uri, text, "spl");
  const r = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: text.length } });
  return (r.result as { items: { label: string }[] }).items.map((i) => i.label);
}

const loadedLog = (client: LspClient) => client.notification("window/logMessage", (p) => /^(loaded|opened) \d+ event\(s\) from /.test(p.message));
const progressOf = (client: LspClient, token: unknown) => client.notifications.filter((m) => m.method === "$/progress" && (m.params as { token: unknown }).token === token).map((m) => (m.params as { value: any }).value);

describe("the data loads in the background", () => {
  it("completion and diagnostics answer before a held-back load ends; progress goes begin → report → end; a run waits for the data", async () => {
    const s = heldServer({ macros: [], data: [DATA] });
    try {
      const { client } = s;
      await client.initialize(undefined, null, PROGRESS);
      const begin = await client.notification("$/progress", (p) => p.value.kind === "begin" && p.value.title === "minispl: loading the data");
      const token = (begin.params as { token: string }).token;
      // The token is the server's, created first, as the protocol requires.
      expect(client.serverRequests).toContainEqual(expect.objectContaining({ method: "window/workDoneProgress/create", params: { token } }));
      const run = client.start("workspace/executeCommand", RUN);
      let answered = false;
      void run.response.then(() => (answered = true));
      await client.notification("$/progress", (p) => p.value.kind === "report" && p.value.message === "waiting for the data to load");

      // Held back: the language features work, without the loaded fields.
      const uri = "file:///virtual/early.spl";
      expect(await labels(client, uri, "index=main | stats count by Ima")).not.toContain("Image");
      expect(await labels(client, "file:///virtual/early2.spl", "| sta")).toContain("stats");
      expect(await client.diagnostics(uri)).toEqual([]);
      expect(answered).toBe(false);
      expect(s.engines.map((e) => e.calls)).toEqual([["loadData"]]);

      s.release();
      const ran = await run.response;
      expect(ran.result).toMatchObject({ ok: true, detection: "Script Execution via WMI", results: 3, verdict: "pass" });
      await client.notification("$/progress", (p) => p.token === token && p.value.kind === "end");
      await loadedLog(client);
      const load = progressOf(client, token);
      expect(load.map((v) => v.kind)).toEqual(["begin", ...load.slice(1, -1).map(() => "report"), "end"]);
      // One loadData per file of samples/data (four): the last report is the whole of it.
      expect(s.engines[0]?.calls).toEqual(["loadData", "loadData", "loadData", "loadData"]);
      expect(load.at(-2)).toMatchObject({ kind: "report", percentage: 100, message: expect.stringMatching(/^4 of 4 file\(s\), \d+ event\(s\)$/) });
      expect(await labels(client, "file:///virtual/late.spl", "index=main | stats count by Ima")).toContain("Image");
    } finally {
      await s.close();
    }
  });

  it("a client without window.workDoneProgress gets no progress, only the log line", async () => {
    const session = inProcessServer({ macros: [], data: [DATA] });
    try {
      const { client } = session;
      await client.initialize();
      const logged = await loadedLog(client);
      expect((logged.params as { message: string }).message).toMatch(new RegExp(`^loaded \\d+ event\\(s\\) from ${DATA} in \\d+\\.\\d s$`));
      expect((await client.request("workspace/executeCommand", RUN)).result).toMatchObject({ ok: true, results: 3 });
      expect(client.notifications.filter((m) => m.method === "$/progress")).toEqual([]);
      expect(client.serverRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("a run cancelled while it waits for the data answers RequestCancelled", async () => {
    const s = heldServer({ macros: [], data: [DATA] });
    try {
      await s.client.initialize();
      const run = s.client.start("workspace/executeCommand", RUN);
      s.client.cancel(run.id);
      const r = await run.response;
      expect(r.error).toEqual({ code: REQUEST_CANCELLED, message: "minispl.runDetection was cancelled" });
      s.release();
      expect((await s.client.request("workspace/executeCommand", RUN)).result).toMatchObject({ ok: true, results: 3 });
    } finally {
      await s.close();
    }
  });
});

describe("an index instead of data", () => {
  const dir = mkdtempSync(join(tmpdir(), "minispl-lsp-index-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("initializationOptions.index: opened, not loaded; Run detection gives what it gives on the data", async () => {
    buildIndex([DATA], dir);
    const onData = inProcessServer({ macros: [], data: [DATA] });
    const onIndex = heldServer({ macros: [], data: [] });
    onIndex.release();
    try {
      await onData.client.initialize();
      await onIndex.client.initialize({ index: dir });
      const fromData = await onData.client.request("workspace/executeCommand", RUN);
      const fromIndex = await onIndex.client.request("workspace/executeCommand", RUN);
      expect(fromData.result).toMatchObject({ ok: true, results: 3, verdict: "pass" });
      expect(fromIndex.result).toEqual(fromData.result);
      expect(onIndex.engines.map((e) => e.calls)).toEqual([["openIndex"]]);
      expect(((await loadedLog(onIndex.client)).params as { message: string }).message).toMatch(new RegExp(`^opened \\d+ event\\(s\\) from index ${dir} in `));
      expect(await labels(onIndex.client, "file:///virtual/index.spl", "index=main | stats count by Ima")).toContain("Image");
    } finally {
      await onData.close();
      await onIndex.close();
    }
  });
});

describe("a run in the worker", () => {
  it("answers diagnostics while it runs; $/cancelRequest ends it with RequestCancelled; the next run works; so does Cancel in its progress", async () => {
    const session = inProcessServer({ macros: [], data: [DATA] });
    try {
      const { client } = session;
      await client.initialize(undefined, null, PROGRESS);
      const endless = "file:///virtual/endless.yml";
      client.open(endless, ENDLESS, "yaml");
      const run = client.start("workspace/executeCommand", { command: "minispl.runDetection", arguments: [endless] });
      let answered = false;
      void run.response.then(() => (answered = true));
      const running = await client.notification("$/progress", (p) => p.value.kind === "report" && p.value.message === "running the search");
      const runToken = (running.params as { token: string }).token;
      expect(progressOf(client, runToken)[0]).toMatchObject({ kind: "begin", title: "minispl: Run detection", message: "endless.yml", cancellable: true });

      // The server's thread is free: a change is checked and published while the search goes on.
      const other = "file:///virtual/typing.spl";
      client.open(other, "| makeresults", "spl");
      expect(await client.diagnostics(other)).toEqual([]);
      client.notify("textDocument/didChange", { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: "| statz" }] });
      const changed = await client.notification("textDocument/publishDiagnostics", (p) => p.uri === other && p.version === 2);
      expect((changed.params as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(["unknown-command"]);
      expect(answered).toBe(false);

      client.cancel(run.id);
      expect((await run.response).error).toEqual({ code: REQUEST_CANCELLED, message: "minispl.runDetection was cancelled" });
      await client.notification("$/progress", (p) => p.token === runToken && p.value.kind === "end");
      expect((await client.request("workspace/executeCommand", RUN)).result).toMatchObject({ ok: true, results: 3 });

      // Cancel in the run's progress (what VS Code's button sends) ends it the same way.
      const seen = new Set(client.notifications.map((m) => (m.params as { token?: unknown }).token));
      const again = client.start("workspace/executeCommand", { command: "minispl.runDetection", arguments: [endless] });
      const second = await client.notification("$/progress", (p) => !seen.has(p.token) && p.value.kind === "report" && p.value.message === "running the search");
      client.notify("window/workDoneProgress/cancel", { token: (second.params as { token: string }).token });
      expect((await again.response).error).toEqual({ code: REQUEST_CANCELLED, message: "minispl.runDetection was cancelled" });
    } finally {
      await session.close();
    }
  });

  it("--timeout ends a run with error[budget]", async () => {
    const session = inProcessServer({ macros: [], data: [DATA], timeoutMs: 50 });
    try {
      const { client } = session;
      await client.initialize();
      const endless = "file:///virtual/endless.yml";
      client.open(endless, ENDLESS, "yaml");
      const r = await client.request("workspace/executeCommand", { command: "minispl.runDetection", arguments: [endless] });
      expect(r.result).toMatchObject({ ok: false, message: "Lab Endless: the search ran past its time budget of 0.05 s", diagnostics: [expect.stringMatching(/^error\[budget\]: /)] });
    } finally {
      await session.close();
    }
  });
});

describe("a saved data file", () => {
  const dir = mkdtempSync(join(tmpdir(), "minispl-lsp-data-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reloads the data in the background; a run after the save sees the new files", async () => {
    // NXLog events without scrcons.exe: the seed detection finds nothing.
    copyFileSync(join(DATA, "nxlog.json"), join(dir, "nxlog.json"));
    const session = inProcessServer({ macros: [], data: [dir] });
    try {
      const { client } = session;
      await client.initialize();
      expect((await client.request("workspace/executeCommand", RUN)).result).toMatchObject({ ok: true, results: 0 });
      // The rest of samples/data, where the seed finds its 3 results; one of them saved in the editor.
      for (const f of ["crowdstrike-fdr.json", "security.xml", "sysmon.xml"]) copyFileSync(join(DATA, f), join(dir, f));
      const added = join(dir, "sysmon.xml");
      // Saved in the editor (a client sends didSave for the documents it has open).
      client.open(fileUri(added), "", "xml");
      client.notify("textDocument/didSave", { textDocument: { uri: fileUri(added) } });
      expect((await client.request("workspace/executeCommand", RUN)).result).toMatchObject({ ok: true, results: 3 });
      const logs = client.notifications.filter((m) => m.method === "window/logMessage").map((m) => (m.params as { message: string }).message);
      expect(logs.filter((m) => m.startsWith("loaded "))).toHaveLength(2);
      expect(logs).toContain(`${added} was saved: reloading the data`);
    } finally {
      await session.close();
    }
  });
});
