/**
 * Which rows a base search must look at, from what its free text requires of `_raw` and the
 * store's term filter (an opened index's per-block n-gram Bloom filters, storage/terms/). The
 * result is a superset of the matching rows: a block is left out only when some literal the
 * search cannot match without is certainly absent from it.
 *
 * What a search expression requires (`textNeed`), following compileSearch (search-predicate.ts):
 * a free-text term needs each of its pieces between `*` as a substring of `_raw` (`CASE(x)` and
 * `TERM(x)` too: case-sensitive text also matches case-insensitively); AND needs all of its
 * items, OR one of them; NOT, `field=value`, IN and subsearches require nothing of `_raw`.
 */
import type { SearchExpr, SearchValue } from "../ast/nodes.js";
import type { EventStore, TermFilter } from "../store/event-store.js";

/** Text `_raw` must contain, all of several needs, or any of them. */
export type TextNeed =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "all"; readonly items: readonly TextNeed[] }
  | { readonly kind: "any"; readonly items: readonly TextNeed[] };

/** What `expr` requires of `_raw`; null when it requires nothing the filter could test. */
export function textNeed(expr: SearchExpr | null): TextNeed | null {
  if (!expr) return null;
  switch (expr.kind) {
    case "term": return termNeed(expr.value);
    case "and": {
      const items = expr.items.map(textNeed).filter((n): n is TextNeed => n !== null);
      return items.length === 0 ? null : items.length === 1 ? (items[0] as TextNeed) : { kind: "all", items };
    }
    case "or": {
      const items = expr.items.map(textNeed);
      // One branch that needs nothing lets every row through.
      if (items.some((n) => n === null)) return null;
      return items.length === 1 ? (items[0] as TextNeed) : { kind: "any", items: items as TextNeed[] };
    }
    default: return null;
  }
}

/** The same reading of `CASE(x)`/`TERM(x)` as search-predicate.ts `directive` (unquoted only). */
function termNeed(value: SearchValue): TextNeed | null {
  const m = value.quoted ? null : /^(CASE|TERM)\((.*)\)$/s.exec(value.text);
  const text = m ? (m[2] as string) : value.text;
  const pieces = text.split("*").filter((p) => p.length > 0);
  if (pieces.length === 0) return null;
  const items = pieces.map((p): TextNeed => ({ kind: "text", text: p }));
  return items.length === 1 ? (items[0] as TextNeed) : { kind: "all", items };
}

/**
 * The rows to scan, as ascending [from, to) pairs in one flat array: the blocks whose filter
 * allows `expr`'s text, then every row appended after the index was opened. The whole store
 * when it has no term filter or the search requires no text.
 */
export function candidateRanges(store: EventStore, expr: SearchExpr | null): number[] {
  const filter = store.termFilter;
  const need = filter ? textNeed(expr) : null;
  if (!filter || !need) return [0, store.length];
  const ends = filter.blockEnds();
  const keep = blocksFor(need, filter, new Map());
  const out: number[] = [];
  const add = (from: number, to: number): void => {
    if (out.length > 0 && out[out.length - 1] === from) out[out.length - 1] = to;
    else out.push(from, to);
  };
  let start = 0;
  for (let b = 0; b < ends.length; b++) {
    const end = ends[b] as number;
    if (keep[b]) add(start, end);
    start = end;
  }
  if (store.length > filter.rows) add(filter.rows, store.length);
  return out;
}

/** Per block, 1 when `need` may hold there. */
function blocksFor(need: TextNeed, filter: TermFilter, memo: Map<string, Uint8Array>): Uint8Array {
  if (need.kind === "text") {
    let m = memo.get(need.text);
    if (!m) memo.set(need.text, (m = filter.mayContain(need.text)));
    return m;
  }
  const parts = need.items.map((n) => blocksFor(n, filter, memo));
  const out = Uint8Array.from(parts[0] as Uint8Array);
  for (const p of parts.slice(1)) {
    for (let b = 0; b < out.length; b++) out[b] = need.kind === "all" ? (out[b] as number) & (p[b] as number) : (out[b] as number) | (p[b] as number);
  }
  return out;
}
