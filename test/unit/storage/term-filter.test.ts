/**
 * The term filter (src/storage/terms/): trigram folding, the Bloom filter, the term file, and the
 * property everything rests on — whenever the search matcher finds a literal in a row's `_raw`,
 * the row's block says "maybe" (a seeded random test: fast-check is not a dependency).
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { valueMatcher, escapeRegex } from "../../../src/executor/wildcard.js";
import { bloomAdd, bloomHas, bloomWords } from "../../../src/storage/terms/bloom.js";
import { PartsTermFilter } from "../../../src/storage/terms/parts-term-filter.js";
import { ruleOut, TermBlocksBuilder, type TermBlocks } from "../../../src/storage/terms/term-blocks.js";
import { encodeTermFile, readTermFile, writeTermFile } from "../../../src/storage/terms/term-file.js";
import { forEachTrigram, literalTrigrams } from "../../../src/storage/terms/trigrams.js";

const root = mkdtempSync(join(tmpdir(), "minispl-terms-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** mulberry32: a small seeded generator, so a failure replays. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gramText = (g: number): string => String.fromCharCode((g >> 14) & 0x7f, (g >> 7) & 0x7f, g & 0x7f);
const trigrams = (text: string): string[] => {
  const out: string[] = [];
  forEachTrigram(text, (g) => out.push(gramText(g)));
  return out;
};

describe("trigrams", () => {
  it.each([
    ["", []],
    ["ab", []],
    ["abc", ["abc"]],
    ["MiMi", ["mim", "imi"]],
    // Only ASCII letters fold; digits and punctuation are kept as they are.
    ["A-1_Z", ["a-1", "-1_", "1_z"]],
    // A non-ASCII code unit breaks the run: no trigram spans it.
    ["abİcde", ["cde"]],
    ["ab\u212Acde", ["cde"]],
    ["straße", ["str", "tra"]],
    ["x😀yzw", ["yzw"]],
    ["a\nbc", ["a\nb", "\nbc"]],
  ] as const)("%j → %j", (text, want) => {
    expect(trigrams(text)).toEqual(want);
  });

  it("a literal's trigrams are distinct", () => {
    expect(literalTrigrams("aaaaaa").map(gramText)).toEqual(["aaa"]);
    expect(literalTrigrams("Mimikatz").map(gramText)).toEqual(["mim", "imi", "mik", "ika", "kat", "atz"]);
  });

  // The folding's premise (trigrams.ts): with the `i` flag and no `u`, an ASCII code unit matches
  // only ASCII code units. Checked for every ASCII unit against every BMP code unit.
  it("an ASCII character matches no non-ASCII character case-insensitively", () => {
    let bmp = "";
    for (let c = 0x80; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) bmp += String.fromCharCode(c);
    const hits: string[] = [];
    for (let c = 0; c < 0x80; c++) {
      const re = new RegExp(escapeRegex(String.fromCharCode(c)), "gi");
      for (const m of bmp.matchAll(re)) hits.push(`${c} ~ U+${(m[0].charCodeAt(0)).toString(16)}`);
    }
    expect(hits).toEqual([]);
    // The usual suspects, through the matcher itself.
    expect(valueMatcher("*k*")("\u212A")).toBe(false);
    expect(valueMatcher("*s*")("\u017F")).toBe(false);
    expect(valueMatcher("*i*")("\u0130")).toBe(false);
    expect(valueMatcher("*ss*")("ß")).toBe(false);
  });
});

describe("bloom", () => {
  it("finds every trigram it was given, and few it was not", () => {
    const next = rng(7);
    const added = new Set<number>();
    while (added.size < 5000) added.add(Math.floor(next() * (1 << 21)));
    const n = bloomWords(added.size);
    const words = new Uint32Array(n + 4);
    for (const g of added) bloomAdd(words, 2, n, g);
    for (const g of added) expect(bloomHas(words, 2, n, g)).toBe(true);
    let falsePositives = 0;
    let tried = 0;
    for (let g = 0; tried < 20000; g++) {
      if (added.has(g)) continue;
      tried++;
      if (bloomHas(words, 2, n, g)) falsePositives++;
    }
    // 3 bits a trigram, 2 hashes: about 24% in theory.
    expect(falsePositives / tried).toBeLessThan(0.3);
    // The words around the filter are untouched.
    expect([words[0], words[1], words[n + 2], words[n + 3]]).toEqual([0, 0, 0, 0]);
  });
});

/** Blocks of the given raws, cut every `chars` characters. */
function blocksOf(raws: readonly (string | readonly string[] | null)[], chars: number): TermBlocks {
  const b = new TermBlocksBuilder(chars);
  for (const r of raws) b.add(r);
  return b.finish();
}

