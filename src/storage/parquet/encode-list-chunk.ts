/**
 * Encodes a "string-list" column chunk: the three-level LIST of optional strings. Levels per
 * element: repetition 0 starts a row, 1 continues it; definition 0 = null row, 2 = null element,
 * 3 = a value. An empty range is written as a null list.
 */
import { ByteSink } from "./byte-sink.js";
import { DictRemap } from "./dict-remap.js";
import type { EncodedChunk } from "./encoded-chunk.js";
import { encodeDictPages, writeLevels } from "./encode-dict-pages.js";
import type { ListChunk } from "./types.js";
import { utf8Entries } from "./utf8-entries.js";

const EMPTY = utf8Entries([]);

export function encodeListChunk(chunk: ListChunk | undefined, numRows: number): EncodedChunk {
  if (chunk) checkStarts(chunk, numRows);
  const starts = chunk?.starts;
  const items = chunk?.items;
  const dict = chunk?.dict ?? EMPTY;
  let entries = 0;
  for (let r = 0; r < numRows; r++) entries += starts ? Math.max(1, (starts[r + 1] as number) - (starts[r] as number)) : 1;
  const reps = new Uint8Array(entries);
  const defs = new Uint8Array(entries);
  const remap = new DictRemap(dict, entries);
  const indices = new Uint32Array(entries);
  let count = 0;
  let p = 0;
  for (let r = 0; r < numRows; r++) {
    const s = starts ? (starts[r] as number) : 0;
    const e = starts ? (starts[r + 1] as number) : 0;
    if (e === s || !items) {
      p++; // reps[p] = defs[p] = 0: a null row
      continue;
    }
    for (let j = s; j < e; j++, p++) {
      reps[p] = j === s ? 0 : 1;
      const k = items[j] as number;
      if (k === 0) defs[p] = 2;
      else {
        defs[p] = 3;
        indices[count++] = remap.index(k);
      }
    }
  }
  const sink = new ByteSink(64 + entries);
  writeLevels(sink, reps, entries, 1);
  writeLevels(sink, defs, entries, 3);
  return encodeDictPages(sink, entries, entries - count, { dict, remap, indices, count });
}

function checkStarts(c: ListChunk, numRows: number): void {
  if (c.starts.length !== numRows + 1) throw new Error(`${c.starts.length} starts for ${numRows} rows (need rows + 1)`);
  for (let r = 0; r < numRows; r++) {
    if ((c.starts[r + 1] as number) < (c.starts[r] as number)) throw new Error(`starts decrease at row ${r}`);
  }
  if ((c.starts[numRows] as number) > c.items.length) throw new Error(`starts end at ${c.starts[numRows]}, past ${c.items.length} items`);
}
