/**
 * A lookup table: its field names (the CSV header) and its rows, one string or null (empty cell)
 * per field. Lookup values are text, as in a CSV file; numbers compare by their text form.
 */
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";

export interface LookupTable {
  readonly fields: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
}

export const EMPTY_LOOKUP: LookupTable = { fields: [], rows: [] };

/** The rows as a result table (`inputlookup`): an empty cell is a missing field. */
export function lookupToTable(t: LookupTable): Table {
  const cols = new Map<string, Value[]>();
  t.fields.forEach((f, i) => {
    if (!cols.has(f)) cols.set(f, t.rows.map((r) => r[i] ?? null));
  });
  return Table.fromColumns([...cols.keys()], cols, t.rows.length);
}

/**
 * Results as a lookup table (`outputlookup`): every field in result order, a multivalue field
 * merged into one space-delimited value (SPL Search Reference, outputlookup: "Multivalued fields").
 */
export function tableToLookup(t: Table, max = Number.POSITIVE_INFINITY): LookupTable {
  const n = Math.min(t.length, max);
  const cols = t.fields.map((f) => t.column(f));
  const rows: (string | null)[][] = [];
  for (let r = 0; r < n; r++) rows.push(cols.map((c) => cellText(c?.[r] ?? null)));
  return { fields: [...t.fields], rows };
}

function cellText(v: Value): string | null {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => toText(x as string | number) ?? "").join(" ");
  const s = toText(v as string | number);
  return s === "" ? null : s;
}

/** Rows of `extra` re-shaped to the fields of `base` and added after its rows (`outputlookup append=true`). */
export function appendRows(base: LookupTable, extra: LookupTable): LookupTable {
  const index = new Map(extra.fields.map((f, i) => [f, i] as const));
  const moved = extra.rows.map((r) => base.fields.map((f) => {
    const i = index.get(f);
    return i === undefined ? null : (r[i] ?? null);
  }));
  return { fields: base.fields, rows: [...base.rows, ...moved] };
}
