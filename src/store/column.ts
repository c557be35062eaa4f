/**
 * One field of the store: a growable Int32Array of dictionary ids, one per row. 0 means null, a
 * positive id is one string, -1 means the row is multivalue and its ids are in `multi`.
 */
import type { StringDict } from "./string-dict.js";
import type { Value } from "../values/value.js";

export const NULL_ID = 0;
export const MULTI_ID = -1;

export class Column {
  ids: Int32Array;
  readonly multi = new Map<number, Int32Array>();

  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.ids = new Int32Array(Math.max(16, capacity));
  }

  ensure(capacity: number): void {
    if (capacity <= this.ids.length) return;
    let n = this.ids.length;
    while (n < capacity) n *= 2;
    const next = new Int32Array(n);
    next.set(this.ids);
    this.ids = next;
  }

  set(row: number, id: number): void {
    this.ensure(row + 1);
    this.ids[row] = id;
  }

  setMulti(row: number, ids: readonly number[]): void {
    if (ids.length === 0) return this.set(row, NULL_ID);
    if (ids.length === 1) return this.set(row, ids[0] ?? NULL_ID);
    this.ensure(row + 1);
    this.ids[row] = MULTI_ID;
    this.multi.set(row, Int32Array.from(ids));
  }

  /** All ids of a row (empty for null). */
  idsAt(row: number): ArrayLike<number> {
    const id = this.ids[row] ?? NULL_ID;
    if (id === NULL_ID) return EMPTY;
    if (id === MULTI_ID) return this.multi.get(row) ?? EMPTY;
    return [id];
  }

  /** The decoded value of a row; allocates, so use ids in hot loops. */
  value(row: number, dict: StringDict): Value {
    const id = this.ids[row] ?? NULL_ID;
    if (id === NULL_ID) return null;
    if (id !== MULTI_ID) return dict.get(id);
    const ids = this.multi.get(row);
    if (!ids) return null;
    return Array.from(ids, (i) => dict.get(i));
  }
}

const EMPTY: ArrayLike<number> = new Int32Array(0);
