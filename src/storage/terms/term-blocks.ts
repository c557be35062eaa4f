/**
 * The term filter of one index part: its rows cut into blocks of about BLOCK_CHARS of `_raw`, and
 * per block a Bloom filter of the trigrams of its `_raw` values (trigrams.ts, bloom.ts).
 * `TermBlocksBuilder` takes each row's `_raw` as the index appends it, before it is compressed.
 */
import { CHUNK_ROWS } from "../../store/chunk-layout.js";
import { bloomAdd, bloomHas, bloomWords } from "./bloom.js";
import { GRAM, type Trigram } from "./trigrams.js";

export interface TermBlocks {
  readonly rows: number;
  /** The row after each block's last one (ascending; the last is `rows`). */
  readonly ends: Uint32Array;
  /** Where each block's filter starts in `words`, one extra at the end. */
  readonly offsets: Uint32Array;
  readonly words: Uint32Array;
}

/**
 * Measured on 100,000 Sysmon/Security events. With 64 KB blob pages (the decompression unit),
 * blocks of one page make `mimikatz` (in 0.3% of events) read 300 of 2,789 pages, 256 KB blocks
 * 2-3x more. With 1 MB pages, the term still touches ~80% of pages whatever the block size, and
 * 64 KB blocks only spare the matcher the other rows (~10% less CPU than 256 KB blocks), at twice
 * the size (77 against 36 bytes an event).
 */
export const BLOCK_CHARS = 64 * 1024;

/**
 * Clears out[at + i] for each block i of `b` that certainly lacks one of `grams` (the trigrams of
 * a literal, literalTrigrams): the literal cannot occur in that block's `_raw`.
 */
export function ruleOut(b: TermBlocks, grams: readonly Trigram[], out: Uint8Array, at: number): void {
  for (let i = 0; i < b.ends.length; i++) {
    const from = b.offsets[i] as number;
    const n = (b.offsets[i + 1] as number) - from;
    for (const g of grams) {
      if (!bloomHas(b.words, from, n, g)) {
        out[at + i] = 0;
        break;
      }
    }
  }
}

export class TermBlocksBuilder {
  private rows = 0;
  private chars = 0;
  private readonly ends: number[] = [];
  private readonly filters: Uint32Array[] = [];
  /** The trigrams of the open block, as a bitset (256 KB: stays in cache) and a list. */
  private readonly seen = new Uint32Array((1 << 21) >>> 5);
  private grams: number[] = [];

  constructor(private readonly blockChars = BLOCK_CHARS) {}

  /** Adds the next row's `_raw` (a multivalue one as the store keeps it, joined by newlines). */
  add(raw: string | readonly string[] | undefined | null): void {
    if (raw !== undefined && raw !== null) {
      const text = typeof raw === "string" ? raw : raw.join("\n");
      this.addText(text);
      this.chars += text.length;
    }
    this.rows++;
    // The same cuts as the store's blob pages (a page is flushed once it holds PAGE_CHARS, and at
    // every chunk's end): with equal sizes a block is exactly one decompression unit.
    if (this.chars >= this.blockChars || this.rows % CHUNK_ROWS === 0) this.close();
  }

  finish(): TermBlocks {
    if (this.rows > (this.ends[this.ends.length - 1] ?? 0)) this.close();
    const offsets = new Uint32Array(this.filters.length + 1);
    this.filters.forEach((f, i) => (offsets[i + 1] = (offsets[i] as number) + f.length));
    const words = new Uint32Array(offsets[this.filters.length] as number);
    this.filters.forEach((f, i) => words.set(f, offsets[i] as number));
    return { rows: this.rows, ends: Uint32Array.from(this.ends), offsets, words };
  }

  /** forEachTrigram (trigrams.ts) inlined: this loop is most of what the term file costs an ingest. */
  private addText(text: string): void {
    const seen = this.seen;
    let g = 0;
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x80) {
        run = 0;
        continue;
      }
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      g = ((g << 7) | c) & 0x1fffff;
      if (run < GRAM) run++;
      if (run === GRAM) {
        const bit = 1 << (g & 31);
        const w = seen[g >>> 5] as number;
        if ((w & bit) === 0) {
          seen[g >>> 5] = w | bit;
          this.grams.push(g);
        }
      }
    }
  }

  private close(): void {
    const n = bloomWords(this.grams.length);
    const filter = new Uint32Array(n);
    for (const g of this.grams) {
      bloomAdd(filter, 0, n, g);
      this.seen[g >>> 5] = 0;
    }
    this.filters.push(filter);
    this.ends.push(this.rows);
    this.grams = [];
    this.chars = 0;
  }
}
