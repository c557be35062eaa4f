/**
 * Compressed pages of long text (`_raw`, XML blocks). A page is the body of a Parquet v1 data page
 * for an optional BYTE_ARRAY column — definition levels (RLE/bit-packed hybrid, bit width 1, after
 * a 4-byte length) then PLAIN values (4-byte length + UTF-8 bytes) — Brotli-compressed (gzip in
 * indexes of format 2 and other writers' files). The same bytes serve as the in-memory block and
 * the on-disk page, so writing copies them unchanged.
 */
import { ByteSink } from "./byte-sink.js";
import { codecNumber, compressWith, decompress, type PageCodec } from "./codec.js";
import { decodeHybrid, encodeHybrid } from "./rle-hybrid.js";
import type { BlobPage } from "./types.js";
import { asBuffer } from "./utf8-entries.js";

/** Encodes one page. A page without text (nulls, empty strings) is left uncompressed: it is a few bytes. */
export function encodeBlobPage(values: readonly (string | null)[], codec: PageCodec = "brotli"): BlobPage {
  const body = blobPageBody(values);
  const c = values.some((v) => v) ? codec : "none";
  return { rows: values.length, codec: c, uncompressedSize: body.length, data: c === "none" ? body : compressWith(c, body) };
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

/**
 * A decompressed page with each row's place in it: a read of one row decodes that row's text
 * only (a 1 MB page holds ~500 events; a search showing a few of them should not build 500
 * strings).
 */
export class OpenBlobPage {
  private lastRow = -1;
  private lastText: string | null = null;

  private constructor(
    private readonly body: ReturnType<typeof asBuffer>,
    /** Row r's UTF-8 bytes are body[starts[r], ends[r]); starts[r] = -1 for null. */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  static open(p: BlobPage): OpenBlobPage {
    if (p.codec === "none" && p.data.length !== p.uncompressedSize) throw new Error(`blob page holds ${p.data.length} bytes, expected ${p.uncompressedSize}`);
    let body: ReturnType<typeof asBuffer>;
    try {
      body = asBuffer(decompress(codecNumber(p.codec), p.data, p.uncompressedSize));
    } catch (e) {
      throw new Error(`blob page: ${(e as Error).message}, expected ${p.uncompressedSize} bytes`, { cause: e });
    }
    if (body.length < 4) throw new Error("blob page too short for its definition levels");
    const levelsEnd = 4 + body.readUInt32LE(0);
    if (levelsEnd > body.length) throw new Error("blob page definition levels past the end of the page");
    const defs = new Uint8Array(p.rows);
    decodeHybrid(body, 4, levelsEnd, 1, defs, 0, p.rows);
    const starts = new Int32Array(p.rows).fill(-1);
    const ends = new Int32Array(p.rows);
    let at = levelsEnd;
    for (let r = 0; r < p.rows; r++) {
      if (defs[r] === 0) continue;
      if (at + 4 > body.length) throw new Error("blob page value past the end of the page");
      const end = at + 4 + body.readUInt32LE(at);
      if (end > body.length) throw new Error("blob page value past the end of the page");
      starts[r] = at + 4;
      ends[r] = end;
      at = end;
    }
    return new OpenBlobPage(body, starts, ends);
  }

  get rows(): number {
    return this.starts.length;
  }

  /** Row r's text; the last row read is kept, as a search often tests one row's `_raw` several times. */
  value(r: number): string | null {
    if (r === this.lastRow) return this.lastText;
    const s = this.starts[r];
    const text = s === undefined || s < 0 ? null : this.body.utf8Slice(s, this.ends[r] as number);
    this.lastRow = r;
    this.lastText = text;
    return text;
  }
}

/** Decodes a page back to its values (null where the row had none). */
export function decodeBlobPage(p: BlobPage): (string | null)[] {
  const page = OpenBlobPage.open(p);
  return Array.from({ length: page.rows }, (_, r) => page.value(r));
}
