/**
 * The similarity measure of `cluster` (cluster.ts). The cluster reference says how each `match`
 * mode reads a value — "termlist breaks down the field into words and requires the exact same
 * ordering of terms. termset allows for an unordered set of terms. ngramset compares sets of
 * trigram (3-character substrings)" — and that the default method is "to break down the events
 * into terms … and compute the vector between events", but not the formula. minispl uses the
 * cosine of the two term vectors, a value from 0 (nothing shared) to 1 (the same):
 *  - termlist: one dimension per (position, term), so only a term at the same position counts:
 *    matches / √(n₁·n₂);
 *  - termset: one dimension per distinct term: |A∩B| / √(|A|·|B|);
 *  - ngramset: the same over the distinct 3-character substrings of the whole value (a shorter
 *    value is its own single n-gram).
 * Two empty values are the same (1).
 */

export type ClusterMatch = "termlist" | "termset" | "ngramset";

/** A value read for comparison: its terms in order, or its distinct terms / trigrams. */
export type Signature = readonly string[] | ReadonlySet<string>;

/** Splits on the delimiter characters; null = everything but 0-9, A-Z, a-z and `_` ("By default"). */
export function terms(text: string, delims: string | null): string[] {
  if (delims === null) return text.split(/[^0-9A-Za-z_]+/).filter(Boolean);
  const set = new Set(delims);
  const out: string[] = [];
  let cur = "";
  for (const ch of text) {
    if (set.has(ch)) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export function signature(text: string, match: ClusterMatch, delims: string | null): Signature {
  if (match === "termlist") return terms(text, delims);
  if (match === "termset") return new Set(terms(text, delims));
  const grams = new Set<string>();
  const chars = [...text];
  if (chars.length > 0 && chars.length < 3) grams.add(text);
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(""));
  return grams;
}

/** Cosine similarity of two signatures of the same mode (see the top of this file). */
export function similarity(a: Signature, b: Signature): number {
  const na = Array.isArray(a) ? a.length : (a as ReadonlySet<string>).size;
  const nb = Array.isArray(b) ? b.length : (b as ReadonlySet<string>).size;
  if (na === 0 || nb === 0) return na === nb ? 1 : 0;
  let shared = 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(na, nb); i++) if (a[i] === b[i]) shared++;
  } else {
    const [small, large] = na <= nb ? [a as ReadonlySet<string>, b as ReadonlySet<string>] : [b as ReadonlySet<string>, a as ReadonlySet<string>];
    for (const x of small) if (large.has(x)) shared++;
  }
  return shared / Math.sqrt(na * nb);
}
