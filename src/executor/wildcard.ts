/**
 * Search-language value matching: `*` wildcards and case-insensitive comparison
 * (spl-semantics.md §5.1), plus CIDR values (§5.3), IPv4 and IPv6 alike (values/ip.ts, the one
 * reading of addresses that cidrmatch() and CIDR lookups use). Patterns compile once per distinct text.
 * Wildcards are matched by values/glob-match.ts, in time linear in the value: the values come from
 * the machine under investigation, and the backtracking regex `^a.*b.*c$` used before let one
 * crafted event stall a detection. Which strings match is unchanged: exactly those the regex
 * `^…$` with flags `is` (or `s` for CASE()) matched; test/unit/executor/wildcard.test.ts keeps that
 * regex as its oracle.
 */
import { foldedSegment, literalSegment, matchGlob } from "../values/glob-match.js";
import { inSubnet, parseSubnet } from "../values/ip.js";

const cache = new Map<string, (s: string) => boolean>();

/** A matcher for a search value (with or without `*`): case-insensitive unless asked (CASE()). */
export function valueMatcher(pattern: string, caseSensitive = false): (s: string) => boolean {
  const key = `${caseSensitive ? "C" : "i"}${pattern}`;
  let m = cache.get(key);
  if (!m) {
    m = build(pattern, caseSensitive);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, m);
  }
  return m;
}

function build(pattern: string, caseSensitive: boolean): (s: string) => boolean {
  if (/^\*+$/.test(pattern)) return () => true;
  // Only `address/bits` is a CIDR term: a bare address stays an exact (case-insensitive) match.
  const cidr = pattern.includes("/") ? parseSubnet(pattern) : null;
  if (cidr) return (s) => s.toLowerCase() === pattern.toLowerCase() || inSubnet(s, cidr);
  if (!pattern.includes("*")) {
    if (caseSensitive) return (s) => s === pattern;
    const p = pattern.toLowerCase();
    return (s) => s.length === p.length && s.toLowerCase() === p;
  }
  return wildcardTest(pattern, caseSensitive);
}

/**
 * The glob part of valueMatcher alone: `*` is any run, everything else literal, compared as the
 * regex `^…$` with flags `is` (`s` when case-sensitive) compared it; no CIDR and no exact-match
 * shortcut. Lookup WILDCARD matching uses it too.
 */
export function wildcardTest(pattern: string, caseSensitive: boolean): (s: string) => boolean {
  const segments = pattern.split("*").map(caseSensitive ? literalSegment : foldedSegment);
  return (s) => matchGlob(s, segments);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A regex for field-name patterns (`Processes.*`), case-sensitive, capturing each `*`: exec() gives
 * what the regex `^a(.*)b(.*)c$` (flag `s`) gives, for callers that hold a RegExp, but never runs a
 * regex (field names and `replace` values come from the data): see WildcardRegExp.
 */
export function fieldPattern(pattern: string): RegExp {
  return new WildcardRegExp(pattern);
}

/**
 * Greedy captures found without backtracking. The regex gives each `(.*)` the longest text that
 * still lets the rest match, the first one first; that puts every literal piece at its rightmost
 * possible place, which placing them from right to left with lastIndexOf finds directly.
 * test(), String.prototype.replace and matchAll all go through exec().
 */
class WildcardRegExp extends RegExp {
  private readonly parts: readonly string[];

  constructor(pattern: string) {
    // The source only describes the pattern (exec() never runs it). Past 10,000 stars it writes
    // them as non-capturing `.*`: V8 refuses a regex with more than 32,766 groups ("Too many
    // captures"), which made a crafted field list an `error[internal]` (issue 10).
    const parts = pattern.split("*");
    super(`^${parts.map(escapeRegex).join(parts.length > 10_001 ? ".*" : "(.*)")}$`, "s");
    this.parts = parts;
  }

  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }

  override exec(s: string): RegExpExecArray | null {
    const caps = globCaptures(this.parts, s);
    if (!caps) return null;
    const m = [s, ...caps] as unknown as RegExpExecArray;
    m.index = 0;
    m.input = s;
    return m;
  }
}

/** The texts the `*`s of `parts.join("*")` take in `s` (greedy, first star first), or null. */
function globCaptures(parts: readonly string[], s: string): string[] | null {
  const k = parts.length - 1;
  const first = parts[0] as string;
  if (k === 0) return s === first ? [] : null;
  const last = parts[k] as string;
  if (!s.startsWith(first) || s.length - last.length < first.length || !s.endsWith(last)) return null;
  const starts: number[] = new Array<number>(k + 1);
  starts[k] = s.length - last.length;
  for (let j = k - 1; j >= 1; j--) {
    const part = parts[j] as string;
    const from = (starts[j + 1] as number) - part.length;
    const i = from < first.length ? -1 : s.lastIndexOf(part, from);
    if (i < first.length) return null;
    starts[j] = i;
  }
  const caps: string[] = [];
  let prevEnd = first.length;
  for (let j = 1; j <= k; j++) {
    caps.push(s.slice(prevEnd, starts[j]));
    prevEnd = (starts[j] as number) + (parts[j] as string).length;
  }
  return caps;
}
