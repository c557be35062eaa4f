/**
 * Finished searches' tables kept where they were computed (the server's engine worker, the
 * playground's worker) so the page can fetch any page of their rows later. Only the newest few are
 * kept: a table can hold millions of rows, and the page shows one result at a time.
 */
import type { Table } from "../index.js";
import type { RowsPage } from "./api.js";
import { rowSlice } from "./result-view.js";

/** Results kept; the oldest is dropped when another arrives. */
export const KEEP_RESULTS = 4;
/** The most rows one page may ask for. */
export const MAX_PAGE_ROWS = 1000;

interface Kept {
  readonly table: Table;
  readonly fields: readonly string[];
  readonly tz: string;
}

export class KeptResults {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly limit = KEEP_RESULTS) {}

  keep(key: string, table: Table, fields: readonly string[], tz: string): void {
    this.kept.delete(key);
    this.kept.set(key, { table, fields, tz });
    for (const old of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - this.limit))) this.kept.delete(old);
  }

  /** The page, or null when the result is no longer (or never was) kept. Bounds are checked by `pageProblem`. */
  page(key: string, offset: number, count: number): RowsPage | { readonly error: string } | null {
    const k = this.kept.get(key);
    if (!k) return null;
    const problem = pageProblem(offset, count, k.table.length);
    if (problem) return { error: problem };
    return { offset, total: k.table.length, ...rowSlice(k.table, k.fields, k.tz, offset, count) };
  }
}

/** Why `offset`/`count` do not name a page of `total` rows, or null. */
export function pageProblem(offset: number, count: number, total?: number): string | null {
  if (!Number.isSafeInteger(offset) || offset < 0) return `offset must be a whole number ≥ 0, not ${offset}`;
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_PAGE_ROWS) return `count must be a whole number from 1 to ${MAX_PAGE_ROWS}, not ${count}`;
  if (total !== undefined && offset > 0 && offset >= total) return `offset ${offset} is past the last row (the result has ${total} row${total === 1 ? "" : "s"})`;
  return null;
}
