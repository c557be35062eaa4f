/**
 * Compressed pages of long text (`_raw`, XML blocks). A page is the body of a Parquet v1 data page
 * for an optional BYTE_ARRAY column — definition levels (RLE/bit-packed hybrid, bit width 1, after
 * a 4-byte length) then PLAIN values (4-byte length + UTF-8 bytes) — gzip-compressed. The same
 * bytes serve as the in-memory block and the on-disk page, so writing copies them unchanged.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { ByteSink } from "./byte-sink.js";
import { decodeHybrid, encodeHybrid } from "./rle-hybrid.js";
import type { BlobPage } from "./types.js";
import { asBuffer } from "./utf8-entries.js";

/** Encodes one page; `level` is zlib's (1 = fastest, what an ingest wants; 9 = smallest). */
export function encodeBlobPage(values: readonly (string | null)[], level = 1): BlobPage {
  const body = blobPageBody(values);
  return { rows: values.length, codec: "gzip", uncompressedSize: body.length, data: new Uint8Array(gzipSync(body, { level })) };
}

/** The uncompressed page body (also what a "none"-codec page holds). */
export function blobPageBody(values: readonly (string | null)[]): Uint8Array {
  const n = values.length;
  const defs = new Uint8Array(n);
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    defs[i] = 1;
    chars += v.length;
  }
  const sink = new ByteSink(16 + n * 4 + chars * 3);
  sink.u32le(0);
  encodeHybrid(sink, defs, n, 1);
  sink.patchU32le(0, sink.length - 4);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const at = sink.alloc(4);
    sink.patchU32le(at, sink.utf8(v));
  }
  return sink.finish();
}

/** Decodes a page back to its values (null where the row had none). */
export function decodeBlobPage(p: BlobPage): (string | null)[] {
  const body = asBuffer(p.codec === "gzip" ? gunzipSync(p.data, { maxOutputLength: Math.max(p.uncompressedSize, 1) }) : p.data);
  if (body.length !== p.uncompressedSize) throw new Error(`blob page holds ${body.length} bytes, expected ${p.uncompressedSize}`);
  if (body.length < 4) throw new Error("blob page too short for its definition levels");
  const levelsEnd = 4 + body.readUInt32LE(0);
  if (levelsEnd > body.length) throw new Error("blob page definition levels past the end of the page");
  const defs = new Uint8Array(p.rows);
  decodeHybrid(body, 4, levelsEnd, 1, defs, 0, p.rows);
  const out: (string | null)[] = new Array(p.rows);
  let at = levelsEnd;
  for (let r = 0; r < p.rows; r++) {
    if (defs[r] === 0) {
      out[r] = null;
      continue;
    }
    if (at + 4 > body.length) throw new Error("blob page value past the end of the page");
    const end = at + 4 + body.readUInt32LE(at);
    if (end > body.length) throw new Error("blob page value past the end of the page");
    out[r] = body.utf8Slice(at + 4, end);
    at = end;
  }
  return out;
}
