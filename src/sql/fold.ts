/**
 * Case folding exactly as the in-memory matcher folds, precomputed at load time so that SQL can
 * compare bytes. The search language compares values case-insensitively in two ways
 * (executor/wildcard.ts): an exact value as `s.toLowerCase() === p.toLowerCase()` with equal
 * lengths, a `*` pattern as a JavaScript regex with flag `i` (no `u`), where a code unit matches
 * another with the same Canonicalize() (ECMA-262 §22.2.2.7.3: its upper case when that is one code
 * unit and does not take a non-ASCII unit into ASCII). ClickHouse's `lower` folds only ASCII, and
 * its ILIKE follows RE2's Unicode folding (it matches the Kelvin sign K with `k`; JavaScript's
 * regex does not), so neither can be used on non-ASCII text. For ASCII text all three agree.
 *
 * So a value with a non-ASCII code unit also goes, folded here, into two side columns (`l_…`:
 * its lower case, when that keeps its length; `u_…`: its canonical form), and the compiler tests
 * `lower(v) …` over all values OR the side column (sql/README.md). Why that is exact:
 * - exact value p, P = p.toLowerCase() (the compiler refuses p unless P has p's length and is its
 *   own lower case): `lower(v) = P` (ClickHouse folds ASCII only) implies v.toLowerCase() = P and
 *   |v| = |P| = |p|, so memory matches too; memory matching a non-ASCII v puts P in `l_`; for an
 *   ASCII v both lower cases are the same. No false match, none missed.
 * - pattern: `lower(v) LIKE` asciiLower(p) only pairs ASCII units case-insensitively and other
 *   units with themselves, which the JavaScript regex also does (Canonicalize never maps a
 *   non-ASCII unit to ASCII), so it never matches more; for ASCII v it is the regex exactly; a
 *   non-ASCII v is also tested as canonFold(v) LIKE canonFold(p), which is the regex exactly.
 *   LIKE runs over UTF-8 and the regex over UTF-16 units; for text without lone surrogates whole
 *   characters line up, so the two agree (a pattern with one stays local).
 */
import { parseIp } from "../values/ip.js";

/** Whether `s` has a code unit outside ASCII (such values get folded side columns). */
export function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** `s.toLowerCase()` when it has the length of `s` (an exact match needs equal lengths), else null. */
export function lowerFold(s: string): string | null {
  const l = s.toLowerCase();
  return l.length === s.length ? l : null;
}

const canonCache = new Map<number, string>();

/** Canonicalize(ch) of a non-`u` ignoreCase regex, for one UTF-16 code unit. */
function canonUnit(c: number): string {
  const ch = String.fromCharCode(c);
  if (c < 0x80) return ch.toUpperCase();
  let hit = canonCache.get(c);
  if (hit === undefined) {
    const u = ch.toUpperCase();
    hit = u.length !== 1 || u.charCodeAt(0) < 0x80 ? ch : u;
    canonCache.set(c, hit);
  }
  return hit;
}

/** Every code unit of `s` through Canonicalize: two strings match under `/^…$/i` iff their forms are equal. */
export function canonFold(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += canonUnit(s.charCodeAt(i));
  return out;
}

/**
 * An address as minispl reads it (values/ip.ts parseIp), as text whose prefixes are subnets:
 * `4:` or `6:` then the address bytes in hex (`10.1.2.3` → `4:0a010203`); null when not an address.
 */
export function ipKey(s: string): string | null {
  const ip = parseIp(s);
  return ip ? `${ip.v6 ? "6" : "4"}:${hex(ip.bytes)}` : null;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** ASCII letters to lower case, everything else as it is: what ClickHouse's `lower()` does. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Whether `s` holds a lone surrogate (its UTF-8 form would not be the same text). */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** A value list and the side columns the loaders write beside it (sql/README.md, "Tables"). */
export interface FoldedCell {
  readonly values: readonly string[];
  /** Non-ASCII values in JavaScript lower case (those whose length it keeps). */
  readonly lower: readonly string[];
  /** Non-ASCII values canonicalised as a JavaScript `/i` regex compares them. */
  readonly canon: readonly string[];
  /** The address-looking values' ipKey. */
  readonly ip: readonly string[];
}

export function foldedCell(values: readonly string[]): FoldedCell {
  const wide = values.filter(hasNonAscii);
  const lower = wide.map(lowerFold).filter((s): s is string => s !== null);
  const ip = values.map(ipKey).filter((s): s is string => s !== null);
  return { values, lower, canon: wide.map(canonFold), ip };
}
