/**
 * How compiled search predicates read fields: a FieldSource resolves a field name once to a
 * handle, and the handle builds row predicates. Dictionary-backed handles memoise the test per
 * distinct string id, so `process_name=scrcons.exe` over a million rows runs the string match
 * once per distinct process name.
 */
import type { Column } from "../store/column.js";
import { MULTI_ID, NULL_ID } from "../store/column.js";
import type { StringDict } from "../store/string-dict.js";
import type { Value } from "../values/value.js";
import { toText } from "../values/value.js";
import type { Table } from "./table.js";

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

/** A handle over a dictionary-id column (store columns and datamodel views). */
export function columnHandle(col: Column, dict: StringDict): FieldHandle {
  return {
    exists: () => (row) => (col.ids[row] ?? NULL_ID) !== NULL_ID,
    anyValue(test) {
      let memo = new Uint8Array(dict.size + 1);
      const check = (id: number): boolean => {
        if (id >= memo.length) {
          const next = new Uint8Array(dict.size + 1);
          next.set(memo);
          memo = next;
        }
        let m = memo[id] as number;
        if (m === 0) memo[id] = m = test(dict.get(id)) ? 2 : 1;
        return m === 2;
      };
      return (row) => {
        const id = col.ids[row] ?? NULL_ID;
        if (id === NULL_ID) return false;
        if (id !== MULTI_ID) return check(id);
        const ids = col.multi.get(row);
        if (!ids) return false;
        for (let i = 0; i < ids.length; i++) if (check(ids[i] as number)) return true;
        return false;
      };
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
