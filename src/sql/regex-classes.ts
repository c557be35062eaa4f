/**
 * Character sets of the regex translation (regex-re2.ts) as sorted code point ranges, and their
 * RE2 text. RE2 (ClickHouse, C++) and re2js (the in-memory engine, safe-regex.ts) define the Perl
 * and POSIX classes alike and on ASCII only (RE2 syntax: `\d` `[0-9]`, `\s` `[\t\n\f\r ]`, `\w`
 * `[0-9A-Za-z_]`, `[[:alpha:]]` `[A-Za-z]`, …): written out as ranges, a set means the same code
 * points in both, and a negated set is its complement over all of Unicode, as RE2 reads `[^…]`.
 */

export type Ranges = readonly (readonly [number, number])[];

export const MAX_CP = 0x10ffff;

const r = (lo: string, hi = lo): [number, number] => [lo.codePointAt(0) as number, hi.codePointAt(0) as number];

/** Perl classes (RE2 syntax: ASCII only). */
export const PERL: Readonly<Record<string, Ranges>> = {
  d: [r("0", "9")],
  s: [r("\t", "\n"), r("\f", "\r"), r(" ")],
  w: [r("0", "9"), r("A", "Z"), r("_"), r("a", "z")],
};

/** POSIX classes `[:name:]` (RE2 syntax: ASCII only). */
export const POSIX: Readonly<Record<string, Ranges>> = {
  alnum: [r("0", "9"), r("A", "Z"), r("a", "z")],
  alpha: [r("A", "Z"), r("a", "z")],
  ascii: [[0, 0x7f]],
  blank: [r("\t"), r(" ")],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [r("0", "9")],
  graph: [r("!", "~")],
  lower: [r("a", "z")],
  print: [r(" ", "~")],
  punct: [r("!", "/"), r(":", "@"), r("[", "`"), r("{", "~")],
  space: [r("\t", "\r"), r(" ")],
  upper: [r("A", "Z")],
  word: [r("0", "9"), r("A", "Z"), r("_"), r("a", "z")],
  xdigit: [r("0", "9"), r("A", "F"), r("a", "f")],
};

/** Sorted, merged ranges. */
export function normalize(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The code points not in `ranges` (over 0 … U+10FFFF). */
export function complement(ranges: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

export function contains(ranges: Ranges, cp: number): boolean {
  return ranges.some(([lo, hi]) => lo <= cp && cp <= hi);
}

const isWord = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;

/** RE2's metacharacters outside a class. */
const META = new Set([..."\\.+*?()|[]{}^$"]);

/**
 * One code point as RE2 text outside a class, spelled so that ClickHouse's own reading of the
 * pattern (OptimizedRegularExpression's scan for required substrings, which runs before RE2 and
 * has misread escapes it does not model: ClickHouse issue #106382, `\x41bc` taken as the literal
 * "41bc") sees the same character: letters, digits, `_`, space, punctuation and non-ASCII
 * characters as themselves (UTF-8), metacharacters escaped with `\`, control characters (RE2
 * refuses a NUL byte) and surrogates (no UTF-8) as a one-character class `[\x{…}]`.
 */
export function literalChar(cp: number): string {
  const c = String.fromCodePoint(cp);
  if (isWord(cp)) return c;
  if (META.has(c)) return `\\${c}`;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) return `[${classChar(cp)}]`;
  return c;
}

/**
 * One code point inside a class (and in the one-character patterns asked of re2js): letters,
 * digits and `_` as themselves, everything else `\x{…}`, so a class's text holds no `]`, `[`, `\`,
 * `-` or `^` of its own for any reader to misplace.
 */
export function classChar(cp: number): string {
  return isWord(cp) ? String.fromCharCode(cp) : `\\x{${cp.toString(16)}}`;
}

/** A set as one RE2 class (no negation: the complement is spelled out); empty: a class nothing is in. */
export function re2Class(ranges: Ranges): string {
  const n = normalize(ranges);
  if (n.length === 0) return `[^\\x{0}-\\x{${MAX_CP.toString(16)}}]`;
  const first = n[0] as readonly [number, number];
  if (n.length === 1 && first[0] === first[1]) return literalChar(first[0]);
  // A set with both ends of Unicode reads shorter as the negation of what it lacks (RE2's `[^…]`
  // is the complement over all code points, newline included).
  const last = n[n.length - 1] as readonly [number, number];
  if (first[0] === 0 && last[1] === MAX_CP) return n.length === 1 ? `[\\x{0}-\\x{${MAX_CP.toString(16)}}]` : `[^${spell(complement(n))}]`;
  return `[${spell(n)}]`;
}

function spell(n: Ranges): string {
  return n.map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`)).join("");
}

/** The code points to check a computed set against the in-memory engine with (ASCII and a few beyond). */
export const PROBES: readonly number[] = [
  ...Array.from({ length: 128 }, (_, i) => i),
  0x80, 0xa0, 0xe9, 0x130, 0x131, 0x17f, 0x212a, 0x2028, 0x3000, 0xfeff, 0xfffd, 0x1f600, MAX_CP,
];
