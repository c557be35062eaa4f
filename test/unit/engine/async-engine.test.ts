/**
 * AsyncEngine (issue 10): searches run in a worker, so the caller's event loop stays responsive
 * while one runs, and an AbortSignal or a timeout ends it with a diagnostic while the engine and
 * its loaded data stay usable. The worker is the built one (dist/, made by `pretest`): a worker
 * cannot load the TypeScript sources.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AsyncEngine, buildIndex, Engine } from "../../../src/index.js";
import { ENGINE_WORKER_URL } from "../../support/engine-worker-url.js";

const workerUrl = ENGINE_WORKER_URL;
/** Runs far longer than any test (a million searches, one budget check before each). */
const ENDLESS = '| makeresults count=1000000 | map maxsearches=1000000000 search="| makeresults | eval n=$_serial_id$"';

describe("AsyncEngine", () => {
  let engine: AsyncEngine;
  beforeAll(async () => {
    engine = new AsyncEngine({ workerUrl, now: 1_700_000_000 });
    await engine.loadData(["samples/data/sysmon.xml"]);
  });
  afterAll(() => engine.close());

  it("the caller's timers fire while a search runs, and aborting it ends it with error[cancelled]", async () => {
    const abort = new AbortController();
    let settled = false;
    const search = engine.search(ENDLESS, { signal: abort.signal }).finally(() => {
      settled = true;
    });
    // This timer can fire only if the search does not hold this thread.
    const pendingWhenTimerFired = await new Promise<boolean>((resolve) => setTimeout(() => {
      resolve(!settled);
      abort.abort();
    }, 200));
    expect(pendingWhenTimerFired).toBe(true);
    const out = await search;
    expect(out.ok).toBe(false);
    expect(out.diagnostics.map((d) => [d.code, d.message])).toEqual([["cancelled", "the search was cancelled (AbortSignal)"]]);
  });

  it("the engine and its loaded data stay usable after a cancel", async () => {
    const out = await engine.search("index=* | stats count");
    expect(out.diagnostics).toEqual([]);
    expect(out.rows).toEqual([{ count: 6 }]);
  });

  it("a tiny timeout ends the search with error[budget] naming it", async () => {
    const out = await engine.search(ENDLESS, { timeoutMs: 50 });
    expect(out.diagnostics.map((d) => [d.code, d.message, d.hints])).toEqual([
      ["budget", "the search ran past its time budget of 0.05 s", ["raise it with --timeout <seconds> (library: the timeoutMs option)"]],
    ]);
  });

  it("a signal aborted before the call cancels at once", async () => {
    const out = await engine.search("| makeresults", { signal: AbortSignal.abort() });
    expect(out.diagnostics[0]?.code).toBe("cancelled");
  });

  it("runs detections in the worker", async () => {
    const d = await engine.runDetection("samples/detections/script_execution_via_wmi.yml");
    expect(d.rows.map((r) => r.process_name)).toEqual(["scrcons.exe"]);
    expect(d.verdict.status).toBe("pass");
  });
});

describe("AsyncEngine, a search that does not stop in time", () => {
  it("its worker is replaced, the setup calls replayed, and the search still answers error[cancelled]", async () => {
    const engine = new AsyncEngine({ workerUrl, graceMs: 50 });
    try {
      await engine.loadData(["samples/data/sysmon.xml"]);
      // One eval over 3M results: a single step with no budget check inside, far longer than 50 ms.
      const abort = new AbortController();
      const search = engine.search("| makeresults count=3000000 | eval h=sha256(tostring(random()))", { signal: abort.signal });
      setTimeout(() => abort.abort(), 100);
      const out = await search;
      expect(out.diagnostics.map((d) => d.code)).toEqual(["cancelled"]);
      expect((await engine.search("index=* | stats count")).rows).toEqual([{ count: 6 }]);
    } finally {
      await engine.close();
    }
  });
});

describe("AsyncEngine, searches waiting their turn", () => {
  it("a queued search's timeout starts when it runs; concurrent searches each get their own answer", async () => {
    const engine = new AsyncEngine({ workerUrl, graceMs: 50 });
    try {
      const first = engine.search(ENDLESS, { timeoutMs: 1000 });
      const queued = engine.search("| makeresults count=2", { timeoutMs: 50 });
      const many = Array.from({ length: 20 }, (_, i) => engine.search(`| makeresults count=${i + 1} | stats count`));
      expect((await first).diagnostics.map((d) => d.message)).toEqual(["the search ran past its time budget of 1 s"]);
      expect((await queued).rows).toHaveLength(2);
      expect((await Promise.all(many)).map((o) => o.rows)).toEqual(Array.from({ length: 20 }, (_, i) => [{ count: i + 1 }]));
    } finally {
      await engine.close();
    }
  });
});

describe("an index folder in the worker", () => {
  it("opens it there, as Engine.openIndex does here", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-async-index-"));
    const engine = new AsyncEngine({ workerUrl });
    try {
      buildIndex(["samples/data/sysmon.xml"], dir);
      await engine.openIndex(dir);
      expect((await engine.search("index=* | stats count")).rows).toEqual([{ count: 6 }]);
      const local = new Engine().openIndex(dir);
      expect(local.search("index=* | stats count").rows).toEqual([{ count: 6 }]);
      local.close();
    } finally {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Engine search options", () => {
  it("a row budget per search, over the engine's", () => {
    const engine = new Engine({ maxRows: 100 });
    expect(engine.search("| makeresults count=101").diagnostics[0]?.code).toBe("budget");
    expect(engine.search("| makeresults count=101", { maxRows: 1000 }).rows).toHaveLength(101);
  });

  it("a cancel flag set by another thread", () => {
    const out = new Engine().search("| makeresults", { cancelFlag: Int32Array.from([1]), cancelledBy: "a test" });
    expect(out.diagnostics.map((d) => d.message)).toEqual(["the search was cancelled (a test)"]);
  });
});
