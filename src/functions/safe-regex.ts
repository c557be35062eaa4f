/**
 * The one place user regular expressions are compiled and run: `rex` (and `rex mode=sed`),
 * `regex`, `match()`, `replace()`, `mvfind()` and `makemv tokenizer=`. Field values come from the
 * machine under investigation, so no value may make a match run away. Each pattern takes one of
 * two paths, chosen once when it is compiled:
 *
 * - linear: every pattern RE2 can express, translated from PCRE by pcre-to-re2.ts (named groups,
 *   inline flags, lazy quantifiers, classes, `\b`, anchors, captureless lookbehind…) runs on re2js,
 *   whose time is linear in the value whatever the pattern: `(a+)+$` is as safe as `abc`. This is
 *   every regex of the ESCU detections but the two with a lookahead
 *   (test/corpus/escu-regex-paths.test.ts counts them).
 * - backtracking: a pattern that needs backtracking (backreferences `\1` `(?P=n)`, lookahead
 *   `(?=…)` `(?!…)`, `\Z`, `\G`, `\K`, a lookbehind with a group, or a repeat count over 1000)
 *   runs on the JavaScript engine (translation in regex.ts) in a worker thread, with a budget of
 *   backtrackBudget() ms per call (backtrack-runner.ts). A call over budget answers null: callers
 *   treat the value as not matching (`match()`, `replace()` and `mvfind()` return null, `rex`
 *   extracts nothing, `regex` handles it as a missing field, sed leaves the value as it was) and
 *   warn once per search and pattern.
 *
 * A pattern neither engine accepts throws SplRuntimeError with the JavaScript engine's reason, as
 * before. Each distinct pattern compiles once.
 */
