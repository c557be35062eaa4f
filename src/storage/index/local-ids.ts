/**
 * An index row group's string column as a store chunk with ids local to the row group's own
 * dictionary (column.ts `LocalIds`). Reading a chunk used to intern every dictionary entry into
 * the field's dictionary at once: a tstats that keeps 40 rows of a row group still interned its
 * 40,000 distinct command lines. Now an entry is interned when a row that holds it is first read,
 * and a search test reads entries without interning them at all (Column.anyValueTest).
 */
import { compact, type IdChunk, type LocalIds } from "../../store/column.js";
import type { FieldDict } from "../../store/field-dict.js";
import { entryBytes, entryCount, entryString, type DictChunk, type ListChunk, type Utf8Entries } from "../parquet/index.js";

/** A dictionary chunk: local id k is entry k-1, as the Parquet reader numbers them. */
export function dictIdChunk(chunk: DictChunk, rows: number, dict: FieldDict): IdChunk | null {
  const ids = chunk.ids instanceof Uint32Array ? chunk.ids : Uint32Array.from(chunk.ids);
  const sealed = compact(ids, rows);
  if (!sealed) return null;
  const entries = owned(chunk.dict);
  const remap = new Uint32Array(entryCount(entries) + 1);
  const local: LocalIds = {
    remap,
    bytes: sealedBytes(sealed) + remap.byteLength + entriesBytes(entries),
    resolve: (k) => (remap[k] = dict.internBytes(entryBytes(entries, k - 1))),
    anyValue: (k, test) => test(entryString(entries, k - 1)),
    isNull: () => false,
  };
  return { ...sealed, local };
}

/**
 * A list chunk (multivalue rows, `tag`, `_datasets`): local ids 1..n are the entries, n+1… the
 * chunk's distinct lists of two or more items, each interned as one combo when first read.
 */
export function listIdChunk(chunk: ListChunk, rows: number, dict: FieldDict): IdChunk | null {
  const n = entryCount(chunk.dict);
  const { ids, lists } = distinctLists(chunk, rows, n);
  const sealed = compact(ids, rows);
  if (!sealed) return null;
  const entries = owned(chunk.dict);
  const remap = new Uint32Array(n + lists.length + 1);
  const entry = (k: number): number => (remap[k] ||= dict.internBytes(entryBytes(entries, k - 1)));
  const listOf = (k: number): Uint32Array => lists[k - n - 1] as Uint32Array;
  const local: LocalIds = {
    remap,
    bytes: sealedBytes(sealed) + remap.byteLength + entriesBytes(entries) + (lists.length > 0 ? chunk.items.byteLength + lists.length * 16 : 0),
    resolve(k) {
      if (k <= n) return entry(k);
      // Null elements (only foreign files have them) are dropped; what is left may be one value.
      const members = Array.from(listOf(k), (e) => (e === 0 ? 0 : entry(e))).filter((x) => x !== 0);
      // A list of null elements only is null: remap stays 0 and the row reads as null every time.
      return (remap[k] = members.length > 1 ? dict.internCombo(members) : (members[0] ?? 0));
    },
    anyValue(k, test) {
      if (k <= n) return test(entryString(entries, k - 1));
      for (const e of listOf(k)) if (e !== 0 && test(entryString(entries, e - 1))) return true;
      return false;
    },
    isNull: (k) => k > n && listOf(k).every((e) => e === 0),
  };
  return { ...sealed, local };
}

/**
 * Per row its local id: the entry for a one-item list, n + the list's number for longer ones.
 * Lists are told apart by a hash of their items, confirmed item by item (joining the items into
 * a string key per row cost a third of reading `_datasets`).
 */
function distinctLists(chunk: ListChunk, rows: number, n: number): { ids: Uint32Array; lists: Uint32Array[] } {
  const { starts, items } = chunk;
  const ids = new Uint32Array(rows);
  const lists: Uint32Array[] = [];
  const byHash = new Map<number, number[]>();
  for (let r = 0; r < rows; r++) {
    const a = starts[r] as number;
    const b = starts[r + 1] as number;
    if (b - a === 1) ids[r] = items[a] as number;
    if (b - a <= 1) continue;
    let h = 0x811c9dc5;
    for (let i = a; i < b; i++) h = Math.imul(h ^ (items[i] as number), 0x01000193);
    const bucket = byHash.get(h);
    let id = 0;
    if (bucket) for (const k of bucket) if (sameItems(lists[k - n - 1] as Uint32Array, items, a, b)) id = k;
    if (id === 0) {
      lists.push(items.subarray(a, b));
      id = n + lists.length;
      if (bucket) bucket.push(id);
      else byHash.set(h, [id]);
    }
    ids[r] = id;
  }
  return { ids, lists };
}

function sameItems(list: Uint32Array, items: Uint32Array, a: number, b: number): boolean {
  if (list.length !== b - a) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== items[a + i]) return false;
  return true;
}

/**
 * The entries with a pool of their own: a dictionary page read without compression is a view
 * into the whole column chunk's bytes, which a kept chunk would otherwise keep alive.
 */
function owned(e: Utf8Entries): Utf8Entries {
  if (e.pool.buffer.byteLength <= e.pool.byteLength * 2) return e;
  return { pool: e.pool.slice(), offsets: e.offsets };
}

function entriesBytes(e: Utf8Entries): number {
  return e.pool.byteLength + e.offsets.byteLength;
}

function sealedBytes(c: IdChunk): number {
  return c.ids.byteLength + (c.at?.byteLength ?? 0);
}
