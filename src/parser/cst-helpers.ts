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

/** All tokens under a node, in stream order. */
export function tokensOf(e: CstElement): SeqToken[] {
  if (isToken(e)) return [e as SeqToken];
  const out: SeqToken[] = [];
  for (const list of Object.values(e.children)) for (const c of list) out.push(...tokensOf(c));
  return out.sort((a, b) => a.seq - b.seq);
}

/** The stream index of the first token under a node. */
export function firstSeq(e: CstElement): number {
  if (isToken(e)) return (e as SeqToken).seq;
  let min = Number.POSITIVE_INFINITY;
  for (const list of Object.values(e.children)) for (const c of list) min = Math.min(min, firstSeq(c));
  return min;
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

export function spanOf(e: CstElement): Span {
  return spanOfTokens(tokensOf(e));
}

export function originOf(e: CstElement): MacroFrame | undefined {
  return tokensOf(e)[0]?.origin;
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
