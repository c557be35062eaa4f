/**
 * The Parquet schema for a list of columns. Strings are optional BYTE_ARRAY annotated STRING
 * (logical type) and UTF8 (converted type, for older readers); a string list is the standard
 * three-level LIST (`<name>` / `list` / `element`) that DuckDB reads as VARCHAR[].
 */
import { ConvertedType, PhysicalType, Repetition } from "./constants.js";
import type { SchemaElement } from "./metadata-types.js";
import type { ColumnSchema } from "./types.js";

/** Key-value metadata entry recording each column's type; a blob and a string look alike otherwise. */
export const COLUMN_TYPES_KEY = "minispl.parquet.column_types";

const STRING_LEAF = {
  type: PhysicalType.BYTE_ARRAY,
  repetitionType: Repetition.OPTIONAL,
  convertedType: ConvertedType.UTF8,
  logicalType: "STRING",
} as const;

export function schemaElements(columns: readonly ColumnSchema[]): SchemaElement[] {
  const out: SchemaElement[] = [{ name: "schema", numChildren: columns.length }];
  for (const c of columns) {
    switch (c.type) {
      case "string":
      case "blob":
        out.push({ name: c.name, ...STRING_LEAF });
        break;
      case "string-list":
        out.push(
          { name: c.name, repetitionType: Repetition.OPTIONAL, numChildren: 1, convertedType: ConvertedType.LIST, logicalType: "LIST" },
          { name: "list", repetitionType: Repetition.REPEATED, numChildren: 1 },
          { name: "element", ...STRING_LEAF },
        );
        break;
      case "double":
        out.push({ name: c.name, type: PhysicalType.DOUBLE, repetitionType: Repetition.REQUIRED });
        break;
      case "int32":
        out.push({ name: c.name, type: PhysicalType.INT32, repetitionType: Repetition.REQUIRED });
        break;
    }
  }
  return out;
}

/** path_in_schema of a column's one leaf. */
export function leafPath(c: ColumnSchema): string[] {
  return c.type === "string-list" ? [c.name, "list", "element"] : [c.name];
}

export function physicalType(c: ColumnSchema): number {
  return c.type === "double" ? PhysicalType.DOUBLE : c.type === "int32" ? PhysicalType.INT32 : PhysicalType.BYTE_ARRAY;
}