/** The block holding each row. */
function blockOfRow(b: TermBlocks): number[] {
  const out: number[] = [];
  let start = 0;
  b.ends.forEach((end, i) => {
    for (let r = start; r < end; r++) out.push(i);
    start = end;
  });
  return out;
}

function mayContain(b: TermBlocks, literal: string): Uint8Array {
  const out = new Uint8Array(b.ends.length).fill(1);
  const grams = literalTrigrams(literal);
  if (grams.length > 0) ruleOut(b, grams, out, 0);
  return out;
}

describe("term blocks", () => {
  it.each([
    { name: "one block for little text", raws: ["abc", "def"], chars: 1000, ends: [2] },
    { name: "a block closes once it holds `chars` characters", raws: ["aaaa", "bbbb", "cccc", "dd"], chars: 8, ends: [2, 4] },
    { name: "rows without _raw still count", raws: [null, "abcdefgh", null, null], chars: 8, ends: [2, 4] },
    { name: "no rows, no blocks", raws: [], chars: 8, ends: [] },
    // As the store's blob pages: a page never spans two chunks of 4,096 rows.
    { name: "a block also ends with each store chunk", raws: new Array<string>(5000).fill("ab"), chars: 1e9, ends: [4096, 5000] },
  ])("$name", ({ raws, chars, ends }) => {
    const b = blocksOf(raws, chars);
    expect(Array.from(b.ends)).toEqual(ends);
    expect(b.rows).toBe(raws.length);
  });

  it("rules out the blocks that lack a literal, and never a block that has it", () => {
    const b = blocksOf(["powershell -enc AAAA", "cmd.exe /c whoami", "C:\\Users\\Public\\mimikatz.exe", "notepad.exe"], 16);
    expect(b.ends.length).toBe(4);
    expect(Array.from(mayContain(b, "MIMIKATZ"))).toEqual([0, 0, 1, 0]);
    expect(Array.from(mayContain(b, "whoami"))).toEqual([0, 1, 0, 0]);
    // Too short to have a trigram: every block may hold it.
    expect(Array.from(mayContain(b, "ex"))).toEqual([1, 1, 1, 1]);
  });

  it("a multivalue _raw is indexed as the store keeps it, joined by newlines", () => {
    const b = blocksOf([["first line", "second"]], 1000);
    expect(Array.from(mayContain(b, "line\nsec"))).toEqual([1]);
  });

  // The superset property, against the search matcher itself (src/executor/wildcard.ts), with
  // text full of the characters whose case rules are irregular.
  it("whenever the matcher finds a literal in a row, the row's block says maybe", () => {
    const next = rng(20240617);
    const alphabet = ["a", "b", "K", "k", "s", "S", "i", "I", "z", "1", ".", "\\", " ", "'", "İ", "ı", "\u212A", "ſ", "ß", "ẞ", "é", "É", "😀", "Ǆ", "ǅ", "ǆ", "Σ", "σ", "ς", "\u0345", "\uD800"];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const randomText = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => pick(alphabet)).join("");
    // A literal that should match: a substring of a row with some characters' case changed.
    const recased = (s: string) =>
      Array.from(s, (c) => {
        const other = next() < 0.5 ? c.toUpperCase() : c.toLowerCase();
        return other.length === c.length && next() < 0.5 ? other : c;
      }).join("");
    let matches = 0;
    let ruledOut = 0;
    for (let round = 0; round < 60; round++) {
      const raws = Array.from({ length: 40 }, () => (next() < 0.05 ? null : randomText(60)));
      const b = blocksOf(raws, 1 + Math.floor(next() * 200));
      const blockOf = blockOfRow(b);
      for (let q = 0; q < 40; q++) {
        const source = raws[Math.floor(next() * raws.length)] ?? "";
        const from = Math.floor(next() * source.length);
        const literal = next() < 0.7 ? recased(source.slice(from, from + 2 + Math.floor(next() * 8))) : randomText(6);
        if (literal.length === 0 || literal.includes("*")) continue;
        const maybe = mayContain(b, literal);
        ruledOut += maybe.length - maybe.reduce((n, x) => n + x, 0);
        for (const caseSensitive of [false, true]) {
          const m = valueMatcher(`*${literal}*`, caseSensitive);
          raws.forEach((raw, r) => {
            if (raw === null || !m(raw)) return;
            matches++;
            expect(maybe[blockOf[r] as number], `${JSON.stringify(literal)} in ${JSON.stringify(raw)}`).toBe(1);
          });
        }
      }
    }
    // The test means something only if the matcher matched often.
    expect(matches).toBeGreaterThan(1000);
    expect(ruledOut).toBeGreaterThan(1000);
  });
});

