/**
 * Renumbers the dictionary ids a chunk uses into dense 0-based indices, in order of first use.
 * Entries no row uses are dropped: callers may pass one store-wide dictionary for every row
 * group, and each chunk then carries only the entries its rows reference.
 *
 * The id -> index map is a shared scratch array sized to the largest dictionary seen, with a
 * generation stamp per slot instead of clearing: with a million-entry store dictionary, a fresh
 * zeroed map per chunk cost more than encoding the chunk.
 */
import type { Utf8Entries } from "./types.js";

let stamps = new Uint32Array(0);
let slots = new Uint32Array(0);
let generation = 0;

export class DictRemap {
  /** order[i] = the source entry (0-based) that became index i. */
  readonly order: Uint32Array;
  used = 0;
  private readonly size: number;
  private readonly gen: number;

  constructor(dict: Utf8Entries, maxUses: number) {
    this.size = dict.offsets.length - 1;
    if (this.size < 0) throw new Error("dictionary offsets are empty (need n+1 entries)");
    const last = dict.offsets[this.size] as number;
    if (last > dict.pool.length) throw new Error(`dictionary offsets end at ${last}, past its ${dict.pool.length}-byte pool`);
    if (stamps.length < this.size + 1 || generation === 0xffffffff) {
      stamps = new Uint32Array(Math.max(this.size + 1, stamps.length));
      slots = new Uint32Array(stamps.length);
      generation = 0;
    }
    this.gen = ++generation;
    this.order = new Uint32Array(Math.min(this.size, maxUses));
  }

  /** The dense index of id k (k > 0). */
  index(k: number): number {
    if (!(k >= 1 && k <= this.size)) throw new Error(`id ${k} is outside the ${this.size}-entry dictionary`);
    if (stamps[k] === this.gen) return slots[k] as number;
    const m = this.used++;
    this.order[m] = k - 1;
    stamps[k] = this.gen;
    slots[k] = m;
    return m;
  }
}
