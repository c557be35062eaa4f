/**
 * The n-grams of the term filter: trigrams of UTF-16 code units, ASCII letters folded to lower
 * case, and only windows whose three code units are all ASCII.
 *
 * Why this is a superset of the search matcher (src/executor/wildcard.ts): a free-text term is a
 * RegExp with the `i` flag and without `u`, so two code units match when their ECMAScript
 * Canonicalize() agree — toUpperCase() of the single code unit, except that a non-ASCII unit is
 * never mapped to an ASCII one. So an ASCII unit of a query only ever matches an ASCII unit of
 * `_raw` that differs at most in case: lowercasing ASCII loses nothing. Non-ASCII units (where the
 * mapping is subtler: 'İ', 'K' U+212A, 'ſ', 'ß', surrogates) are never part of an indexed or a
 * queried trigram, so they cannot rule anything out. `CASE()` terms match exactly, which
 * implies the folded match. test/unit/storage/term-filter.test.ts checks both claims.
 */

/** The n of the n-grams (a literal shorter than this cannot rule a block out). */
export const GRAM = 3;

/** A trigram as a 21-bit number: three 7-bit ASCII codes, letters lower-cased. */
export type Trigram = number;

/** Calls `f` with every ASCII trigram of `text` (repeats included). */
export function forEachTrigram(text: string, f: (g: Trigram) => void): void {
  let g = 0;
  // How many ASCII units end at the current position (capped at GRAM).
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
    if (run === GRAM) f(g);
  }
}

/** The distinct trigrams of a query literal: what a block must hold for it to be a candidate. */
export function literalTrigrams(literal: string): Trigram[] {
  const out = new Set<Trigram>();
  forEachTrigram(literal, (g) => out.add(g));
  return [...out];
}
