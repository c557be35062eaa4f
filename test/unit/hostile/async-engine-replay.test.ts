// AsyncEngine replays its setup calls in a new worker after a search had to be stopped by
// terminating the old one (issue 10). The files are read again then, and may have vanished or
// changed since they were loaded: that used to be silent (the new worker searched other data, and a
// replayed call that failed was dropped). Each case changes the loaded folder one way before the
// restart; the next search's diagnostics and `onWarning` must name the file.
import { appendFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AsyncEngine } from "../../../src/index.js";
import { SYSMON_1, sysmonXml } from "../adapters/fixtures.js";
import { ENGINE_WORKER_URL } from "../../support/engine-worker-url.js";

const workerUrl = ENGINE_WORKER_URL;
/** One eval over 3M results: a single step with no budget check inside, far longer than the grace. */
const STUCK = "| makeresults count=3000000 | eval h=sha256(tostring(random()))";
const record = (second: number): string => `${sysmonXml(1, `2024-03-09T00:05:${String(second).padStart(2, "0")}.000Z`, SYSMON_1)}\n`;

/**
 * Makes the engine replace its worker: a search stuck in one long step, aborted. Under load the
 * abort can reach the search before that step (it then stops by itself, no restart), so it is
 * tried until `restarts` says the worker was replaced.
 */
async function restart(engine: AsyncEngine): Promise<void> {
  const before = engine.restarts;
  for (let attempt = 0; attempt < 5 && engine.restarts === before; attempt++) {
    const abort = new AbortController();
    const search = engine.search(STUCK, { signal: abort.signal });
    setTimeout(() => abort.abort(), 100 + 200 * attempt);
    expect((await search).diagnostics.map((d) => d.code)).toEqual(["cancelled"]);
  }
  expect(engine.restarts).toBe(before + 1);
}

describe("AsyncEngine: a replay names the files that vanished or changed", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "minispl-replay-"));
    writeFileSync(join(dir, "a.xml"), record(1) + record(2));
    writeFileSync(join(dir, "b.xml"), record(3));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    { name: "a file deleted", change: () => unlinkSync(join(dir, "a.xml")), file: "a.xml", says: /has vanished since it was loaded/, count: 1 },
    { name: "a file grown", change: () => appendFileSync(join(dir, "b.xml"), record(4)), file: "b.xml", says: /has changed since it was loaded \(\d+ bytes, modified .* then, \d+ bytes, modified .* now\)/, count: 4 },
    { name: "a file added", change: () => writeFileSync(join(dir, "c.xml"), record(5)), file: "c.xml", says: /has appeared since the data was loaded/, count: 4 },
  ])("$name", async ({ change, file, says, count }) => {
    const heard: string[] = [];
    const engine = new AsyncEngine({ workerUrl, graceMs: 50, onWarning: (m) => heard.push(m) });
    try {
      await engine.loadData([dir]);
      expect((await engine.search("index=* | stats count")).rows).toEqual([{ count: 3 }]);
      change();
      await restart(engine);
      const out = await engine.search("index=* | stats count");
      expect(out.rows).toEqual([{ count }]);
      const message = expect.stringMatching(new RegExp(`^loadData\\(.*\\) replayed after the worker restarted: .*${file} ${says.source}`));
      expect(heard).toEqual([message]);
      expect(out.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([["bad-record", "warning", message]]);
      // Said once: the next answer is clean.
      expect((await engine.search("index=* | stats count")).diagnostics).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it("nothing changed: no warning", async () => {
    const heard: string[] = [];
    const engine = new AsyncEngine({ workerUrl, graceMs: 50, onWarning: (m) => heard.push(m) });
    try {
      await engine.loadData([dir]);
      await restart(engine);
      const out = await engine.search("index=* | stats count");
      expect(out.rows).toEqual([{ count: 3 }]);
      expect(out.diagnostics).toEqual([]);
      expect(heard).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it("an index folder that vanished: the failed replay is a warning too", async () => {
    const heard: string[] = [];
    const engine = new AsyncEngine({ workerUrl, graceMs: 50, onWarning: (m) => heard.push(m) });
    const index = mkdtempSync(join(tmpdir(), "minispl-replay-index-"));
    try {
      const { buildIndex } = await import("../../../src/index.js");
      buildIndex([dir], index);
      await engine.openIndex(index);
      rmSync(index, { recursive: true, force: true });
      await restart(engine);
      await engine.search("index=* | stats count");
      expect(heard.some((m) => m.startsWith(`openIndex(${index}) replayed after the worker restarted: ${index}/`) && m.includes("has vanished"))).toBe(true);
      expect(heard.some((m) => m.startsWith(`openIndex(${index}) failed when replayed`))).toBe(true);
    } finally {
      await engine.close();
      rmSync(index, { recursive: true, force: true });
    }
  });
});
