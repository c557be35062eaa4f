/**
 * A reusable EventAccessor over one store row, for datamodel constraints and calculated fields:
 * the caller moves `row`; single values of low-cardinality fields decode without allocating.
 */
import { NULL_ID } from "../store/column.js";
import type { EventStore, StoreField } from "../store/event-store.js";
import type { EventAccessor } from "./types.js";

export class RowAccessor implements EventAccessor {
  row = 0;
  private readonly cols = new Map<string, StoreField | null>();
  constructor(private readonly store: EventStore) {}
  col(name: string): StoreField | null {
    let c = this.cols.get(name);
    if (c === undefined) this.cols.set(name, (c = this.store.column(name) ?? null));
    return c;
  }
  get(name: string): string | null {
    const col = this.col(name);
    if (!col) return null;
    if (col.kind === "blob") return col.value(this.row);
    const id = col.id(this.row);
    return id === NULL_ID ? null : col.dict.get(id);
  }
  all(name: string): readonly string[] {
    const col = this.col(name);
    if (!col) return [];
    if (col.kind === "blob") {
      const v = col.value(this.row);
      return v === null ? [] : [v];
    }
    return Array.from(col.idsAt(this.row), (id) => col.dict.get(id));
  }
  time(): number {
    return this.store.time(this.row);
  }
}
