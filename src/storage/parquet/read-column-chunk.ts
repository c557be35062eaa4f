/**
 * Turns one column chunk's bytes into the in-memory shape for its column type: ids or
 * starts/items over a Utf8Entries dictionary for strings, typed arrays for numbers, and the
 * still-compressed pages for blobs.
 */
import type { ColumnLayout } from "./column-layout.js";
import { ByteArrayValues } from "./byte-array-values.js";
import type { ColumnMetaData } from "./metadata-types.js";
import { NumberValues } from "./number-values.js";
import { readBlobPages } from "./read-blob-pages.js";
import { readLeafPages, type LeafLevels } from "./read-leaf-pages.js";
import type { ColumnChunk, DictChunk, ListChunk, Utf8Entries } from "./types.js";
import { entryCount } from "./utf8-entries.js";

/** Typed arrays index with int32; a chunk claiming more values is corrupt for our purposes. */
const MAX_VALUES = 2 ** 31 - 1;

export function readColumnChunk(buf: Uint8Array, column: ColumnLayout, meta: ColumnMetaData, numRows: number): ColumnChunk {
  const n = meta.numValues;
  if (column.maxRep === 0 && n !== numRows) throw new Error(`column chunk has ${n} values, its row group ${numRows} rows`);
  if (n < numRows || n > MAX_VALUES) throw new Error(`column chunk claims ${n} values for ${numRows} rows`);
  if (column.type === "blob") return { kind: "blob", pages: readBlobPages(buf, meta.codec, n, column.name) };
  if (column.type === "double" || column.type === "int32") {
    const sink = new NumberValues(column.physical, n);
    const lv = readLeafPages(buf, meta.codec, n, column, sink);
    if (sink.count !== numRows || (lv.def && lv.def.some((d) => d !== column.maxDef))) {
      throw new Error(`column "${column.name}" has nulls, and ${column.type} columns are read as required`);
    }
    return sink.values instanceof Float64Array ? { kind: "double", values: sink.values } : { kind: "int32", values: sink.values };
  }
  const sink = new ByteArrayValues(n);
  const lv = readLeafPages(buf, meta.codec, n, column, sink);
  const { dict, idx } = sink.finish();
  return column.type === "string" ? dictChunk(lv, idx, dict, numRows, column) : listChunk(lv, idx, dict, numRows, column);
}

function dictChunk(lv: LeafLevels, idx: Uint32Array, dict: Utf8Entries, numRows: number, column: ColumnLayout): DictChunk {
  const size = entryCount(dict);
  const ids = size < 256 ? new Uint8Array(numRows) : size < 65536 ? new Uint16Array(numRows) : new Uint32Array(numRows);
  const def = lv.def;
  if (!def) {
    for (let r = 0; r < numRows; r++) ids[r] = (idx[r] as number) + 1;
  } else {
    const max = column.maxDef;
    let j = 0;
    for (let r = 0; r < numRows; r++) if (def[r] === max) ids[r] = (idx[j++] as number) + 1;
  }
  return { kind: "dict", dict, ids };
}

/** Rows start where the repetition level is 0; an element exists from `elementDef` up; below that the row is null or empty. */
function listChunk(lv: LeafLevels, idx: Uint32Array, dict: Utf8Entries, numRows: number, column: ColumnLayout): ListChunk {
  const { def, rep } = lv;
  if (!def || !rep) throw new Error("list column without levels");
  let elements = 0;
  for (let i = 0; i < lv.levels; i++) if ((def[i] as number) >= column.elementDef) elements++;
  const starts = new Uint32Array(numRows + 1);
  const items = new Uint32Array(elements);
  let row = -1;
  let n = 0;
  let j = 0;
  for (let i = 0; i < lv.levels; i++) {
    if (rep[i] === 0) {
      if (++row >= numRows) break;
      starts[row] = n;
    } else if (row < 0) throw new Error("list column starts mid-row (repetition level not 0)");
    const d = def[i] as number;
    if (d === column.maxDef) items[n++] = (idx[j++] as number) + 1;
    else if (d >= column.elementDef) items[n++] = 0;
  }
  if (row + 1 !== numRows) throw new Error(`list column holds ${row + 1} rows, its row group ${numRows}`);
  starts[numRows] = n;
  return { kind: "list", dict, starts, items };
}
