/**
 * `minispl lsp --stdio` as an editor starts it: the built binary (dist/cli/bin.js, built by
 * `npm run build` / `pretest`) in a child process, the protocol over its stdin/stdout. One
 * session: a detection's diagnostics on its YAML line and column, completion, then
 * shutdown + exit ending the process with code 0. Another runs a detection on `--index`, in the
 * bundle's engine worker.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../../src/index.js";
import { ROOT } from "../../support/cli.js";
import { fileUri, LspClient } from "./lsp-client.js";

const FIX = resolve(ROOT, "test/unit/lsp/fixtures");
const BAD = resolve(FIX, "detections/lab_bad_search.yml");

let child: ChildProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), "minispl-lsp-stdio-"));
afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

function spawnLsp(args: string[]) {
  const proc = spawn(process.execPath, ["dist/cli/bin.js", "lsp", "--stdio", "--no-config", ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  child = proc;
  const exited = new Promise<number | null>((done) => proc.on("exit", (code) => done(code)));
  const stderr: string[] = [];
  proc.stderr?.on("data", (c: Buffer) => stderr.push(c.toString()));
  if (!proc.stdin || !proc.stdout) throw new Error("no pipes");
  return { client: new LspClient(proc.stdin, proc.stdout), exited, stderr };
}

describe("minispl lsp --stdio (spawned)", () => {
  it("publishes diagnostics on the YAML's line and column, completes, and exits 0 after shutdown", async () => {
    const { client, exited, stderr } = spawnLsp(["--macros", resolve(FIX, "macros")]);

    const init = await client.initialize();
    expect(init.result).toMatchObject({ serverInfo: { name: "minispl" } });
    const text = readFileSync(BAD, "utf8");
    client.open(fileUri(BAD), text, "yaml");
    const [d] = await client.diagnostics(fileUri(BAD));
    expect(d).toMatchObject({ code: "unknown-command", range: { start: { line: 9, character: 22 }, end: { line: 9, character: 27 } } });
    expect(d.message).toContain('did you mean "stats"?');

    const uri = "file:///virtual/spawned.spl";
    client.open(uri, "| tstats count by Processes.proc", "spl");
    const c = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 32 } });
    expect((c.result as { items: { label: string }[] }).items.map((i) => i.label)).toContain("Processes.process_name");

    expect((await client.request("shutdown", null)).error).toBeUndefined();
    client.notify("exit", null);
    expect(await exited).toBe(0);
    expect(stderr.join("")).toBe("");
  });

  it("--index: Run detection opens the index in the bundle's worker and finds the seed's 3 results", async () => {
    buildIndex([resolve(ROOT, "samples/data")], dir);
    const { client, exited, stderr } = spawnLsp(["--index", dir]);
    await client.initialize();
    const seed = fileUri(resolve(ROOT, "samples/detections/script_execution_via_wmi.yml"));
    const r = await client.request("workspace/executeCommand", { command: "minispl.runDetection", arguments: [seed] });
    expect(r.result).toMatchObject({ ok: true, detection: "Script Execution via WMI", results: 3, verdict: "pass" });
    expect((await client.request("shutdown", null)).error).toBeUndefined();
    client.notify("exit", null);
    expect(await exited).toBe(0);
    expect(stderr.join("")).toBe("");
  });
});
