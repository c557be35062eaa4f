/**
 * runSearchOnBackend (src/run-on-backend.ts, issue 13): the pushed prefix runs on the SQL backend,
 * the rest here on its rows, and the results are the in-memory run's. First against stand-in
 * backends (what is called, what an error becomes, that a password never shows), then on chDB over
 * the sample events: every search gives the same rows and fields as `runSearch`. The chDB part is
 * skipped, with the reason, when chDB cannot be loaded on this machine; it opens one connection.
 */
import { afterAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import {
  EventStore, ingestPaths, openBackend, runSearch, runSearchOnBackend, type SqlBackend, type TableNeed,
} from "../../../src/index.js";

const NOW = 1_700_000_000;
const store = new EventStore();
ingestPaths(store, [fileURLToPath(new URL("../../../samples/data/", import.meta.url))]);

/** A backend that records what it is asked and answers with `answer` (or throws it). */
function standIn(answer: Record<string, unknown>[] | Error) {
  const calls: { prepared: (readonly TableNeed[])[]; sql: string[] } = { prepared: [], sql: [] };
  const backend: SqlBackend = {
    name: "stand-in",
    prepare: async (_store, needs) => {
      calls.prepared.push(needs);
    },
    query: async (sql) => {
      calls.sql.push(sql);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    close: async () => {},
  };
  return { backend, calls };
}

const TSTATS = "| tstats count from datamodel=Endpoint.Processes by Processes.dest";

describe("runSearchOnBackend with a stand-in backend", () => {
  it("runs a search it cannot push entirely here, without asking the backend", async () => {
    const { backend, calls } = standIn(new Error("must not be called"));
    const spl = "| makeresults count=3 | streamstats count as n | eval m=n*2";
    const r = await runSearchOnBackend(spl, store, backend, { now: NOW });
    expect(r.pushdown.pushed).toBeNull();
    expect(r.pushdown.stop?.node).toBe(0);
    expect(calls.sql).toEqual([]);
    expect(r.table?.rows()).toEqual(runSearch(spl, store, { now: NOW }).table?.rows());
  });

  it("reports a search that does not compile with nothing pushed", async () => {
    const { backend } = standIn([]);
    const r = await runSearchOnBackend("| stats count by", store, backend);
    expect(r.table).toBeNull();
    expect(r.pushdown).toEqual({ pushed: null, nodes: 0, stop: null });
    expect(r.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("prepares the tables the SQL reads, then runs the SQL once", async () => {
    const { backend, calls } = standIn([]);
    const r = await runSearchOnBackend(TSTATS, store, backend, { now: NOW });
    expect(r.pushdown.pushed, "a plain tstats count by a dataset field is pushed").not.toBeNull();
    expect(calls.prepared).toEqual([r.pushdown.pushed?.tables]);
    expect(calls.sql).toEqual([r.pushdown.pushed?.sql]);
    expect(r.table?.length).toBe(0);
  });

  it("turns a backend error into an error diagnostic that never shows the password", async () => {
    const secret = "s3cr3t-Pw";
    const { backend } = standIn(new Error(`Code: 516. Authentication failed for user analyst (password ${secret}) at http://analyst:${secret}@ch:8123/case42`));
    const r = await runSearchOnBackend(TSTATS, store, backend, { now: NOW, env: { MINISPL_CLICKHOUSE_PASSWORD: secret } });
    expect(r.table).toBeNull();
    const err = r.diagnostics.find((d) => d.severity === "error");
    expect(err?.code).toBe("runtime-error");
    expect(err?.message).toMatch(/^stand-in: Code: 516/);
    expect(JSON.stringify(r.diagnostics)).not.toContain(secret);
  });

  it("holds the backend to the search's time budget", async () => {
    const backend: SqlBackend = { name: "stuck", prepare: async () => {}, query: () => new Promise(() => {}), close: async () => {} };
    const r = await runSearchOnBackend(TSTATS, store, backend, { now: NOW, budget: { timeoutMs: 20 } });
    expect(r.table).toBeNull();
    expect(r.diagnostics.find((d) => d.severity === "error")).toMatchObject({ code: "budget", params: { budget: "time" } });
  });

  it("and the rows that come back to its row budget", async () => {
    const { backend } = standIn([{}, {}, {}]);
    const r = await runSearchOnBackend(TSTATS, store, backend, { now: NOW, budget: { maxRows: 2 } });
    expect(r.table).toBeNull();
    expect(r.diagnostics.find((d) => d.severity === "error")).toMatchObject({ code: "budget", params: { budget: "rows" } });
  });

  it("ends with error[cancelled] when the caller aborts while the backend works", async () => {
    const backend: SqlBackend = { name: "stuck", prepare: async () => {}, query: () => new Promise(() => {}), close: async () => {} };
    const abort = new AbortController();
    const pending = runSearchOnBackend(TSTATS, store, backend, { now: NOW, budget: { signal: abort.signal, timeoutMs: 0 } });
    abort.abort();
    const r = await pending;
    expect(r.diagnostics.find((d) => d.severity === "error")?.code).toBe("cancelled");
  });

  it("turns a thrown non-Error into a diagnostic too", async () => {
    const backend: SqlBackend = { name: "odd", prepare: () => Promise.reject("connection refused"), query: async () => [], close: async () => {} };
    const r = await runSearchOnBackend(TSTATS, store, backend, { now: NOW });
    expect(r.table).toBeNull();
    expect(r.diagnostics.find((d) => d.severity === "error")?.message).toBe("odd: connection refused");
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

/** chDB, once for this file; a reason to skip when it cannot be loaded here. */
const chdb: SqlBackend | string = await openBackend("chdb").catch((e: unknown) => `chDB cannot be loaded on this machine, chDB tests skipped: ${(e as Error).message}`);
if (typeof chdb === "string") console.warn(chdb);
dropChdbExitHook();

/** Searches over the sample events, as ESCU writes them; each must give the in-memory rows. */
const SEARCHES: readonly string[] = [
  TSTATS,
  "| tstats count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes by Processes.dest Processes.user Processes.process_name",
  "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=*.exe by Processes.process_name Processes.parent_process_name",
  "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=CMD.EXE OR Processes.process_name=powershell* by Processes.dest",
  "| tstats count values(Processes.process) as process dc(Processes.process_id) as pids from datamodel=Endpoint.Processes where NOT Processes.user=SYSTEM by Processes.dest",
  "| tstats count from datamodel=Endpoint.Processes by _time span=1h Processes.dest",
  "| tstats summariesonly=false allow_old_summaries=true fillnull_value=null count from datamodel=Endpoint.Processes by Processes.dest Processes.original_file_name",
  "| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.dest as dest | where count > 1 | sort - count",
  "| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.process_name | eval firstTime=strftime(firstTime, \"%Y-%m-%d\") | table Processes.process_name count firstTime",
  "| tstats count from datamodel=Endpoint.Registry by Registry.registry_path",
  "| tstats count from datamodel=Network_Traffic by All_Traffic.dest_port",
];

describe.skipIf(typeof chdb === "string")("runSearchOnBackend on chDB gives the in-memory rows", () => {
  const backend = chdb as SqlBackend;
  let pushedAny = false;
  afterAll(async () => {
    await backend.close();
  });

  it.each(SEARCHES)("%s", async (spl) => {
    const want = runSearch(spl, store, { now: NOW });
    const got = await runSearchOnBackend(spl, store, backend, { now: NOW });
    expect(got.diagnostics.filter((d) => d.severity === "error")).toEqual(want.diagnostics.filter((d) => d.severity === "error"));
    expect(got.table?.fields).toEqual(want.table?.fields);
    expect(got.table?.rows()).toEqual(want.table?.rows());
    if (got.pushdown.pushed) pushedAny = true;
  });

  it("pushed at least the plain tstats searches", () => {
    expect(pushedAny).toBe(true);
  });
});
