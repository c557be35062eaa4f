/**
 * Small helpers for walking Chevrotain CSTs: token order (CST children are grouped by name, so
 * order across names is recovered from each token's stream index), spans and literal unescaping.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { SplToken } from "../lexer/lexer.js";
import type { Span } from "../source/source-text.js";
import type { MacroFrame } from "../diagnostics/diagnostic.js";

/** A token with its index in the expanded stream (set by parse()). */
export type SeqToken = SplToken & { seq: number };

export function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

/** All tokens under a node, in stream order. One shared array: spreading per level was quadratic in depth. */
export function tokensOf(e: CstElement): SeqToken[] {
  const out: SeqToken[] = [];
  collect(e, out);
  for (let i = 1; i < out.length; i++) if (out[i - 1]!.seq > out[i]!.seq) return out.sort((a, b) => a.seq - b.seq);
  return out;
}

function collect(e: CstElement, out: SeqToken[]): void {
  if (isToken(e)) {
    out.push(e as SeqToken);
    return;
  }
  const children = e.children;
  for (const name in children) for (const c of children[name]!) collect(c, out);
}

/**
 * The first and last token under a node, memoised: the AST builder asks for the span of every node,
 * and walking the whole subtree each time made nested input (1,000 `NOT`s) cubic to build.
 */
interface Extent {
  readonly first: SeqToken;
  readonly last: SeqToken;
}

/**
 * The memo lives on the node itself: a WeakMap holding one entry per CST node (tens of thousands
 * for a long search) made every garbage collection walk its ephemeron table, a third of the time
 * to parse a 200k-character search.
 */
type MemoNode = CstNode & { $extent?: Extent | null; $lastSrc?: number; $lastTok?: SeqToken | null };

function extent(e: CstElement): Extent | null {
  if (isToken(e)) return { first: e as SeqToken, last: e as SeqToken };
  const node = e as MemoNode;
  if (node.$extent !== undefined) return node.$extent;
  let first: SeqToken | undefined;
  let last: SeqToken | undefined;
  const children = node.children;
  for (const name in children) {
    for (const c of children[name]!) {
      const x = isToken(c) ? null : extent(c);
      const lo = x ? x.first : (c as SeqToken);
      const hi = x ? x.last : (c as SeqToken);
      if (!x && !isToken(c)) continue;
      if (!first || lo.seq < first.seq) first = lo;
      if (!last || hi.seq > last.seq) last = hi;
    }
  }
  const out = first && last ? { first, last } : null;
  node.$extent = out;
  return out;
}

/** The stream index of the first token under a node. */
export function firstSeq(e: CstElement): number {
  return extent(e)?.first.seq ?? Number.POSITIVE_INFINITY;
}

/**
 * `out.push(...items)` one by one: a spread passes every item as an argument, and a command with
 * 200,000 arguments passed V8's limit (a RangeError, reported as an internal error).
 */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const x of items) out.push(x);
}

/** Children of several names merged back into source order. */
export function ordered(node: CstNode, names: readonly string[]): CstElement[] {
  const out: CstElement[] = [];
  for (const n of names) pushAll(out, node.children[n] ?? []);
  return out.sort((a, b) => firstSeq(a) - firstSeq(b));
}

export function tokSpan(t: SplToken): Span {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, source: t.src };
}

/** Span from the first to the last token (clipped to the first token's source when a macro boundary lies between). */
export function spanOfTokens(tokens: readonly SplToken[]): Span {
  const first = tokens[0];
  if (!first) return { start: 0, end: 0, source: 0 };
  let end = tokSpan(first).end;
  for (const t of tokens) if (t.src === first.src) end = Math.max(end, tokSpan(t).end);
  return { start: first.startOffset, end, source: first.src };
}

/**
 * Same as spanOfTokens(tokensOf(e)) without visiting the subtree: within one source, tokens keep
 * their offset order in the stream (a macro body is spliced in whole), so the last token of the
 * first token's source ends the span.
 */
export function spanOf(e: CstElement): Span {
  return spanOfExtent(e, extent(e));
}

function spanOfExtent(e: CstElement, x: Extent | null): Span {
  if (!x) return { start: 0, end: 0, source: 0 };
  const first = x.first;
  const last = x.last.src === first.src ? x.last : lastOfSource(e, first.src);
  const firstEnd = (first.endOffset ?? first.startOffset) + 1;
  const lastEnd = last ? (last.endOffset ?? last.startOffset) + 1 : 0;
  return { start: first.startOffset, end: Math.max(firstEnd, lastEnd), source: first.src };
}

/**
 * The last token under a node that comes from `src`. A child whose first and last tokens both come
 * from `src` answers with its last token (a macro body is spliced in whole, so nothing of `src`
 * follows it inside the child); only children that straddle a macro boundary are walked. Memoised
 * on the node for the one source asked (spans ask for their first token's source).
 */
function lastOfSource(e: CstElement, src: number): SeqToken | null {
  if (isToken(e)) return (e as SplToken).src === src ? (e as SeqToken) : null;
  const node = e as MemoNode;
  if (node.$lastSrc === src) return node.$lastTok ?? null;
  const x = extent(node);
  let best: SeqToken | null = null;
  if (x && x.first.src === src && x.last.src === src) best = x.last;
  else if (x) {
    const children = node.children;
    for (const name in children) {
      for (const c of children[name]!) {
        const t = lastOfSource(c, src);
        if (t && (!best || t.seq > best.seq)) best = t;
      }
    }
  }
  node.$lastSrc = src;
  node.$lastTok = best;
  return best;
}

export function originOf(e: CstElement): MacroFrame | undefined {
  return extent(e)?.first.origin;
}

/** Node position fields: span plus macro origin when present. */
export function at(e: CstElement): { span: Span; origin?: MacroFrame } {
  const x = extent(e);
  const origin = x?.first.origin;
  return origin ? { span: spanOfExtent(e, x), origin } : { span: spanOfExtent(e, x) };
}

/** `"a\"b"` → `a"b`. SPL keeps other backslash pairs as written (cim-mapping.md §0.7). */
export function unquote(image: string): string {
  // A ParenString (lexer/tokens.ts), `"("<expr>")"`: the pieces joined, `(<expr>)`.
  if (image.length > 6 && image.startsWith('"("') && image.endsWith('")"')) return `(${image.slice(3, -3).replace(/\\(["'\\])/g, "$1")})`;
  return image.slice(1, -1).replace(/\\(["'\\])/g, "$1");
}

export function child(node: CstNode, name: string, i = 0): CstNode {
  const c = node.children[name]?.[i];
  if (!c || isToken(c)) throw new Error(`internal: CST node ${node.name} has no child rule ${name}[${i}]`);
  return c;
}

export function childTok(node: CstNode, name: string, i = 0): SeqToken | undefined {
  const c = node.children[name]?.[i];
  return c && isToken(c) ? (c as SeqToken) : undefined;
}

export function children(node: CstNode, name: string): CstNode[] {
  return (node.children[name] ?? []).filter((c): c is CstNode => !isToken(c));
}

export function childToks(node: CstNode, name: string): SeqToken[] {
  return (node.children[name] ?? []).filter(isToken) as SeqToken[];
}
