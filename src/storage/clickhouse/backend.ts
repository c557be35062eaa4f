/**
 * The SQL backends behind one interface (storage/clickhouse/README.md): chDB in this process (in
 * memory, or in a data folder that keeps its tables), or a ClickHouse server or cluster, all
 * through the official client `@clickhouse/client`, so the code CI runs on chDB is the code a
 * cluster runs. A server's or a folder's tables outlive the process: `minispl_loaded`
 * (load-catalog.ts) says which store each holds, and a later run over the same index loads nothing. chDB is not in package.json (`npm install chdb`;
 * .ci/run installs it), and is loaded only when asked for. The server password is read from MINISPL_CLICKHOUSE_PASSWORD only: a URL that
 * carries one is refused, so it never sits in a shell history or a log.
 */
import type { ClickHouseClient } from "@clickhouse/client";
import type { EventStore } from "../../store/event-store.js";
import type { TableNeed } from "../../sql/types.js";
import type { LookupStore } from "../../lookups/store.js";
import { DatasetLoader } from "./load-datasets.js";
import { LookupTables } from "./load-lookups.js";
import { withoutEmptyColumns } from "./load-target.js";
import { MemoryCatalog, TableCatalog, type LoadCatalog } from "./load-catalog.js";

export interface SqlBackend {
  /** `chdb`, `chdb:<dir>`, or the server URL without credentials. */
  readonly name: string;
  /** True when loaded tables outlive this process (a server, chDB with a data folder); absent: false. */
  readonly persistent?: boolean;
  /** What this connection has inserted into loaded tables so far (the catalog's rows not counted). */
  readonly loads?: LoadStats;
  /** Makes the tables `needs` lists hold `store`'s rows (reused while the store is unchanged). */
  prepare(store: EventStore, needs: readonly TableNeed[], lookups?: LookupStore): Promise<void>;
  /**
   * Records that the database holds `store` (an opened index) for good, as `minispl index --out`
   * does before loading it: a later search over another index is refused rather than reloading.
   */
  claim?(store: EventStore): Promise<void>;
  /** Runs one SELECT; rows as JSON objects (JSONEachRow). */
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface LoadStats {
  inserts: number;
  rows: number;
}

export const CHDB_MISSING = "chDB is not installed (minispl does not install it by default: ~540 MB). Install it with `npm install chdb` (a prebuilt package for Linux and macOS), or use --backend memory";

/**
 * `chdb` → embedded chDB (in memory); `chdb:<dir>` → embedded chDB whose tables stay in `dir`;
 * `clickhouse://[user@]host[:port][/db]` or `clickhouse` (localhost:8123) → a server through its
 * HTTP interface.
 */
export async function openBackend(spec: string, env: NodeJS.ProcessEnv = process.env): Promise<SqlBackend> {
  if (spec === "chdb") return openChdb(null);
  if (spec.startsWith("chdb:")) {
    const dir = spec.slice("chdb:".length);
    if (dir === "") throw new Error("chdb:<dir> needs a folder for the tables");
    return openChdb(dir);
  }
  if (spec === "clickhouse" || spec.startsWith("clickhouse://")) return openServer(spec, env);
  throw new Error(`unknown backend "${spec}": use memory, chdb or clickhouse://user@host:port/db`);
}

interface ChdbConnectionModule {
  createChdbConnection(opts: { path: string }): unknown;
}

/** In memory (`dir` null), or bound to a data folder (libchdb binds one folder per process). */
async function openChdb(dir: string | null): Promise<SqlBackend> {
  let mod: ChdbConnectionModule;
  try {
    // A variable specifier: without chDB installed, this file still compiles and loads.
    const specifier = "chdb/connection";
    const loaded = (await import(specifier)) as ChdbConnectionModule & { default?: ChdbConnectionModule };
    mod = typeof loaded.createChdbConnection === "function" ? loaded : (loaded.default as ChdbConnectionModule);
    if (typeof mod?.createChdbConnection !== "function") throw new Error("chdb/connection has no createChdbConnection");
  } catch (e) {
    throw new Error(`${CHDB_MISSING} (${(e as Error).message})`);
  }
  let connection: unknown;
  try {
    connection = mod.createChdbConnection({ path: dir ?? ":memory:" });
  } catch (e) {
    throw new Error(`chDB could not open ${dir === null ? "a session" : dir}: ${(e as Error).message}`);
  }
  const { createClient } = await clickhouseClient();
  const client = createClient({ connection } as Parameters<typeof createClient>[0]);
  // In-memory chDB: Memory tables keep the inserted blocks as they are (a MergeTree would write
  // parts to a temporary directory and merge them in the background for nothing: the tables are
  // a per-process copy of the store and die with the session). A folder keeps MergeTree tables,
  // as a server does.
  if (dir === null) return clientBackend("chdb", client, "Memory", false);
  return clientBackend(`chdb:${dir}`, client, PERSISTENT_ENGINE, true);
}

/**
 * Tables that outlive the process: in store order, the key every query joins on (README.md,
 * "Persistent tables", says why no partition by day and no LowCardinality).
 */
const PERSISTENT_ENGINE = "MergeTree ORDER BY _row";

/**
 * The official client, loaded when a backend is opened: a search in memory (and the browser
 * playground, which has no backend) never loads it or its Node modules.
 */
function clickhouseClient(): Promise<typeof import("@clickhouse/client")> {
  return import("@clickhouse/client");
}

async function openServer(spec: string, env: NodeJS.ProcessEnv): Promise<SqlBackend> {
  const url = new URL(spec === "clickhouse" ? "clickhouse://localhost:8123/default" : spec);
  if (url.password) throw new Error("put the ClickHouse password in MINISPL_CLICKHOUSE_PASSWORD, not in the URL");
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "default";
  const host = `http://${url.hostname}:${url.port || "8123"}`;
  const { createClient, ClickHouseLogLevel } = await clickhouseClient();
  const client = createClient({
    url: host,
    username: decodeURIComponent(url.username) || "default",
    password: env.MINISPL_CLICKHOUSE_PASSWORD ?? "",
    database,
    // The client's own logger prints connection errors to stderr before the search's diagnostic
    // reports them (with the server's name, never the password): one report, ours.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const name = `clickhouse://${url.username ? `${url.username}@` : ""}${url.hostname}:${url.port || "8123"}/${database}`;
  // A server keeps the tables: MergeTree in store order (`_row`), the engine a cluster shards.
  return clientBackend(name, client, PERSISTENT_ENGINE, true);
}

function clientBackend(name: string, client: ClickHouseClient, engine: string, persistent: boolean): SqlBackend {
  const exec = (sql: string) =>
    reachable(async () => {
      await client.command({ query: sql });
    });
  const query = (sql: string) =>
    reachable(async () => {
      const rs = await client.query({ query: sql, format: "JSONEachRow" });
      return rs.json<Record<string, unknown>>();
    });
  const insert = (table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) =>
    reachable(async () => {
      // Times and numbers are read exactly as JSON.stringify wrote them (the default parser may be 1 ulp off).
      await client.insert({ table, columns: [...columns] as [string, ...string[]], values: rows as unknown[][], format: "JSONCompactEachRow", clickhouse_settings: { precise_float_parsing: 1 } });
    });
  const catalog: LoadCatalog = persistent ? new TableCatalog({ exec, query, insert }) : new MemoryCatalog();
  const loads: LoadStats = { inserts: 0, rows: 0 };
  const loader = new DatasetLoader({
    engine,
    catalog,
    exec,
    insert: async (table, columns, rows) => {
      const sent = withoutEmptyColumns(columns, rows);
      await insert(table, sent.columns, sent.rows);
      loads.inserts++;
      loads.rows += rows.length;
    },
  });
  // A pushed `| lookup`'s tables (load-lookups.ts), read from the search's lookups.
  const lookupTables = new LookupTables({ engine, catalog, exec, insert });
  return {
    name,
    persistent,
    loads,
    prepare: async (store, needs, lookups) => {
      await loader.prepare(store, needs);
      await lookupTables.prepare(needs, lookups);
    },
    ...(persistent ? { claim: (store: EventStore) => loader.claim(store) } : {}),
    query,
    close: () => client.close(),
  };
}

/** Network errors that mean the server was never reached (the client's own message names an address only). */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * `work`, with a server that cannot be reached reported as such (callers prefix the backend's
 * name, which carries the host and port and no credentials).
 */
async function reachable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (typeof code === "string" && UNREACHABLE.has(code)) throw new Error(`cannot reach the ClickHouse server (${code})`);
    throw e;
  }
}
