/**
 * Issue 11 item 8: `.load` does not read a file twice (same real path or same content) and says
 * so; `.datamodels` counts events per dataset as tstats does; a multi-line search is one history
 * entry in the session too (Up recalls it whole).
 */
import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinMacros } from "../../../src/index.js";
import { LocalEngine } from "../../../src/repl/engine.js";
import { InProcessEngine } from "../../../src/repl/engine-client.js";
import { collapseEntry } from "../../../src/repl/history.js";
import { Repl } from "../../../src/repl/repl.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-repl-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function session(width = 100) {
  const out: string[] = [];
  const err: string[] = [];
  const engine = new InProcessEngine(new LocalEngine({ macros: builtinMacros(), run: { now: 1_700_000_000 }, ingest: {} }));
  const repl = new Repl(engine, { out: (s) => void out.push(s), err: (s) => void err.push(s), color: false, width: () => width }, { format: "table", time: false });
  const take = (xs: string[]) => () => xs.splice(0).join("");
  return { repl, out: take(out), err: take(err) };
}

describe(".load", () => {
  it("skips files loaded before, by real path and by content, and says so", async () => {
    const data = join(dir, "data");
    mkdirSync(data);
    copyFileSync("samples/data/sysmon.xml", join(data, "sysmon.xml"));
    const s = session();
    await s.repl.handle(`.load ${data}`);
    expect(s.err()).toBe("loaded 6 events from 1 file(s) (6 in total)\n");
    // The same folder again, the file through a link, and a copy under another name.
    symlinkSync(join(data, "sysmon.xml"), join(dir, "link.xml"));
    copyFileSync("samples/data/sysmon.xml", join(dir, "copy.xml"));
    await s.repl.handle(`.load ${data}`);
    expect(s.err()).toBe(`skipped 1 file(s) already loaded: ${join(data, "sysmon.xml")} (loaded before)\nloaded 0 events from 0 file(s) (6 in total)\n`);
    await s.repl.handle(`.load ${join(dir, "link.xml")} ${join(dir, "copy.xml")} samples/data/security.xml`);
    const err = s.err();
    expect(err).toContain(`${join(dir, "copy.xml")} (same content as ${join(data, "sysmon.xml")})`);
    expect(err).toContain(`${join(dir, "link.xml")} (same file as ${join(data, "sysmon.xml")})`);
    expect(err).toMatch(/loaded 4 events from 1 file\(s\) \(10 in total\)\n$/);
    await s.repl.handle("| tstats count");
    await s.repl.handle("index=* | stats count");
    expect(s.out()).toMatch(/\| 10 +\|/);
  });

  it("prints the not-logs summary line", async () => {
    const data = join(dir, "with-readme");
    mkdirSync(data);
    copyFileSync("samples/data/security.xml", join(data, "security.xml"));
    copyFileSync("samples/data/security.xml", join(data, "README.md"));
    const s = session();
    await s.repl.handle(`.load ${data}`);
    expect(s.err()).toBe("skipped 1 file that is not logs: README.md (use --data <file> to force)\nloaded 4 events from 1 file(s) (4 in total)\n");
  });
});

describe(".datamodels", () => {
  it("counts each dataset's events as tstats count does", async () => {
    const s = session();
    await s.repl.handle(".load samples/data");
    s.err();
    await s.repl.handle(".datamodels");
    const table = s.out();
    const count = (ds: string): number => Number(new RegExp(`\\| ${ds.replace(".", "\\.")} +\\| +(\\d+) +\\|`).exec(table)?.[1]);
    for (const ds of ["Endpoint.Processes", "Endpoint.Registry", "Authentication.Authentication", "Network_Traffic.Allowed_Traffic"]) {
      await s.repl.handle(`| tstats count from datamodel=${ds}`);
      const tstats = Number(/\| +(\d+) +\|/.exec(s.out())?.[1]);
      expect(count(ds), ds).toBe(tstats);
    }
    expect(count("Endpoint.Processes")).toBeGreaterThan(0);
    expect(table).toMatch(/\| dataset +\| events +\| parent +\|/);
  });
});

describe("history of a multi-line search", () => {
  it("replaces the lines readline kept one by one with the whole entry", () => {
    const history = ["  eval x=1", "| makeresults |", "index=main"];
    collapseEntry(history, "| makeresults |\n  eval x=1");
    expect(history).toEqual(["| makeresults | eval x=1", "index=main"]);
  });

  it("keeps older entries that equal a line, and moves a repeated search to the front", () => {
    const history = ["  table x", "| stats count |", "| stats count", "| makeresults", "| stats count | table x"];
    collapseEntry(history, "| stats count |\n  table x");
    expect(history).toEqual(["| stats count | table x", "| stats count", "| makeresults"]);
  });

  it("leaves a one-line entry alone", () => {
    const history = ["| makeresults"];
    collapseEntry(history, "| makeresults");
    expect(history).toEqual(["| makeresults"]);
  });
});
