/**
 * `scanDataset`: the rows of a CIM dataset that pass a where clause (search semantics), with the
 * requested fields over just those rows. The where's fields are read first, over the members
 * only; the other fields only for rows that pass, so a selective ESCU where
 * (`Processes.process_name=scrcons.exe`) never computes, nor reads from an opened index, the BY
 * fields of the rows it rejects. Input is plain data (a search expression and field names), so
 * a logical plan's scan node can call it as it is.
 */
import type { SearchExpr } from "../ast/nodes.js";
import { columnHandle, NULL_HANDLE, type FieldSource } from "../executor/field-source.js";
import { compileSearch } from "../executor/search-predicate.js";
import type { EventStore } from "../store/event-store.js";
import { DatasetFields, type IdVector } from "./dataset-fields.js";
import { memberRows } from "./member-rows.js";
import { rootOf } from "./registry.js";
import type { DatasetDef } from "./types.js";

export interface DatasetScanSpec {
  /** Rows must match this (null: every member). Field names as tstats writes them. */
  readonly where: SearchExpr | null;
  /** Fields to read from passing rows: `Root.field` (the root dataset's prefix), a bare dataset field, or a base field. */
  readonly fields: readonly string[];
}

export interface DatasetScanResult {
  /** Store rows that belong to the dataset and pass the where, ascending. */
  readonly rows: Int32Array;
  /** Each requested field that the dataset defines, indexed like `rows` (`_time` is `time`). */
  readonly columns: ReadonlyMap<string, IdVector>;
  /** `_time` of the i-th row. */
  time(i: number): number;
}

/** `checkpoint` counts work against the search's budget (FnContext.checkpoint) and throws when it must end. */
export function scanDataset(store: EventStore, dataset: DatasetDef, spec: DatasetScanSpec, checkpoint?: (work: number) => void): DatasetScanResult {
  const fields = new DatasetFields(store, dataset);
  const bare = bareName(dataset);
  const members = memberRows(store, dataset);
  checkpoint?.(members.length);
  const picked = spec.where ? passing(spec.where, members, fields, bare) : null;
  checkpoint?.(picked?.length ?? members.length);
  const rows = picked ? Int32Array.from(picked, (j) => members[j] as number) : members;
  const columns = new Map<string, IdVector>();
  for (const f of spec.fields) {
    if (columns.has(f)) continue;
    const col = picked ? fields.overPicked(bare(f), members, picked) : fields.overMembers(bare(f), members);
    if (col) columns.set(f, col);
  }
  return { rows, columns, time: (i) => store.time(rows[i] ?? -1) };
}

/** `Processes.process_name` → `process_name` (other names as written: base fields, bare names). */
export function bareName(dataset: DatasetDef): (field: string) => string {
  const prefix = `${rootOf(dataset).name}.`;
  return (f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f);
}

/** Positions (into `members`) of the members the where keeps. */
function passing(where: SearchExpr, members: Int32Array, fields: DatasetFields, bare: (f: string) => string): Int32Array {
  const src: FieldSource = {
    field: (f) => {
      const col = fields.overMembers(bare(f), members);
      return col ? columnHandle(col) : NULL_HANDLE;
    },
  };
  const pred = compileSearch(where, src);
  const out = new Int32Array(members.length);
  let n = 0;
  for (let j = 0; j < members.length; j++) if (pred(j)) out[n++] = j;
  return out.slice(0, n);
}
