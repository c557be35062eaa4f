/**
 * Linear-time glob matching: a pattern is fixed-width segments separated by "any run" wildcards
 * (`*` in search values, `%` in LIKE). Placing the first segment at the start, each middle segment
 * at its leftmost occurrence after the previous one and the last one at the end decides the match
 * exactly: if any placement works, moving a fixed-width segment to an earlier occurrence leaves
 * the rest in place, so the leftmost one works too. Each segment is searched once, so the time is
 * O(value length × pattern length) whatever the value holds. A backtracking regex (`^a.*b.*c$`)
 * takes time that grows with the value length to the power of the number of wildcards: a crafted
 * 20 KB command line stopped a detection for over 20 s.
 */

/** One fixed-width piece of a glob pattern; positions are UTF-16 indexes. */
export interface GlobSegment {
  /** End of the segment when it matches at `pos`, else -1. */
  at(s: string, pos: number): number;
  /** End of its leftmost occurrence starting at or after `from`, else -1. */
  find(s: string, from: number): number;
  /** Whether it matches ending at `s.length`, starting at or after `from`. */
  atEnd(s: string, from: number): boolean;
}

/** Whether `s` matches segments[0] any segments[1] any … segments[n-1] (one segment: an exact match). */
export function matchGlob(s: string, segments: readonly GlobSegment[]): boolean {
  const last = segments.length - 1;
  const first = segments[0];
  if (!first) return s.length === 0;
  let pos = first.at(s, 0);
  if (last === 0 || pos < 0) return pos === s.length;
  const tail = segments[last] as GlobSegment;
  // The suffix test is cheap and rejects most values before the middle segments are searched.
  if (!tail.atEnd(s, pos)) return false;
  for (let k = 1; k < last && pos >= 0; k++) pos = (segments[k] as GlobSegment).find(s, pos);
  return pos >= 0 && tail.atEnd(s, pos);
}

/** A case-sensitive literal: code unit equality, searched with indexOf. */
export function literalSegment(lit: string): GlobSegment {
  const n = lit.length;
  return {
    at: (s, pos) => (s.startsWith(lit, pos) ? pos + n : -1),
    find: (s, from) => {
      const i = s.indexOf(lit, from);
      return i < 0 ? -1 : i + n;
    },
    atEnd: (s, from) => s.length - n >= from && s.endsWith(lit),
  };
}

/**
 * A literal compared as a case-insensitive JavaScript regex compares it (flag `i`, no `u`): each
 * code unit of the pattern matches one code unit of the value with the same canonical upper case.
 * The comparison is left to the regex engine on purpose, so which strings match stays exactly what
 * `/^…$/i` gave; the regexes hold no quantifier, so they cannot backtrack. Long literals are cut in
 * chunks because V8 refuses very large regexes.
 */
export function foldedSegment(lit: string): GlobSegment {
  if (lit === "") return literalSegment(lit);
  const n = lit.length;
  const chunks: { sticky: RegExp; len: number }[] = [];
  for (let i = 0; i < n; i += CHUNK) {
    const text = lit.slice(i, i + CHUNK);
    chunks.push({ sticky: new RegExp(escapeLiteral(text), "iy"), len: text.length });
  }
  const head = chunks[0] as { sticky: RegExp; len: number };
  const search = new RegExp(head.sticky.source, "ig");
  const at = (s: string, pos: number): number => {
    let p = pos;
    for (const c of chunks) {
      c.sticky.lastIndex = p;
      if (!c.sticky.test(s)) return -1;
      p += c.len;
    }
    return p;
  };
  return {
    at,
    find: (s, from) => {
      for (let p = from; p <= s.length - n; p += 1) {
        search.lastIndex = p;
        if (!search.test(s)) return -1;
        const start = search.lastIndex - head.len;
        const end = at(s, start);
        if (end >= 0) return end;
        p = start;
      }
      return -1;
    },
    atEnd: (s, from) => s.length - n >= from && at(s, s.length - n) === s.length,
  };
}

const CHUNK = 4096;

/** The regex source matching `text` literally (no flag `u`). */
export function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
