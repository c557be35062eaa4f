/**
 * A dataset over the store as whole columns: which rows belong, and one dictionary-id column per
 * datamodel field, indexed like the rows (for `from datamodel`, `fields`, the REPL). Membership
 * and calculated columns come from the per-store caches (member-rows.ts, dataset-fields.ts); a
 * view's copies of stored fields live as long as the view. tstats reads through scanDataset
 * instead, which never builds whole columns for rows its where rejects.
 */
import { FixedLayout } from "../store/chunk-layout.js";
import { Column, NULL_ID } from "../store/column.js";
import type { EventStore } from "../store/event-store.js";
import { FieldDict } from "../store/field-dict.js";
import { DatasetFields } from "./dataset-fields.js";
import { memberRows } from "./member-rows.js";
import type { DatasetDef, DmField } from "./types.js";

export { BASE_FIELDS } from "./dataset-fields.js";

export interface DatasetView {
  readonly dataset: DatasetDef;
  /** Store rows that belong to the dataset, ascending. */
  readonly rows: Int32Array;
  /** All field definitions visible on the dataset (inherited first). */
  readonly fields: readonly DmField[];
  /** Dictionary-id vector of a datamodel field (indexed like `rows`), or undefined if not a field. */
  field(name: string): Column | undefined;
  /** `_time` of the i-th member. */
  time(i: number): number;
}

export function datasetView(store: EventStore, dataset: DatasetDef): DatasetView {
  const fields = new DatasetFields(store, dataset);
  const rows = memberRows(store, dataset);
  const columns = new Map<string, Column | undefined>();
  const compute = (name: string): Column | undefined => {
    const src = fields.source(name);
    if (!src) return undefined;
    if (src.kind === "computed") return fields.calculatedColumn(name, rows, src.value);
    const layout = new FixedLayout();
    layout.length = rows.length;
    // A field copied from the store shares the store column's dictionary, so its ids copy as they are.
    const col = new Column(name, layout, src.kind === "stored" ? src.col.dict : new FieldDict());
    if (src.kind === "stored") {
      for (let i = 0; i < rows.length; i++) {
        const id = src.col.id(rows[i] as number);
        if (id !== NULL_ID) col.set(i, id);
      }
    }
    col.seal();
    return col;
  };
  return {
    dataset,
    rows,
    fields: fields.fields,
    field: (name) => {
      if (!columns.has(name)) columns.set(name, compute(name));
      return columns.get(name);
    },
    time: (i) => store.time(rows[i] ?? -1),
  };
}
