/**
 * Reads a file's schema into the columns this module understands: for each top-level field, its
 * kind, its leaf's index in every row group's column list, and its maximum definition and
 * repetition levels. Fields of other shapes are listed as unsupported (with the reason) rather
 * than failing the whole file, so a reader can still use the columns it knows.
 */
import { ConvertedType, PhysicalType, Repetition, enumName } from "./constants.js";
import type { SchemaElement } from "./metadata-types.js";
import type { ColumnSchema, ColumnType } from "./types.js";

export interface ColumnLayout extends ColumnSchema {
  /** Index of the column's leaf in RowGroup.columns. */
  readonly leaf: number;
  readonly physical: number;
  readonly maxDef: number;
  readonly maxRep: number;
  /** For lists: the definition level at which a list element exists (null or not). */
  readonly elementDef: number;
}

export interface FileLayout {
  readonly columns: readonly ColumnLayout[];
  readonly unsupported: ReadonlyMap<string, string>;
  readonly leafCount: number;
}

interface Node {
  readonly el: SchemaElement;
  readonly children: readonly Node[];
}

export function layoutColumns(schema: readonly SchemaElement[], declared: ReadonlyMap<string, string>): FileLayout {
  const root = parseTree(schema);
  const columns: ColumnLayout[] = [];
  const unsupported = new Map<string, string>();
  let leaf = 0;
  for (const field of root.children) {
    const r = recognise(field, declared);
    if (typeof r === "string") unsupported.set(field.el.name, r);
    else columns.push({ ...r, name: field.el.name, leaf });
    leaf += leafCount(field);
  }
  return { columns, unsupported, leafCount: leaf };
}

function recognise(field: Node, declared: ReadonlyMap<string, string>): Omit<ColumnLayout, "name" | "leaf"> | string {
  const el = field.el;
  const opt = el.repetitionType === Repetition.OPTIONAL ? 1 : 0;
  if (el.repetitionType === Repetition.REPEATED) return "a repeated field outside a LIST";
  if (el.type !== undefined) {
    const base = { physical: el.type, maxDef: opt, maxRep: 0, elementDef: 0 };
    if (el.type === PhysicalType.BYTE_ARRAY) {
      const type: ColumnType = opt && declared.get(el.name) === "blob" ? "blob" : "string";
      return { ...base, type };
    }
    if (el.type === PhysicalType.DOUBLE) return { ...base, type: "double" };
    if (el.type === PhysicalType.INT32) return { ...base, type: "int32" };
    return `physical type ${enumName(PhysicalType, el.type)}`;
  }
  const isList = el.logicalType === "LIST" || el.convertedType === ConvertedType.LIST;
  const rep = field.children[0];
  const item = rep?.children[0];
  if (!isList || field.children.length !== 1 || !rep || rep.el.repetitionType !== Repetition.REPEATED || rep.children.length !== 1 || !item) {
    return "a nested group (only a LIST of strings is supported)";
  }
  if (item.el.type !== PhysicalType.BYTE_ARRAY || item.el.repetitionType === Repetition.REPEATED) {
    return "a LIST whose elements are not strings";
  }
  const elementDef = opt + 1;
  return {
    type: "string-list",
    physical: PhysicalType.BYTE_ARRAY,
    maxDef: elementDef + (item.el.repetitionType === Repetition.OPTIONAL ? 1 : 0),
    maxRep: 1,
    elementDef,
  };
}

function leafCount(n: Node): number {
  if (n.el.type !== undefined) return 1;
  let c = 0;
  for (const child of n.children) c += leafCount(child);
  return c;
}

/** The flat, depth-first schema list as a tree; checks child counts against the list's length. */
function parseTree(schema: readonly SchemaElement[]): Node {
  let i = 0;
  const node = (depth: number): Node => {
    const el = schema[i++];
    if (!el) throw new Error("schema ends before all its children are listed");
    if (depth > 32) throw new Error("schema nested too deeply");
    const n = el.type === undefined ? (el.numChildren ?? 0) : 0;
    if (n < 0 || n > schema.length - i) throw new Error(`schema element "${el.name}" claims ${n} children`);
    const children: Node[] = [];
    for (let k = 0; k < n; k++) children.push(node(depth + 1));
    return { el, children };
  };
  const root = node(0);
  if (i !== schema.length) throw new Error(`schema has ${schema.length - i} elements outside its root`);
  return root;
}
