/**
 * The Bloom filter of one block's trigrams, as 32-bit words inside a larger Uint32Array (a term
 * file holds every block's filter back to back). Sized per block from its distinct trigrams.
 *
 * BITS_PER_GRAM and HASHES were chosen on 100,000 Sysmon/Security events (blocks of ~64 KB of
 * `_raw`, ~7,400 distinct trigrams each): 3 bits and 2 hashes cost ~4% of the text (~78 bytes an
 * event) and leave few false candidates, because a query literal brings several trigrams and a
 * block must hold all of them (a per-trigram false-positive rate of ~24% becomes ~0.2% for six
 * absent trigrams). 2 bits and 1 hash cost 2.8% but let 5x more blocks through for `vssadmin`.
 */
import type { Trigram } from "./trigrams.js";

export const BITS_PER_GRAM = 3;
export const HASHES = 2;

/** Words of a block filter for `grams` distinct trigrams (at least 64 bits, so empty blocks stay valid). */
export function bloomWords(grams: number): number {
  return Math.max(2, Math.ceil((grams * BITS_PER_GRAM) / 32));
}

function h1(g: Trigram): number {
  return Math.imul(g, 0x9e3779b1) >>> 0;
}

// Odd, so the probe positions of one trigram differ whatever the filter's size.
function h2(g: Trigram): number {
  return (Math.imul(g ^ (g >>> 11), 0x85ebca77) >>> 0) | 1;
}

/** Sets the bits of `g` in the filter at words[at .. at+n). */
export function bloomAdd(words: Uint32Array, at: number, n: number, g: Trigram): void {
  const m = n * 32;
  const a = h1(g);
  const b = h2(g);
  for (let i = 0; i < HASHES; i++) {
    const bit = ((a + Math.imul(i, b)) >>> 0) % m;
    words[at + (bit >>> 5)] = (words[at + (bit >>> 5)] as number) | (1 << (bit & 31));
  }
}

/**
 * `bloomAdd` of every trigram in `grams` into the filter words[0 .. n), with the same bits: the
 * `% m` (an integer division, most of what filling a block's filter cost) becomes a
 * multiplication by 1/m, computed once, and a correction. x < 2^32 and m < 2^27, so x·(1/m) is
 * within 2^-20 of x/m and its floor off by at most one, which the correction undoes.
 */
export function bloomAddAll(words: Uint32Array, n: number, grams: readonly Trigram[]): void {
  const m = n * 32;
  const inv = 1 / m;
  for (let k = 0; k < grams.length; k++) {
    const g = grams[k] as Trigram;
    const a = h1(g);
    const b = h2(g);
    for (let i = 0; i < HASHES; i++) {
      const x = (a + Math.imul(i, b)) >>> 0;
      let bit = x - Math.floor(x * inv) * m;
      if (bit < 0) bit += m;
      else if (bit >= m) bit -= m;
      words[bit >>> 5] = (words[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }
}

/** False only when `g` was certainly not added to the filter at words[at .. at+n). */
export function bloomHas(words: Uint32Array, at: number, n: number, g: Trigram): boolean {
  const m = n * 32;
  const a = h1(g);
  const b = h2(g);
  for (let i = 0; i < HASHES; i++) {
    const bit = ((a + Math.imul(i, b)) >>> 0) % m;
    if (((words[at + (bit >>> 5)] as number) & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}
