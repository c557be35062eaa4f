/**
 * Mutations of real searches, the way a hand-edited or attacker-supplied search goes wrong:
 * tokens deleted, duplicated or swapped, a token wrapped in deep nesting, a token replaced by a
 * huge literal. Positions are integers taken modulo the token count, so fast-check shrinks a
 * failing mutation towards fewer, earlier and smaller edits.
 */
import fc from "fast-check";

export type QueryMutation =
  | { readonly kind: "delete" | "duplicate"; readonly at: number }
  | { readonly kind: "swap"; readonly at: number; readonly with: number }
  | { readonly kind: "nest"; readonly at: number; readonly depth: number; readonly shape: number }
  | { readonly kind: "huge"; readonly at: number; readonly size: number; readonly shape: number };

/** Quoted strings, backquoted macro calls and punctuation stay whole; whitespace is kept as tokens. */
export function splTokens(q: string): string[] {
  return q.match(/"(?:[^"\\]|\\.)*"?|`[^`]*`?|\s+|[()[\],=|]|[^\s()[\],=|"`]+/g) ?? [];
}

export function mutateQuery(q: string, mutations: readonly QueryMutation[]): string {
  let toks = splTokens(q);
  for (const m of mutations) toks = applyOne(toks, m);
  return toks.join("");
}

// Each wraps one token `t` `n` levels deep in a construct the parser recurses into.
const NESTS: readonly ((t: string, n: number) => string)[] = [
  (t, n) => `${"(".repeat(n)}${t}${")".repeat(n)}`,
  (t, n) => `${"NOT ".repeat(n)}${t}`,
  (t, n) => `${"[search ".repeat(n)}${t}${"]".repeat(n)}`,
  (t, n) => `${"abs(".repeat(n)}${t}${")".repeat(n)}`,
  (t, n) => `${"`m(".repeat(n)}${t}${")`".repeat(n)}`,
];

// Each builds a literal of about `n` characters in a shape that once hurt a matcher or parser.
const HUGE: readonly ((n: number) => string)[] = [
  (n) => `"${"a".repeat(n)}"`,
  (n) => "9".repeat(n),
  (n) => `"${"*a".repeat(Math.ceil(n / 2))}"`,
  (n) => `*${"gem open ".repeat(Math.ceil(n / 9))}*`,
  (n) => `"${"\\".repeat(n)}"`,
  (n) => `"%${"0".repeat(Math.min(n, 12))}d"`,
];

const at = fc.nat({ max: 100_000 });

// One huge literal in five is 2k-200k characters: a 200k-character literal is up to 44,000 search
// terms and takes about a second to parse, so uniform sizes made those runs most of a 100,000-run
// fuzz's time; the smaller ones still reach every matcher and parser path.
const hugeSize = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 2_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 2_001, max: 200_000 }), weight: 1 },
);

export const queryMutation: fc.Arbitrary<QueryMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const), at }),
  fc.record({ kind: fc.constant("swap" as const), at, with: at }),
  fc.record({ kind: fc.constant("nest" as const), at, depth: fc.integer({ min: 1, max: 600 }), shape: fc.nat({ max: NESTS.length - 1 }) }),
  fc.record({ kind: fc.constant("huge" as const), at, size: hugeSize, shape: fc.nat({ max: HUGE.length - 1 }) }),
);

function applyOne(toks: string[], m: QueryMutation): string[] {
  if (toks.length === 0) return toks;
  const i = m.at % toks.length;
  const out = toks.slice();
  const t = toks[i] ?? "";
  switch (m.kind) {
    case "delete": out.splice(i, 1); break;
    case "duplicate": out.splice(i, 0, t); break;
    case "swap": {
      const j = m.with % toks.length;
      out[i] = toks[j] ?? "";
      out[j] = t;
      break;
    }
    case "nest": out[i] = (NESTS[m.shape] ?? NESTS[0]!)(t, m.depth); break;
    case "huge": out[i] = (HUGE[m.shape] ?? HUGE[0]!)(m.size); break;
  }
  return out;
}
