/**
 * A long-text field (`_raw`, `EventData_Xml`, `UserData_Xml`): no dictionary (every value is
 * distinct), kept Brotli-compressed in pages of about 1 MB of text, so `_raw` costs ~10% of its
 * size in memory. A read decompresses one page and keeps it (decoding only the rows read), so a
 * scan in row order decompresses each page once.
 *
 * A column may have a base column (`EventData_Xml` has `_raw`): a value that is a substring of the
 * same row's base value is kept as a span (offset and length, blob-spans.ts) instead of a second
 * compressed copy of the same text. The XML blocks are byte-for-byte slices of `_raw`, so they
 * cost 8 bytes per event instead of ~40% of `_raw`'s compressed size.
 */
import type { ChunkLayout } from "./chunk-layout.js";
import { encodeBlobPage, OpenBlobPage } from "../storage/parquet/blob-page.js";
import type { BlobPage } from "../storage/parquet/types.js";
import { SpanBuilder, spanAt, type BlobSpans } from "./blob-spans.js";
import type { ChunkAccounting } from "./column.js";

/**
 * A sealed chunk: its pages, each page's first row (local to the chunk; one extra at the end),
 * and the rows kept as spans of the base column (their page rows are null).
 */
export interface BlobChunk {
  readonly pages: readonly BlobPage[];
  readonly starts: Uint32Array;
  readonly spans?: BlobSpans | null;
}

export type BlobLoader = (c: number) => BlobChunk | null;

/**
 * Text per page. Brotli finds the repeats between events (the same XML tags, provider GUIDs and
 * paths) within a page: 1 MB compresses ~2x better than 64 KB. A read of one row decompresses its
 * whole page (~1-2 ms at 700 MB/s).
 */
export const PAGE_CHARS = 1024 * 1024;

export class BlobColumn {
  readonly kind = "blob";
  private readonly chunks: (BlobChunk | null | undefined)[] = [];
  private openChunk = -1;
  private pages: BlobPage[] = [];
  private starts: number[] = [0];
  private pending: (string | null)[] = [];
  private pendingChars = 0;
  private spans = new SpanBuilder();
  private cacheChunk = -1;
  private cachePage = -1;
  private cachePageBody: OpenBlobPage | null = null;
  /** Rows set with their own text, and rows set as spans of the base column. */
  private ownRows = 0;
  private spanRows = 0;

  constructor(
    readonly name: string,
    private readonly layout: ChunkLayout,
    private readonly loader?: BlobLoader,
    /** The column whose values this one's spans point into (the store's `_raw`). */
    private readonly base?: () => BlobColumn | undefined,
    /** An opened index's chunk budget: loaded chunks may be dropped and read again. */
    private readonly cache?: ChunkAccounting,
  ) {}

  value(row: number): string | null {
    const c = this.layout.chunkOf(row);
    const local = row - this.layout.start(c);
    if (c === this.openChunk) {
      const at = this.spans.at(local);
      if (at >= 0) return this.slice(row, at, this.spans.len(local));
      const first = this.starts[this.starts.length - 1] as number;
      if (local >= first) return this.pending[local - first] ?? null;
      return this.fromPages(c, this.pages, Uint32Array.from(this.starts), local);
    }
    const chunk = this.chunk(c);
    if (!chunk) return null;
    if (chunk.spans) {
      const at = spanAt(chunk.spans, local);
      if (at >= 0) return this.slice(row, at, chunk.spans.len[local] as number);
    }
    return this.fromPages(c, chunk.pages, chunk.starts, local);
  }

  /**
   * Sets a row of the chunk being appended (rows arrive in order). `baseText` is the row's value
   * of the base column: when `text` is found in it, the row keeps only where.
   */
  set(row: number, text: string, baseText?: string): void {
    const c = this.layout.chunkOf(row);
    if (c !== this.openChunk) this.open(c);
    const local = row - this.layout.start(c);
    this.padTo(local);
    const at = baseText !== undefined && this.base ? baseText.indexOf(text) : -1;
    if (at >= 0) {
      this.spans.set(local, at, text.length, this.layout.capacity(c));
      this.pending.push(null);
      this.spanRows++;
      return;
    }
    this.pending.push(text);
    this.pendingChars += text.length;
    this.ownRows++;
    if (this.pendingChars >= PAGE_CHARS) this.flush();
  }

