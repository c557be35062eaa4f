/**
 * How compiled search predicates read fields: a FieldSource resolves a field name once to a
 * handle, and the handle builds row predicates. Dictionary-backed handles memoise the test per
 * distinct string id, so `process_name=scrcons.exe` over a million rows runs the string match
 * once per distinct process name.
 */
import type { BlobColumn } from "../store/blob-column.js";
import { IdMemo, NULL_ID, type Column } from "../store/column.js";
import type { StoreField } from "../store/event-store.js";
import type { Value } from "../values/value.js";
import { toText } from "../values/value.js";
import type { Table } from "../table/table.js";

export type RowTest = (row: number) => boolean;

export interface FieldHandle {
  /** True when any value of the field satisfies `test`. */
  anyValue(test: (v: string) => boolean): RowTest;
  /** True when the field has a value. */
  exists(): RowTest;
}

export interface FieldSource {
  field(name: string): FieldHandle;
}

const NEVER: RowTest = () => false;
export const NULL_HANDLE: FieldHandle = { anyValue: () => NEVER, exists: () => NEVER };

/** A handle over a store field or a datamodel view column. */
export function storeFieldHandle(col: StoreField): FieldHandle {
  return col.kind === "blob" ? blobHandle(col) : columnHandle(col);
}

/**
 * A handle over a dictionary-id column: the test runs once per distinct id (a combo: any member).
 * A store column tests an index's row groups on their own dictionaries (Column.anyValueTest).
 */
export function columnHandle(col: Pick<Column, "dict" | "id"> & Partial<Pick<Column, "anyValueTest" | "has">>): FieldHandle {
  return {
    exists: () => (col.has ? (row) => (col.has as Column["has"]).call(col, row) : (row) => col.id(row) !== NULL_ID),
    anyValue(test) {
      if (col.anyValueTest) return col.anyValueTest(test);
      const memo = new IdMemo(col.dict, test);
      return (row) => {
        const id = col.id(row);
        return id !== NULL_ID && memo.check(id);
      };
    },
  };
}

/** Long text has no dictionary: the test runs per row, on the decompressed value. */
function blobHandle(col: BlobColumn): FieldHandle {
  return {
    exists: () => (row) => col.value(row) !== null,
    anyValue: (test) => (row) => {
      const v = col.value(row);
      return v !== null && test(v);
    },
  };
}

/** A handle over a materialised result column. */
export function valuesHandle(values: readonly Value[]): FieldHandle {
  return {
    exists: () => (row) => (values[row] ?? null) !== null,
    anyValue: (test) => (row) => {
      const v = values[row] ?? null;
      if (v === null) return false;
      if (Array.isArray(v)) return v.some((x) => test(toText(x) ?? ""));
      return test(toText(v as string | number) ?? "");
    },
  };
}

/** Field access over a result table. */
export function tableSource(table: Table): FieldSource {
  return {
    field(name) {
      const col = table.column(name);
      return col ? valuesHandle(col) : NULL_HANDLE;
    },
  };
}
