/**
 * The SQL backends behind one interface (storage/clickhouse/README.md): chDB in this process, or
 * a ClickHouse server or cluster, both through the official client `@clickhouse/client`, so the
 * code CI runs on chDB is the code a cluster runs. chDB is not in package.json (`npm install chdb`;
 * .ci/run installs it), and is loaded only when asked for. The server password is read from MINISPL_CLICKHOUSE_PASSWORD only: a URL that
 * carries one is refused, so it never sits in a shell history or a log.
 */
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from "@clickhouse/client";
import type { EventStore } from "../../store/event-store.js";
import type { TableNeed } from "../../sql/types.js";
import { DatasetLoader } from "./load-datasets.js";

export interface SqlBackend {
  /** `chdb`, or the server URL without credentials. */
  readonly name: string;
  /** Makes the tables `needs` lists hold `store`'s rows (reused while the store is unchanged). */
  prepare(store: EventStore, needs: readonly TableNeed[]): Promise<void>;
  /** Runs one SELECT; rows as JSON objects (JSONEachRow). */
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export const CHDB_MISSING = "chDB is not installed (minispl does not install it by default: ~540 MB). Install it with `npm install chdb` (a prebuilt package for Linux and macOS), or use --backend memory";

/**
 * `chdb` → embedded chDB (in memory); `clickhouse://[user@]host[:port][/db]` or `clickhouse` (localhost:8123)
 * → a server through its HTTP interface.
 */
export async function openBackend(spec: string, env: NodeJS.ProcessEnv = process.env): Promise<SqlBackend> {
  if (spec === "chdb") return openChdb();
  if (spec === "clickhouse" || spec.startsWith("clickhouse://")) return openServer(spec, env);
  throw new Error(`unknown backend "${spec}": use memory, chdb or clickhouse://user@host:port/db`);
}

interface ChdbConnectionModule {
  createChdbConnection(opts: { path: string }): unknown;
}

async function openChdb(): Promise<SqlBackend> {
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
  const connection = mod.createChdbConnection({ path: ":memory:" });
  const client = createClient({ connection } as Parameters<typeof createClient>[0]);
  // In-memory chDB: Memory tables keep the inserted blocks as they are (a MergeTree would write
  // parts to a temporary directory and merge them in the background for nothing: the tables are
  // a per-process copy of the store and die with the session).
  return clientBackend("chdb", client, "Memory");
}

function openServer(spec: string, env: NodeJS.ProcessEnv): SqlBackend {
  const url = new URL(spec === "clickhouse" ? "clickhouse://localhost:8123/default" : spec);
  if (url.password) throw new Error("put the ClickHouse password in MINISPL_CLICKHOUSE_PASSWORD, not in the URL");
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "default";
  const host = `http://${url.hostname}:${url.port || "8123"}`;
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
  return clientBackend(name, client, "MergeTree ORDER BY _row");
}

function clientBackend(name: string, client: ClickHouseClient, engine: string): SqlBackend {
  const loader = new DatasetLoader({
    engine,
    exec: async (sql) => {
      await client.command({ query: sql });
    },
    insert: async (table, columns, rows) => {
      // Times and numbers are read exactly as JSON.stringify wrote them (the default parser may be 1 ulp off).
      await client.insert({ table, columns: [...columns] as [string, ...string[]], values: rows as unknown[][], format: "JSONCompactEachRow", clickhouse_settings: { precise_float_parsing: 1 } });
    },
  });
  return {
    name,
    prepare: (store, needs) => loader.prepare(store, needs),
    query: async (sql) => {
      const rs = await client.query({ query: sql, format: "JSONEachRow" });
      return rs.json<Record<string, unknown>>();
    },
    close: () => client.close(),
  };
}
