/**
 * `--backend <memory|chdb|clickhouse://user@host:port/db>` on search, detect, hunt and explain (issue 13),
 * run in this process (test/support/cli.ts runCli). The option's checks and `explain --backend`
 * need no ClickHouse (explain compiles, it connects to nothing); the runs on chDB are skipped, with
 * the reason, when chDB cannot be loaded here. A password never appears in any output.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../support/cli.js";
import { withEnv } from "../../support/with-env.js";
import { openBackend } from "../../../src/index.js";
import { configCommand } from "../../../src/cli/config-command.js";

const TSTATS = "| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.dest Processes.process_name | rename Processes.* as * | sort - count";
const SECRET = "n0t-in-any-0utput";

describe("the --backend option", () => {
  it("refuses an unknown backend with a usage error naming the choices", async () => {
    const r = await runCli(["search", "| makeresults", "--backend", "postgres", "--no-config"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("expected memory, chdb or clickhouse://user@host:port/db");
  });

  it("refuses a password in the URL without repeating it", async () => {
    const r = await runCli(["search", "| makeresults", "--backend", `clickhouse://analyst:${SECRET}@ch.internal:8123/case42`, "--no-config"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MINISPL_CLICKHOUSE_PASSWORD");
    expect(r.stderr).toContain("minispl search --help");
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it("is read from MINISPL_BACKEND, whose bad value is an error that hides a password", async () => {
    const r = await withEnv({ MINISPL_BACKEND: `clickhouse://analyst:${SECRET}@ch/db` }, () => runCli(["search", "| makeresults", "--no-config"]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MINISPL_BACKEND=clickhouse://analyst:***@ch/db");
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it("is a setting of minispl.yaml too, whose refused password is not repeated either", () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-backend-"));
    try {
      const file = join(dir, "minispl.yaml");
      const run = (yaml: string, env: NodeJS.ProcessEnv = {}) => {
        writeFileSync(file, yaml);
        const out: string[] = [];
        const code = configCommand({ format: "json", config: file }, { out: (t) => void out.push(t), err: (t) => void out.push(t) }, { env, cwd: dir });
        return { code, text: out.join("") };
      };
      const fromFile = run("backend: clickhouse://analyst@ch.internal:8123/case42\n");
      expect(fromFile.code).toBe(0);
      expect(JSON.parse(fromFile.text).settings.backend).toEqual({ value: "clickhouse://analyst@ch.internal:8123/case42", source: `${file}:1` });
      expect(JSON.parse(run("backend: chdb\n", { MINISPL_BACKEND: "memory" }).text).settings.backend).toEqual({ value: "memory", source: "MINISPL_BACKEND" });
      expect(JSON.parse(run("tz: UTC\n").text).settings.backend).toEqual({ value: "memory", source: "default" });
      const refused = run(`backend: clickhouse://analyst:${SECRET}@ch/db\n`);
      expect(refused.code).toBe(2);
      expect(refused.text).toContain(`${file}:1:10: backend: a password in the --backend URL is refused`);
      expect(refused.text).not.toContain(SECRET);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("with memory, runs as without it", async () => {
    const a = await runCli(["search", TSTATS, "--data", "samples/data/", "--format", "json", "-q", "--no-config"]);
    const b = await runCli(["search", TSTATS, "--data", "samples/data/", "--format", "json", "-q", "--no-config", "--backend", "memory"]);
    expect(b).toEqual(a);
    expect(a.code).toBe(0);
  });

  it("a ClickHouse server that does not answer is an error, not a crash, and shows no password", async () => {
    const r = await withEnv({ MINISPL_CLICKHOUSE_PASSWORD: SECRET }, () =>
      runCli(["search", TSTATS, "--data", "samples/data/", "-q", "--no-config", "--backend", "clickhouse://analyst@127.0.0.1:1/case42"]));
    expect([2, 3]).toContain(r.code);
    expect(r.stderr).toMatch(/^error/m);
    expect(r.stderr).not.toContain("internal");
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});

describe("minispl explain --backend chdb", () => {
  it("prints the SQL that runs in ClickHouse and the steps that run here, with why", async () => {
    // streamstats (a running count in row order) stays here whatever else the compiler learns.
    const r = await runCli(["explain", "--backend", "chdb", "--no-config", `${TSTATS} | streamstats count as n`]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("plan:\n");
    expect(r.stdout).toMatch(/\nbackend chdb:\n {2}in ClickHouse: steps 1-[2-4] of 5 \([1-3] commands?\), one query:\n {4}SELECT /);
    expect(r.stdout).toMatch(/\n {2}reads dm_Endpoint_Processes: Endpoint\.Processes \(/);
    expect(r.stdout).toMatch(/\n {2}here, on the rows ClickHouse returns: steps? [3-5](-5)?\n {2}step [3-5] \((rename|sort|streamstats)\) runs here: .+\n$/);
  });

  it("says when nothing is pushed and why", async () => {
    const r = await runCli(["explain", "--backend", "chdb", "--no-config", "| makeresults count=2 | eval x=1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nbackend chdb:\n {2}in ClickHouse: nothing\n {2}here, on the events in memory: steps 1-2\n {2}step 1 \(makeresults\) runs here: .+\n$/);
  });

  it("prints no backend section without --backend", async () => {
    const r = await runCli(["explain", "--no-config", TSTATS]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("backend");
  });
});

/**
 * chDB adds one `exit` listener per process, the first time a session opens (it closes open
 * sessions on exit), and never again. This file closes its own, so it takes that listener out
 * right after opening, for the leak guard (test/support/leak-guard.ts): test files share the process.
 */