describe("term file", () => {
  const blocks = blocksOf(["powershell -enc AAAA", "cmd.exe /c whoami", "mimikatz.exe", null], 16);

  it("reads back what was written", () => {
    const path = join(root, "a.terms");
    const bytes = writeTermFile(path, blocks);
    const back = readTermFile(path, 4);
    expect(bytes).toBe(encodeTermFile(blocks).length);
    expect({ rows: back.rows, ends: Array.from(back.ends), offsets: Array.from(back.offsets), words: Array.from(back.words) }).toEqual({
      rows: blocks.rows,
      ends: Array.from(blocks.ends),
      offsets: Array.from(blocks.offsets),
      words: Array.from(blocks.words),
    });
  });

  const good = encodeTermFile(blocks);
  it.each([
    { name: "truncated", bytes: good.subarray(0, good.length - 4), rows: 4, error: /bytes for/ },
    { name: "bad magic", bytes: Uint8Array.from(good, (b, i) => (i === 0 ? 0x58 : b)), rows: 4, error: /bad magic/ },
    { name: "another row count", bytes: good, rows: 5, error: /4 rows, the part has 5/ },
    { name: "empty", bytes: new Uint8Array(0), rows: 4, error: /0 bytes/ },
    { name: "another version", bytes: Uint8Array.from(good, (b, i) => (i === 8 ? 99 : b)), rows: 4, error: /version 99/ },
    { name: "another size than the manifest's", bytes: good, rows: 4, manifestBytes: good.length + 8, error: /the manifest says/ },
  ])("a broken file fails naming itself: $name", ({ bytes, rows, error, manifestBytes }: { bytes: Uint8Array; rows: number; error: RegExp; manifestBytes?: number }) => {
    const path = join(root, "broken.terms");
    writeFileSync(path, bytes);
    expect(() => readTermFile(path, rows, manifestBytes)).toThrow(error);
    expect(() => readTermFile(path, rows, manifestBytes)).toThrow(path);
  });

  it("parts without a term file are one block that may hold anything", () => {
    const path = join(root, "p.terms");
    writeTermFile(path, blocks);
    const filter = new PartsTermFilter([{ path: null, rows: 3 }, { path, rows: 4 }, { path: null, rows: 0 }, { path: null, rows: 2 }]);
    expect(filter.rows).toBe(9);
    expect(Array.from(filter.blockEnds())).toEqual([3, ...Array.from(blocks.ends, (e) => 3 + e), 9]);
    expect(Array.from(filter.mayContain("mimikatz"))).toEqual([1, 0, 0, 1, 1]);
  });
});
