/**
 * A wildcard `rename <from*> AS <to*>` right after an event search (row-steps.ts), on the scan's
 * own table: `_time`, then the store's fields some matched event has a value in, in store order
 * (executor/store-scan.ts materialise). Table.renamed applies it: a target takes the column of the
 * last present field (table order) mapped to it, else keeps its own; a present field mapped
 * elsewhere is gone. "Present" is data: `max(notEmpty(v)) OVER ()` over the matched events
 * (presenceColumn), which the events source computes before any later filter.
 */
import { wildcardTarget } from "../commands/rename.js";
import { fieldPattern } from "../executor/wildcard.js";
import { EMPTY } from "./compile-eval-value.js";
import { NotPushable } from "./compile-where.js";
import type { RowValue } from "./row-steps.js";
import { encodeName, fieldColumns } from "./sql-text.js";

/** The column telling whether some matched event has a value of store field `f` (the events source defines it). */
export function presenceColumn(f: string): string {
  return `h_${encodeName(f)}`;
}

/** Throws NotPushable when the rename cannot be computed here (`first`: it is the first step). */
export function checkWildcardRename(from: string, to: string, storeFields: readonly string[] | undefined, first: boolean): void {
  if (!first) throw new NotPushable(`rename ${from} AS ${to} (a wildcard) after another step`);
  if (!storeFields) throw new NotPushable(`rename ${from} AS ${to} (a wildcard; the store's fields are not known)`);
  const re = fieldPattern(from);
  const matched = storeFields.filter((f) => re.test(f));
  if (re.test("_time") || matched.some((f) => wildcardTarget(re, to, f) === "_time")) throw new NotPushable(`rename ${from} AS ${to} (a wildcard that renames _time or onto it)`);
  if (matched.length > 200) throw new NotPushable(`rename ${from} AS ${to} matches ${matched.length} fields`);
}

/**
 * What `name` holds after the rename; `use` marks a store field read, `present` one whose
 * presence column the source must compute.
 */
export function wildcardRenameValue(from: string, to: string, name: string, storeFields: readonly string[], use: (f: string) => void, present: (f: string) => void): RowValue {
  const re = fieldPattern(from);
  const sources = storeFields.filter((f) => wildcardTarget(re, to, f) === name);
  const own = storeFields.includes(name);
  const target = wildcardTarget(re, to, name);
  const movedAway = own && target !== null && target !== name;
  if (sources.length === 0) return movedAway ? { kind: "null" } : { kind: "store", field: name };
  // A field absent from the store has no values: a lone source is the value as it is.
  if (sources.length === 1 && (!own || movedAway)) return { kind: "store", field: sources[0] as string };
  const parts: string[] = [];
  for (const f of [...sources].reverse()) {
    present(f);
    use(f);
    parts.push(presenceColumn(f), fieldColumns(f).values);
  }
  if (own && !movedAway) use(name);
  const rest = own && !movedAway ? fieldColumns(name).values : EMPTY;
  return { kind: "expr", value: { sql: `multiIf(${parts.join(", ")}, ${rest})`, ty: "mv" } };
}
