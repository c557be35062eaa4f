/**
 * A long-text field (`_raw`, `EventData_Xml`, `UserData_Xml`): no dictionary (every value is
 * distinct), kept gzip-compressed in pages of about 64 KB of text, so `_raw` costs ~10% of its
 * size in memory. A read decompresses one page and keeps it, so a scan in row order decompresses
 * each page once.
 */
import type { ChunkLayout } from "./chunk-layout.js";
import { decodeBlobPage, encodeBlobPage } from "../storage/parquet/blob-page.js";
import type { BlobPage } from "../storage/parquet/types.js";

/** A sealed chunk: its pages and each page's first row (local to the chunk; one extra at the end). */
export interface BlobChunk {
  readonly pages: readonly BlobPage[];
  readonly starts: Uint32Array;
}

export type BlobLoader = (c: number) => BlobChunk | null;

const PAGE_BYTES = 64 * 1024;

export class BlobColumn {
  readonly kind = "blob";
  private readonly chunks: (BlobChunk | null | undefined)[] = [];
  private openChunk = -1;
  private pages: BlobPage[] = [];
  private starts: number[] = [0];
  private pending: (string | null)[] = [];
  private pendingChars = 0;
  private cacheChunk = -1;
  private cachePage = -1;
  private cacheValues: (string | null)[] = [];

  constructor(
    readonly name: string,
    private readonly layout: ChunkLayout,
    private readonly loader?: BlobLoader,
  ) {}

  value(row: number): string | null {
    const c = this.layout.chunkOf(row);
    const local = row - this.layout.start(c);
    if (c === this.openChunk) {
      const first = this.starts[this.starts.length - 1] as number;
      if (local >= first) return this.pending[local - first] ?? null;
      return this.fromPages(c, this.pages, Uint32Array.from(this.starts), local);
    }
    const chunk = this.chunk(c);
    return chunk ? this.fromPages(c, chunk.pages, chunk.starts, local) : null;
  }

  /** Sets a row of the chunk being appended (rows arrive in order). */
  set(row: number, text: string): void {
    const c = this.layout.chunkOf(row);
    if (c !== this.openChunk) {
      this.seal();
      // Appending after a compaction reopens the chunk: its pages stay, new rows follow them.
      const had = this.chunks[c];
      if (had) {
        this.pages = [...had.pages];
        this.starts = Array.from(had.starts);
        this.chunks[c] = undefined;
      }
      this.openChunk = c;
    }
    const local = row - this.layout.start(c);
    this.padTo(local);
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= PAGE_BYTES) this.flush();
  }

  /** Compresses what is pending and closes the chunk being appended. */
  seal(): void {
    if (this.openChunk < 0) return;
    this.padTo(this.layout.size(this.openChunk));
    this.flush();
    this.chunks[this.openChunk] = { pages: this.pages, starts: Uint32Array.from(this.starts) };
    if (this.cacheChunk === this.openChunk) this.cacheChunk = -1;
    this.openChunk = -1;
    this.pages = [];
    this.starts = [0];
  }

  compact(): void {
    this.seal();
  }

  /** The sealed chunk c (for the index writer), or null. */
  sealedChunk(c: number): BlobChunk | null {
    return this.chunk(c);
  }

  /** Compressed bytes held; for memory reports. */
  bytes(): number {
    let n = 0;
    for (const ch of this.chunks) if (ch) for (const p of ch.pages) n += p.data.byteLength;
    for (const p of this.pages) n += p.data.byteLength;
    return n + this.pendingChars;
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
    if (this.cacheChunk !== c || this.cachePage !== p) {
      this.cacheValues = decodeBlobPage(pages[p] as BlobPage);
      this.cacheChunk = c;
      this.cachePage = p;
    }
    return this.cacheValues[local - (starts[p] as number)] ?? null;
  }

  private chunk(c: number): BlobChunk | null {
    let ch = this.chunks[c];
    if (ch === undefined) {
      ch = this.loader ? this.loader(c) : null;
      if (this.loader) this.chunks[c] = ch;
    }
    return ch;
  }
}
