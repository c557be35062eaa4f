/**
 * Child-process task: open the index and run one search twice (first run after open, then warm),
 * so each repetition starts from a fresh process with nothing cached.
 */
import { performance } from "node:perf_hooks";
import { builtinMacros, runSearch } from "../index.js";
import { openIndex } from "../storage/index/open-index.js";
import { peakRssBytes } from "./peak-rss.js";
import { groupKey } from "./queries.js";
import { SEED_FILTER } from "./seed.js";

export interface QueryArgs {
  readonly dir: string;
  readonly spl: string;
  readonly keys: readonly string[];
  readonly now: number;
}

export interface QueryResult {
  readonly openMs: number;
  readonly firstMs: number;
  readonly warmMs: number;
  readonly rows: number;
  readonly errors: readonly string[];
  /** count per group key, to compare with DuckDB. */
  readonly groups: Readonly<Record<string, number>>;
  readonly peakRssBytes: number;
}

export function queryTask(a: QueryArgs): QueryResult {
  const macros = builtinMacros().with([SEED_FILTER]);
  const t0 = performance.now();
  const idx = openIndex(a.dir);
  const t1 = performance.now();
  const first = runSearch(a.spl, idx.store, { macros, now: a.now });
  const t2 = performance.now();
  runSearch(a.spl, idx.store, { macros, now: a.now });
  const t3 = performance.now();
  const groups: Record<string, number> = {};
  const t = first.table;
  for (let i = 0; t && i < t.length; i++) {
    const key = groupKey(a.keys, (f) => t.get(f, i));
    groups[key] = (groups[key] ?? 0) + Number(t.get("count", i));
  }
  idx.close();
  return {
    openMs: t1 - t0,
    firstMs: t2 - t1,
    warmMs: t3 - t2,
    rows: t?.length ?? 0,
    errors: first.diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
    groups,
    peakRssBytes: peakRssBytes(),
  };
}
