/** The REPL core with an in-process engine: dot commands, searches, formats and the footer. */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinMacros } from "../../../src/index.js";
import { LocalEngine } from "../../../src/repl/engine.js";
import { InProcessEngine } from "../../../src/repl/engine-client.js";
import { parseDot } from "../../../src/repl/dot-commands.js";
import { HistoryFile } from "../../../src/repl/history.js";
import { Repl } from "../../../src/repl/repl.js";

function session(): { repl: Repl; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const engine = new InProcessEngine(new LocalEngine({ macros: builtinMacros(), run: { now: 1_700_000_000 }, ingest: {} }));
  const repl = new Repl(engine, { out: (s) => void (out += s), err: (s) => void (err += s), color: false, width: () => 80 }, { format: "table", time: false });
  return { repl, out: () => out, err: () => err };
}

describe("parseDot", () => {
  it("splits name and argument", () => {
    expect(parseDot(".help  stats ")).toEqual({ name: ".help", arg: "stats" });
    expect(parseDot(".EXIT")).toEqual({ name: ".exit", arg: "" });
    expect(parseDot("| makeresults")).toBeNull();
  });
});

describe("Repl", () => {
  it("runs a search and prints the table and the row count", async () => {
    const s = session();
    expect(await s.repl.handle('| makeresults count=2 | eval x="a" | table x')).toBe("continue");
    expect(s.out()).toContain("| x |");
    expect(s.out()).toContain("2 results\n");
  });

  it("prints the elapsed time with .time on", async () => {
    const s = session();
    await s.repl.handle(".time on");
    await s.repl.handle("| makeresults");
    expect(s.out()).toMatch(/1 result \(\d+\.\d{3} s\)\n/);
  });

  it("switches formats; the footer then goes to stderr", async () => {
    const s = session();
    await s.repl.handle(".format json");
    await s.repl.handle('| makeresults | eval x=split("a,b", ",") | table x');
    expect(JSON.parse(s.out())).toEqual([{ x: ["a", "b"] }]);
    expect(s.err()).toContain("1 result");
    await s.repl.handle(".format xml");
    expect(s.err()).toContain("usage: .format table|json|csv|ndjson (now json)");
  });

  it("shows diagnostics for a bad search and carries on", async () => {
    const s = session();
    expect(await s.repl.handle("| makeresults | statz count")).toBe("continue");
    expect(s.err()).toContain('unknown command "statz"');
  });

  it("explains with macros expanded", async () => {
    const s = session();
    await s.repl.handle(".explain | tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)`");
    expect(s.out()).toContain("summariesonly=false");
    expect(s.out()).toContain('| rename "Processes.*" AS *');
    expect(s.out()).toMatch(/plan:\n {2}1\. scan datamodel Endpoint\.Processes\n(.+\n)+ {2}2\. aggregate \(tstats\)/);
  });

  it("has help from the registries", async () => {
    const s = session();
    await s.repl.handle(".help");
    expect(s.out()).toContain(".explain <spl>");
    await s.repl.handle(".help lower");
    expect(s.out()).toContain("eval function lower(");
    await s.repl.handle(".help rename");
    expect(s.out()).toContain("command rename");
    expect(s.out()).toContain("usage:");
    await s.repl.handle(".help nosuchthing");
    expect(s.out()).toContain('no command or function named "nosuchthing"');
  });

  it("lists macros, datamodels and dataset fields", async () => {
    const s = session();
    await s.repl.handle(".macros drop_dm");
    expect(s.out()).toContain('drop_dm_object_name(object) = rename "$object$.*" as *');
    await s.repl.handle(".datamodels");
    expect(s.out()).toContain("Endpoint.Processes");
    await s.repl.handle(".fields Endpoint.Processes");
    expect(s.out()).toContain("Processes.process_name");
    await s.repl.handle(".fields Nope.Nothing");
    expect(s.err()).toContain('unknown dataset "Nope.Nothing"');
  });

  it("loads data, then completes its fields", async () => {
    const s = session();
    await s.repl.handle(".load samples/data/sysmon.xml");
    expect(s.err()).toMatch(/loaded \d+ events from 1 file/);
    expect(s.repl.catalog.fields).toContain("EventCode");
    await s.repl.handle(".fields");
    expect(s.out()).toContain("EventCode");
  });

  it("exits on .exit and reports unknown dot commands", async () => {
    const s = session();
    expect(await s.repl.handle(".nope")).toBe("continue");
    expect(s.err()).toContain("unknown command .nope");
    expect(await s.repl.handle(".exit")).toBe("exit");
  });

  it("keeps history owner-only, newest first, a multi-line search on one line", () => {
    const path = join(mkdtempSync(join(tmpdir(), "minispl-hist-")), "history");
    const h = new HistoryFile(path);
    h.append("| makeresults |\n  eval x=1");
    h.append("| makeresults");
    expect(h.load()).toEqual(["| makeresults", "| makeresults | eval x=1"]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
