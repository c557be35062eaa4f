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
  return out.sort((a, b) => a.seq - b.seq);
}

function collect(e: CstElement, out: SeqToken[]): void {
  if (isToken(e)) out.push(e as SeqToken);
  else for (const list of Object.values(e.children)) for (const c of list) collect(c, out);
}

/**
 * The first and last token under a node, memoised: the AST builder asks for the span of every node,
 * and walking the whole subtree each time made nested input (1,000 `NOT`s) cubic to build.
 */
interface Extent {
  readonly first: SeqToken;
  readonly last: SeqToken;
}

const extents = new WeakMap<CstNode, Extent | null>();

function extent(e: CstElement): Extent | null {
  if (isToken(e)) return { first: e as SeqToken, last: e as SeqToken };
  const memo = extents.get(e);
  if (memo !== undefined) return memo;
  let first: SeqToken | undefined;
  let last: SeqToken | undefined;
  for (const list of Object.values(e.children)) {
    for (const c of list) {
      const x = extent(c);
      if (!x) continue;
      if (!first || x.first.seq < first.seq) first = x.first;
      if (!last || x.last.seq > last.seq) last = x.last;
    }
  }
  const out = first && last ? { first, last } : null;
  extents.set(e, out);
  return out;
}

/** The stream index of the first token under a node. */
export function firstSeq(e: CstElement): number {
  return extent(e)?.first.seq ?? Number.POSITIVE_INFINITY;
}

/** Children of several names merged back into source order. */
export function ordered(node: CstNode, names: readonly string[]): CstElement[] {
  const out: CstElement[] = [];
  for (const n of names) out.push(...(node.children[n] ?? []));
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
  const x = extent(e);
  if (!x) return { start: 0, end: 0, source: 0 };
  const last = x.last.src === x.first.src ? x.last : lastOfSource(e, x.first.src);
  const end = Math.max(tokSpan(x.first).end, last ? tokSpan(last).end : 0);
  return { start: x.first.startOffset, end, source: x.first.src };
}

const lastBySource = new WeakMap<CstNode, Map<number, SeqToken | null>>();

/** The last token under a node that comes from `src` (memoised per node and source). */
function lastOfSource(e: CstElement, src: number): SeqToken | null {
  if (isToken(e)) return (e as SplToken).src === src ? (e as SeqToken) : null;
  let memo = lastBySource.get(e);
  if (!memo) lastBySource.set(e, (memo = new Map()));
  const known = memo.get(src);
  if (known !== undefined) return known;
  let best: SeqToken | null = null;
  for (const list of Object.values(e.children)) {
    for (const c of list) {
      const t = lastOfSource(c, src);
      if (t && (!best || t.seq > best.seq)) best = t;
    }
  }
  memo.set(src, best);
  return best;
}

export function originOf(e: CstElement): MacroFrame | undefined {
  return extent(e)?.first.origin;
}

/** Node position fields: span plus macro origin when present. */
export function at(e: CstElement): { span: Span; origin?: MacroFrame } {
  const origin = originOf(e);
  return origin ? { span: spanOf(e), origin } : { span: spanOf(e) };
}

/** `"a\"b"` → `a"b`. SPL keeps other backslash pairs as written (cim-mapping.md §0.7). */
export function unquote(image: string): string {
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
