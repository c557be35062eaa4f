// chDB with a data folder, the stand-in for a ClickHouse server in the persistent-table tests: the
// same @clickhouse/client code path, MergeTree tables and `minispl_loaded`, kept on disk across
// connections. libchdb binds one data folder per process; a test that opens one waits for the
// previous folder's work to end first (chdb's drainPending), and takes out the `exit` hook chDB
// adds the first time a session opens in the process (test/support/leak-guard.ts).
import { openBackend, type SqlBackend } from "../../../../src/storage/clickhouse/backend.js";

interface ChdbModule {
  drainPending?: () => Promise<void>;
}

async function drain(): Promise<void> {
  const specifier = "chdb";
  const mod = (await import(specifier)) as ChdbModule & { default?: ChdbModule };
  await (mod.drainPending ?? mod.default?.drainPending)?.();
}

/** Opens `chdb:<dir>`; close() closes it and lets the next folder (or `:memory:`) be opened. */
export async function openChdbDir(dir: string): Promise<SqlBackend> {
  const before = new Set(process.listeners("exit"));
  await drain();
  const backend = await openBackend(`chdb:${dir}`);
  for (const l of process.listeners("exit")) if (!before.has(l)) process.removeListener("exit", l);
  return {
    ...backend,
    name: backend.name,
    close: async () => {
      await backend.close();
      await drain();
    },
  };
}

/** Why chDB cannot run here, or null (checked once, in memory). */
export async function chdbProblem(): Promise<string | null> {
  const before = new Set(process.listeners("exit"));
  try {
    const b = await openBackend("chdb");
    await b.close();
    await drain();
    return null;
  } catch (e) {
    return `chDB cannot be loaded on this machine, persistent-table tests skipped: ${(e as Error).message}`;
  } finally {
    for (const l of process.listeners("exit")) if (!before.has(l)) process.removeListener("exit", l);
  }
}