  /** Compresses what is pending and closes the chunk being appended. */
  seal(): void {
    if (this.openChunk < 0) return;
    const size = this.layout.size(this.openChunk);
    this.padTo(size);
    this.flush();
    this.chunks[this.openChunk] = { pages: this.pages, starts: Uint32Array.from(this.starts), spans: this.spans.finish(size) };
    if (this.cacheChunk === this.openChunk) this.cacheChunk = -1;
    this.openChunk = -1;
    this.pages = [];
    this.starts = [0];
  }

  compact(): void {
    this.seal();
  }

  /** True when every value set is a span of the base column (what the index stores as offsets only). */
  get spansOnly(): boolean {
    return this.spanRows > 0 && this.ownRows === 0;
  }

  /** True when some value set is a span of the base column. */
  get hasSpans(): boolean {
    return this.spanRows > 0;
  }

  /** The sealed chunk c (for the index writer), or null. */
  sealedChunk(c: number): BlobChunk | null {
    return this.chunk(c);
  }

  /** Compressed bytes held, spans included; for memory reports. */
  bytes(): number {
    let n = 0;
    for (const ch of this.chunks) if (ch) n += chunkBytes(ch);
    for (const p of this.pages) n += p.data.byteLength;
    return n + this.pendingChars + this.spans.bytes();
  }

  private open(c: number): void {
    this.seal();
    // Appending after a compaction reopens the chunk: its pages and spans stay, new rows follow them.
    const had = this.chunks[c];
    if (had) {
      this.pages = [...had.pages];
      this.starts = Array.from(had.starts);
      if (had.spans) this.spans.reopen(had.spans, this.layout.capacity(c));
      this.chunks[c] = undefined;
    }
    this.openChunk = c;
  }

  private slice(row: number, at: number, len: number): string | null {
    const text = this.base?.()?.value(row);
    return text == null ? null : text.slice(at, at + len);
  }

  private padTo(local: number): void {
    const first = this.starts[this.starts.length - 1] as number;
    while (first + this.pending.length < local) this.pending.push(null);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.pages.push(encodeBlobPage(this.pending));
    this.starts.push((this.starts[this.starts.length - 1] as number) + this.pending.length);
    this.pending = [];
    this.pendingChars = 0;
  }

  private fromPages(c: number, pages: readonly BlobPage[], starts: Uint32Array, local: number): string | null {
    let p = 0;
    let hi = starts.length - 2;
    while (p < hi) {
      const mid = (p + hi + 1) >>> 1;
      if ((starts[mid] as number) <= local) p = mid;
      else hi = mid - 1;
    }
    if (p >= pages.length) return null;
    if (this.cacheChunk !== c || this.cachePage !== p || !this.cachePageBody) {
      this.cachePageBody = OpenBlobPage.open(pages[p] as BlobPage);
      this.cacheChunk = c;
      this.cachePage = p;
    }
    return this.cachePageBody.value(local - (starts[p] as number));
  }

  private lastTouched = -1;

  private chunk(c: number): BlobChunk | null {
    let ch = this.chunks[c];
    if (ch === undefined) {
      ch = this.loader ? this.loader(c) : null;
      if (this.loader) {
        this.chunks[c] = ch;
        if (ch && this.cache) this.cache.loaded(this.cacheKey(c), { bytes: chunkBytes(ch), evict: () => this.evict(c) });
      }
      this.lastTouched = c;
    } else if (this.cache && ch !== null && c !== this.lastTouched) {
      this.cache.touch(this.cacheKey(c));
      this.lastTouched = c;
    }
    return ch;
  }

  private cacheKey(c: number): string {
    return `${this.name}\u0000${c}`;
  }

  /** Drops a loaded chunk (the chunk cache's budget); the next read loads it again. */
  private evict(c: number): void {
    if (c === this.openChunk) return;
    this.chunks[c] = undefined;
    if (this.cacheChunk === c) this.cacheChunk = -1;
    if (this.lastTouched === c) this.lastTouched = -1;
  }
}

function chunkBytes(ch: BlobChunk): number {
  let n = ch.spans ? ch.spans.at.byteLength + ch.spans.len.byteLength : 0;
  for (const p of ch.pages) n += p.data.byteLength;
  return n;
}