const exitListeners = new Set(process.listeners("exit"));
function dropChdbExitHook(): void {
  for (const l of process.listeners("exit")) if (!exitListeners.has(l)) process.removeListener("exit", l);
}

/** chDB here? Opened once to find out (and closed); the CLI runs below open their own. */
const chdbProblem: string | null = await openBackend("chdb").then(
  async (b) => (await b.close(), dropChdbExitHook(), null),
  (e: unknown) => `chDB cannot be loaded on this machine, chDB CLI tests skipped: ${(e as Error).message}`,
);
if (chdbProblem) console.warn(chdbProblem);

describe.skipIf(chdbProblem !== null)("search, detect and hunt --backend chdb", () => {
  it("search prints the rows the in-memory run prints", async () => {
    const args = ["search", TSTATS, "--data", "samples/data/", "--format", "json", "--no-config"];
    const memory = await runCli(args);
    const chdb = await runCli([...args, "--backend", "chdb"]);
    expect(memory.code).toBe(0);
    expect(chdb.code).toBe(0);
    expect(chdb.stdout).toBe(memory.stdout);
    // Besides what memory prints on stderr, one line says what ran where.
    expect(chdb.stderr).toMatch(/^chdb: plan steps 1-\d of 4 ran there(; step \d and after here: .+)?$/m);
    expect(chdb.stderr.replace(/^chdb: .*\n/m, "")).toBe(memory.stderr);
  });

  it("detect prints the same rows and counts what ran in ClickHouse", async () => {
    const args = ["detect", "samples/detections/", "--data", "samples/data/", "--format", "json", "--no-config"];
    const memory = await runCli(args);
    const chdb = await runCli([...args, "--backend", "chdb"]);
    expect(chdb.code).toBe(memory.code);
    expect(chdb.stdout).toBe(memory.stdout);
    const counts = /\nchdb: (\d+) ran there completely, (\d+) partly, (\d+) in memory only \(`minispl explain --backend chdb` shows why\)\n/.exec(chdb.stderr);
    expect(counts?.slice(1).map(Number).reduce((a, b) => a + b)).toBe(1);
  });

  it("hunt prints the same summary (its searches on chDB, in one thread)", async () => {
    const args = ["hunt", "samples/data/", "--detections", "samples/detections/", "--format", "json", "-q", "--no-config", "--now", "1700000000"];
    // The summary's wall time is the only thing allowed to differ.
    const summary = (r: { stdout: string }) => ({ ...(JSON.parse(r.stdout) as Record<string, unknown>), seconds: null });
    const memory = await runCli(args);
    const chdb = await runCli([...args, "--backend", "chdb"]);
    expect(memory.code).toBe(0);
    expect(chdb.code).toBe(0);
    expect(summary(chdb)).toEqual(summary(memory));
    expect(chdb.stderr).toBe(memory.stderr);
  });
});
