/**
 * The term filter of one index part: its rows cut into blocks of about BLOCK_CHARS of `_raw`, and
 * per block a Bloom filter of the trigrams of its `_raw` values (trigrams.ts, bloom.ts).
 * `TermBlocksBuilder` takes each row's `_raw` as the index appends it, before it is compressed.
 */
import { CHUNK_ROWS } from "../../store/chunk-layout.js";
import { bloomAddAll, bloomHas, bloomWords } from "./bloom.js";
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

/** Per UTF-16 code unit: the ASCII unit a trigram holds (letters lower-cased), -1 for non-ASCII. */
const FOLD = new Int8Array(0x10000).fill(-1);
for (let c = 0; c < 0x80; c++) FOLD[c] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;

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

  /**
   * forEachTrigram (trigrams.ts) inlined: this loop is most of what the term file costs an ingest.
   * The same trigrams with less work per character: one table load folds the case and flags a
   * non-ASCII unit (FOLD), and instead of counting the ASCII run, `valid` is the first offset
   * where the last GRAM units are ASCII again (measured: ~25% less than the run counter).
   */
  private addText(text: string): void {
    const seen = this.seen;
    const grams = this.grams;
    const n = text.length;
    let g = 0;
    let valid = GRAM - 1;
    for (let i = 0; i < n; i++) {
      const c = FOLD[text.charCodeAt(i)] as number;
      if (c < 0) {
        valid = i + GRAM;
        continue;
      }
      g = ((g << 7) | c) & 0x1fffff;
      if (i < valid) continue;
      const k = g >>> 5;
      const bit = 1 << (g & 31);
      const w = seen[k] as number;
      if ((w & bit) === 0) {
        seen[k] = w | bit;
        grams.push(g);
      }
    }
  }

  private close(): void {
    const grams = this.grams;
    const n = bloomWords(grams.length);
    const filter = new Uint32Array(n);
    bloomAddAll(filter, n, grams);
    const seen = this.seen;
    for (let k = 0; k < grams.length; k++) seen[(grams[k] as number) >>> 5] = 0;
    this.filters.push(filter);
    this.ends.push(this.rows);
    this.grams = [];
    this.chars = 0;
  }
}
