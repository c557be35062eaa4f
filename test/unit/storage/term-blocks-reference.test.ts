// TermBlocksBuilder inlines and reshapes the trigram loop for speed; its filters must be exactly
// what forEachTrigram (the definition) and bloomAdd give, on generated text that mixes cases,
// non-ASCII units, surrogates and block cuts (fixed seed).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TermBlocksBuilder } from "../../../src/storage/terms/term-blocks.js";
import { forEachTrigram } from "../../../src/storage/terms/trigrams.js";
import { bloomAdd, bloomWords } from "../../../src/storage/terms/bloom.js";

const unit = fc.constantFrom("a", "Z", "q", "<", "'", " ", "\n", "0", "@", "[", "`", "{", "\u007f", "\u0080", "®", "İ", "K", "\ud83d", "\ude00", "ß");
const raw = fc.oneof(fc.array(unit, { maxLength: 40 }).map((xs) => xs.join("")), fc.string({ unit: "binary", maxLength: 30 }), fc.string({ maxLength: 30 }));

/** The filters of rows cut as the builder cuts them, from the definitions. */
function reference(rows: readonly string[], blockChars: number): { ends: number[]; words: number[] } {
  const ends: number[] = [];
  const words: number[] = [];
  let grams = new Set<number>();
  let chars = 0;
  const close = (row: number): void => {
    const n = bloomWords(grams.size);
    const f = new Uint32Array(n);
    for (const g of grams) bloomAdd(f, 0, n, g);
    words.push(...f);
    ends.push(row);
    grams = new Set();
    chars = 0;
  };
  rows.forEach((text, i) => {
    forEachTrigram(text, (g) => grams.add(g));
    chars += text.length;
    if (chars >= blockChars) close(i + 1);
  });
  if (rows.length > (ends[ends.length - 1] ?? 0)) close(rows.length);
  return { ends, words };
}

describe("TermBlocksBuilder = forEachTrigram + bloomAdd", () => {
  it("gives the same block ends and filter words", () => {
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 30 }), fc.integer({ min: 1, max: 120 }), (rows, blockChars) => {
        const b = new TermBlocksBuilder(blockChars);
        for (const r of rows) b.add(r);
        const got = b.finish();
        const want = reference(rows, blockChars);
        expect(Array.from(got.ends)).toEqual(want.ends);
        expect(Array.from(got.words)).toEqual(want.words);
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});
