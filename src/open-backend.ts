/**
 * openBackend (storage/clickhouse/backend.ts) as the library exports it: the ClickHouse client
 * (`@clickhouse/client`, ~0.15 s of CPU to load) is imported only when a backend is opened, so
 * every command that never uses one (all of them with `--backend memory`) starts without it.
 */
import type { SqlBackend } from "./storage/clickhouse/backend.js";

/** `chdb`, or `clickhouse://[user@]host[:port][/db]` (the password from MINISPL_CLICKHOUSE_PASSWORD in `env`). */
export async function openBackend(spec: string, env: NodeJS.ProcessEnv = process.env): Promise<SqlBackend> {
  const { openBackend: open } = await import("./storage/clickhouse/backend.js");
  return open(spec, env);
}
