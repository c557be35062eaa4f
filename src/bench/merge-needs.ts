/**
 * The tables several pushed searches read, one need per table with the union of their fields, so
 * the chDB bench (chdb-task.ts) loads each dataset table once, timed apart from the searches
 * (the loader would otherwise widen a table search by search, inside the first timed runs).
 */
import type { TableNeed } from "../sql/types.js";

export function mergeNeeds(needs: readonly TableNeed[]): TableNeed[] {
  const byTable = new Map<string, TableNeed>();
  for (const n of needs) {
    const have = byTable.get(n.table);
    byTable.set(n.table, have ? { ...have, fields: [...new Set([...have.fields, ...n.fields])] } : n);
  }
  return [...byTable.values()];
}
