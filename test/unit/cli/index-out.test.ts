/**
 * `minispl index <paths> --out clickhouse://… | chdb:<dir>` (cli/index-to-backend.ts): the files are
 * indexed through the --data cache and every table is loaded into the database, so `search
 * --backend <same> --data <same files>` loads nothing (no new `minispl_loaded` row). chDB with a
 * folder stands in for a server; a server that cannot be reached is an error naming it, without a
 * stack trace or the password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../support/cli.js";
import { withEnv } from "../../support/with-env.js";
import { CATALOG_TABLE } from "../../../src/storage/clickhouse/load-catalog.js";
import { chdbProblem, openChdbDir } from "../storage/clickhouse/chdb-dir.js";
import { PROCESS_CREATION, writeSampleEvents } from "../../support/sample-events.js";

const SECRET = "n0t-in-any-0utput";
const TSTATS = "| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.dest Processes.process_name | sort - count";

describe("minispl index --out <database>", () => {
  it("a server that cannot be reached is an error naming it, with no stack trace and no password", async () => {
    const r = await withEnv({ MINISPL_CLICKHOUSE_PASSWORD: SECRET }, () =>
      runCli(["index", "samples/data/sysmon.xml", "--out", "clickhouse://analyst@127.0.0.1:1/case42", "-q"]));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("error: clickhouse://analyst@127.0.0.1:1/case42: cannot reach the ClickHouse server (ECONNREFUSED)\n");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it("refuses a password in the URL without repeating it", async () => {
    const r = await runCli(["index", "samples/data/sysmon.xml", "--out", `clickhouse://analyst:${SECRET}@127.0.0.1:1/case42`, "-q"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("MINISPL_CLICKHOUSE_PASSWORD");
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});

const problem = await chdbProblem();
if (problem) console.warn(problem);

describe.skipIf(problem !== null)("minispl index --out chdb:<dir>", () => {
  let dir: string;
  let logs: string;
  let db: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "minispl-index-out-"));
    logs = join(dir, "logs");
    db = join(dir, "db");
    mkdirSync(logs);
    // The process-creation events (what TSTATS reads): each field is a MergeTree table to load.
    writeSampleEvents("samples/data/sysmon.xml", join(logs, "sysmon.xml"), PROCESS_CREATION);
  });

  // Hundreds of MergeTree parts to delete: more than the default hook time on a busy machine. Removed
  // through the thread pool (rmSync, one unlink at a time, is ~3× slower on a disk mounted with `discard`).
  afterAll(() => rm(dir, { recursive: true, force: true }), 60_000);

  async function catalogRows(): Promise<number> {
    const b = await openChdbDir(db);
    try {
      const r = await b.query(`SELECT count() AS n FROM ${CATALOG_TABLE}`);
      return Number(r[0]?.n);
    } finally {
      await b.close();
    }
  }

  it("loads every table, and a search over the same files loads nothing and prints the in-memory rows", async () => {
    const load = await runCli(["index", logs, "--out", `chdb:${db}`, "--format", "json", "-q"]);
    expect(load.stderr).toBe("");
    expect(load.code).toBe(0);
    const summary = JSON.parse(load.stdout) as { tables: { loaded: number; kept: number }; rows: number; inserts: number };
    expect(summary.tables.loaded).toBeGreaterThan(10);
    expect(summary.tables.kept).toBe(0);
    expect(summary.rows).toBeGreaterThan(0);
    const after = await catalogRows();

    const args = ["search", TSTATS, "--data", logs, "--format", "json", "-q", "--no-config"];
    const memory = await runCli(args);
    const pushed = await runCli([...args, "--backend", `chdb:${db}`]);
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toBe(memory.stdout);
    expect(JSON.parse(memory.stdout).length).toBeGreaterThan(0);

    // Indexing again keeps every table.
    const again = await runCli(["index", logs, "--out", `chdb:${db}`, "-q"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^chdb:${db}: 0 table\\(s\\) loaded \\(0 rows in 0 insert\\(s\\)\\), ${summary.tables.loaded} already there for this index;`));
    // Neither the search nor indexing again wrote a catalog row: `minispl_loaded` only ever
    // grows (every load appends a row), so one count after both says it of each.
    expect(await catalogRows()).toBe(after);
  }, 180_000);

  it("loads an index folder as it is, and `--index` over it then loads nothing", async () => {
    const idx = join(dir, "idx");
    // One job: index workers are threads that load the built files.
    expect((await runCli(["index", logs, "--out", idx, "-q", "-j", "1"])).code).toBe(0);
    const load = await runCli(["index", idx, "--out", `chdb:${db}`, "-q"]);
    expect(load.stderr).toBe("");
    expect(load.code).toBe(0);
    // No indexing summary: the folder was not indexed again.
    expect(load.stdout).toMatch(new RegExp(`^chdb:${db}: \\d+ table\\(s\\) loaded`));
    const after = await catalogRows();
    const args = ["search", TSTATS, "--index", idx, "--format", "json", "-q", "--no-config"];
    const memory = await runCli(args);
    const pushed = await runCli([...args, "--backend", `chdb:${db}`]);
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toBe(memory.stdout);
    expect(await catalogRows()).toBe(after);
  }, 180_000);
});
