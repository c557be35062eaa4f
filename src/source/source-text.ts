/**
 * Source texts and spans. Every token, AST node and diagnostic points into a SourceText by id, so a
 * macro body (its own source) and the query that called it can both be shown in an error.
 */

/** A named piece of text: the query, a macro body, a detection file's search. */
export interface SourceText {
  readonly id: number;
  readonly name: string;
  readonly text: string;
}

/** Half-open character range [start, end) in one source. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly source: number;
}

/** Registry of the sources of one compilation; ids are indexes. */
export class SourceSet {
  private readonly items: SourceText[] = [];

  add(name: string, text: string): SourceText {
    const src: SourceText = { id: this.items.length, name, text };
    this.items.push(src);
    return src;
  }

  get(id: number): SourceText {
    const src = this.items[id];
    if (!src) throw new Error(`internal: unknown source id ${id}`);
    return src;
  }

  get size(): number {
    return this.items.length;
  }
}

/** 1-based line and column of an offset; computed only when rendering. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** The smallest span covering both (same source assumed; falls back to `a`). */
export function joinSpans(a: Span, b: Span): Span {
  if (a.source !== b.source) return a;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), source: a.source };
}
