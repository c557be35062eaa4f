/** "Did you mean" hints: the closest candidates by edit distance. */

/**
 * Names longer than this get no suggestions. Field, command, dataset and macro names are far
 * shorter; a 100k-character value taken for a name (a fuzzed or hostile search) would otherwise
 * cost length × length per candidate.
 */
export const MAX_SUGGEST_LENGTH = 128;

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), Number.POSITIVE_INFINITY);
}

/** Two rows of the walk, reused: a did-you-mean may compare one name with every registry entry. */
let rows = new Uint32Array(2 * 130);

/**
 * The distance when it is at most `limit`, otherwise some number above `limit`: the length
 * difference alone decides many pairs, and a row whose minimum passes the limit ends the walk.
 */
function boundedDistance(s: string, t: string, limit: number): number {
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  const width = t.length + 1;
  if (rows.length < 2 * width) rows = new Uint32Array(2 * width);
  let prev = 0;
  let cur = width;
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let i = 1; i <= s.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const si = s.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cost = si === t.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + cost);
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return rows[prev + t.length]!;
}

/** Up to `max` candidates within a distance proportional to the name's length. */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (name.length > MAX_SUGGEST_LENGTH) return [];
  const limit = Math.max(2, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) > limit) continue;
    const d = boundedDistance(lower, c.toLowerCase(), limit);
    if (d <= limit) scored.push([c, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  // Only the closest candidates: "lowr" suggests "lower", not also "floor" and "log".
  const best = scored[0]?.[1];
  return scored.filter(([, d]) => d === best).slice(0, max).map(([c]) => c);
}

/** The hint line for a did-you-mean, or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>): string[] {
  const s = suggest(name, candidates);
  return s.length ? [`did you mean ${s.map((x) => `"${x}"`).join(" or ")}?`] : [];
}