import { RE2JS } from "re2js";
import { diag, SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../source/source-text.js";
import { backtrackBudget, runBacktracking, type WireMatch } from "./backtrack-runner.js";
import { pcreToRe2 } from "./pcre-to-re2.js";
import { translatePcre } from "./regex.js";

export type RegexPath = "linear" | "backtracking";

export interface RegexMatch {
  /** UTF-16 offsets of the whole match. */
  readonly index: number;
  readonly end: number;
  /** [0] the whole match, [i] group i; undefined for a group that took no part. */
  readonly groups: readonly (string | undefined)[];
  /** [start, end) of each group, indexed like `groups`; only when asked for. */
  readonly spans?: readonly (readonly [number, number] | undefined)[];
}

export class SafeRegex {
  private constructor(
    /** The SPL (PCRE) text. */
    readonly pattern: string,
    readonly path: RegexPath,
    /** Group number of each named group. */
    readonly names: ReadonlyMap<string, number>,
    private readonly re2: RE2JS | null,
    private readonly js: { readonly source: string; readonly flags: string } | null,
    /** Why the pattern is not on the linear path (for reports). */
    readonly reason: string | null,
  ) {}

  /** Compiles a pattern (see the header). Throws SplRuntimeError when it does not compile. */
  static compile(pattern: string): SafeRegex {
    const t = pcreToRe2(pattern);
    let reason = t.ok ? "" : t.reason;
    if (t.ok) {
      try {
        const re = RE2JS.compile(t.source, t.lookbehind ? RE2JS.LOOKBEHINDS : 0);
        return new SafeRegex(pattern, "linear", new Map(Object.entries(re.namedGroups())), re, null, null);
      } catch (e) {
        reason = e instanceof Error ? e.message : String(e);
      }
    }
    const js = translatePcre(pattern);
    try {
      new RegExp(js.source, js.flags);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new SplRuntimeError(diag("runtime-error", { message: `invalid regular expression ${JSON.stringify(pattern)}: ${why}` }));
    }
    return new SafeRegex(pattern, "backtracking", jsGroupNames(js.source), null, js, reason);
  }

  /** Whether the pattern matches anywhere in `s`; null when the backtracking budget ran out. */
  test(s: string): boolean | null {
    if (this.re2) return this.re2.test(s);
    const js = this.js as { source: string; flags: string };
    const a = runBacktracking({ op: "test", source: js.source, flags: js.flags, input: s });
    return a.timedOut || typeof a.value !== "boolean" ? null : a.value;
  }

  /**
   * The successive non-overlapping matches in `s`, as String.prototype.matchAll finds them (an
   * empty match moves on by one character), at most `limit`; null when the budget ran out.
   */
  matches(s: string, limit = Number.POSITIVE_INFINITY, withSpans = false): RegexMatch[] | null {
    if (this.re2) return re2Matches(this.re2, s, limit, withSpans);
    const js = this.js as { source: string; flags: string };
    const a = runBacktracking({ op: "matches", source: js.source, flags: js.flags, input: s, limit: Math.min(limit, 2 ** 31 - 1), spans: withSpans });
    if (a.timedOut || !Array.isArray(a.value)) return null;
    return a.value.map(([index, end, groups, spans]: WireMatch) => ({ index, end, groups, ...(spans ? { spans } : {}) }));
  }

  /** `s` with each match replaced by `replacer(match)`; null when the budget ran out. */
  replace(s: string, replacer: (m: RegexMatch) => string): string | null {
    const found = this.matches(s);
    if (found === null) return null;
    let out = "";
    let last = 0;
    for (const m of found) {
      out += s.slice(last, m.index) + replacer(m);
      last = m.end;
    }
    return out + s.slice(last);
  }

  /** The text of a named group in a match (undefined when unset or unknown). */
  group(m: RegexMatch, name: string): string | undefined {
    const i = this.names.get(name);
    return i === undefined ? undefined : m.groups[i];
  }
}

function re2Matches(re: RE2JS, s: string, limit: number, withSpans: boolean): RegexMatch[] {
  const out: RegexMatch[] = [];
  // The DFA answers "no match" several times faster than the capturing matcher; most values do not match.
  if (limit <= 0 || !re.test(s)) return out;
  const m = re.matcher(s);
  const n = m.groupCount();
  while (out.length < limit && m.find()) {
    const groups: (string | undefined)[] = [];
    const spans: ([number, number] | undefined)[] = [];
    for (let g = 0; g <= n; g++) {
      const text = m.group(g);
      groups.push(text ?? undefined);
      if (withSpans) spans.push(text === null ? undefined : [m.start(g), m.end(g)]);
    }
    out.push({ index: m.start(0), end: m.end(0), groups, ...(withSpans ? { spans } : {}) });
  }
  return out;
}

/** Group numbers of the named groups of a JavaScript regex source. */
function jsGroupNames(source: string): Map<string, number> {
  const names = new Map<string, number>();
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") { i += 1; continue; }
    if (inClass) { if (c === "]") inClass = false; continue; }
    if (c === "[") { inClass = true; continue; }
    if (c !== "(") continue;
    if (source[i + 1] !== "?") { count += 1; continue; }
    const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i, i + 200));
    if (named) names.set(named[1] as string, ++count);
  }
  return names;
}

const cache = new Map<string, SafeRegex>();
const CACHE_LIMIT = 1000;

/** The compiled form of an SPL (PCRE) pattern, cached; throws SplRuntimeError when invalid. */
export function safeRegex(pattern: string): SafeRegex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const re = SafeRegex.compile(pattern);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** Searches (or any per-search object) already warned, with the patterns they were warned about. */
const warned = new WeakMap<object, Set<string>>();

/**
 * Warns, once per search and pattern, that a backtracking regex ran out of budget. `scope` lives as
 * long as the search: its ExecContext or FnContext.
 */
export function warnBudget(scope: { warn?(d: Diagnostic): void }, re: SafeRegex, where: string, span?: Span): void {
  if (!scope.warn) return;
  const seen = warned.get(scope) ?? new Set<string>();
  warned.set(scope, seen);
  if (seen.has(re.pattern)) return;
  seen.add(re.pattern);
  scope.warn(diag("runtime-error", {
    message: `${where}: the regular expression ${JSON.stringify(re.pattern)} needs backtracking (${re.reason ?? "not RE2"}) and ran past its `
      + `${backtrackBudget()} ms budget on a value; that value was treated as not matching`,
  }, span, { severity: "warning", hints: ["rewrite the pattern without backreferences or lookahead so that it runs in linear time"] }));
}
