/**
 * SQL LIKE patterns (spl-semantics.md §6): `%` is any run of characters, `_` one character, every
 * other character itself, case-sensitive, anchored at both ends. Matched by glob-match.ts (linear
 * in the value), never by a regex: `%a%a%…` became a backtracking regex, and a 20,000-character
 * pattern a regex V8 refused to compile.
 *
 * "One character" is one UTF-16 code unit for the `LIKE` operator and one code point for the
 * `like()` function: the two were built on regexes without and with the `u` flag, and each keeps
 * the strings it matched. In code point mode a match never starts or ends inside a surrogate pair.
 */
import { matchGlob, type GlobSegment } from "./glob-match.js";

export type LikeUnit = "code-unit" | "code-point";

/** A test for one LIKE pattern. */
export function likeMatcher(pattern: string, unit: LikeUnit): (s: string) => boolean {
  const segments = splitPercent(pattern, unit).map((parts) => likeSegment(parts, unit));
  return (s) => matchGlob(s, segments);
}

/** A fixed-width piece: literal runs and `_` counts, in order. */
type Part = string | number;

function splitPercent(pattern: string, unit: LikeUnit): Part[][] {
  const chars = unit === "code-point" ? Array.from(pattern) : pattern.split("");
  const out: Part[][] = [[]];
  for (const ch of chars) {
    const cur = out[out.length - 1] as Part[];
    const prev = cur[cur.length - 1];
    if (ch === "%") out.push([]);
    else if (ch === "_") {
      if (typeof prev === "number") cur[cur.length - 1] = prev + 1;
      else cur.push(1);
    } else if (typeof prev === "string") cur[cur.length - 1] = prev + ch;
    else cur.push(ch);
  }
  return out;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Index after the character at `i` (a surrogate pair is one character in code point mode). */
function next(s: string, i: number, unit: LikeUnit): number {
  return unit === "code-point" && isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

/** Index of the character before `i`. */
function prev(s: string, i: number, unit: LikeUnit): number {
  return unit === "code-point" && isLow(s.charCodeAt(i - 1)) && isHigh(s.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** True when `i` does not split a surrogate pair (always, in code unit mode). */
function boundary(s: string, i: number, unit: LikeUnit): boolean {
  return unit === "code-unit" || !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));
}

function likeSegment(parts: readonly Part[], unit: LikeUnit): GlobSegment {
  // Width in characters of the unit (code units or code points).
  const width = parts.reduce<number>((w, p) => w + (typeof p === "number" ? p : unit === "code-point" ? Array.from(p).length : p.length), 0);
  const at = (s: string, pos: number): number => {
    let p = pos;
    for (const part of parts) {
      if (typeof part === "number") {
        for (let k = 0; k < part; k++) {
          if (p >= s.length) return -1;
          p = next(s, p, unit);
        }
      } else {
        if (!s.startsWith(part, p) || !boundary(s, p + part.length, unit)) return -1;
        p += part.length;
      }
    }
    return p;
  };
  const lead = typeof parts[0] === "string" ? parts[0] : null;
  return {
    at,
    find: (s, from) => {
      let p = from;
      while (p <= s.length) {
        if (lead !== null) {
          // Jump to the next place the leading literal occurs (a pair half never matches it: see at()).
          p = s.indexOf(lead, p);
          if (p < 0) return -1;
        }
        if (boundary(s, p, unit)) {
          const end = at(s, p);
          if (end >= 0) return end;
        }
        if (p >= s.length) return -1;
        p = next(s, p, unit);
      }
      return -1;
    },
    atEnd: (s, from) => {
      let p = s.length;
      for (let k = 0; k < width; k++) {
        if (p <= from) return false;
        p = prev(s, p, unit);
      }
      return p >= from && at(s, p) === s.length;
    },
  };
}
