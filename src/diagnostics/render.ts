/**
 * Renders diagnostics for people: `file-or-query:line:col`, the source line, a caret under the
 * span and, for spans inside a macro, the expansion backtrace with each call site.
 *
 *   error[unknown-command]: unknown command "statz"
 *    --> query:1:17
 *     |
 *   1 | | makeresults | statz count
 *     |                 ^^^^^
 *     = hint: did you mean "stats"?
 */
import { lineCol, type SourceSet, type Span } from "../source/source-text.js";
import { CODES } from "./codes.js";
import type { Diagnostic, MacroFrame } from "./diagnostic.js";

export interface RenderOptions {
  readonly color?: boolean;
  /** Also print the JavaScript stack kept by an internal error (`--debug`). */
  readonly debug?: boolean;
}

export function renderDiagnostic(d: Diagnostic, sources: SourceSet, opts: RenderOptions = {}): string {
  const paint = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = d.severity === "error" ? paint("1;31", "error") : paint("1;33", "warning");
  const lines = [`${sev}[${d.code}]: ${d.message}`];
  if (d.span) lines.push(...excerpt(d.span, sources, paint));
  for (let f: MacroFrame | undefined = d.origin; f; f = f.parent) {
    lines.push(`  = in macro ${f.macro}, called at ${where(f.callSpan, sources)}`);
    lines.push(...excerpt(f.callSpan, sources, paint));
  }
  for (const h of d.hints) lines.push(`  = hint: ${h}`);
  const stack = d.params?.stack;
  if (opts.debug && typeof stack === "string") lines.push(...stack.split("\n").map((l) => `  | ${l}`));
  return lines.join("\n");
}

/** `name:line:col` of a span's start. */
export function where(span: Span, sources: SourceSet): string {
  const src = sources.get(span.source);
  const { line, col } = lineCol(src.text, span.start);
  return `${src.name}:${line}:${col}`;
}

/**
 * Source lines longer than this are shown as a window around the caret: hostile or generated
 * searches (a 10 MB macro argument, 20,000 operators on one line) would otherwise print whole.
 */
const MAX_EXCERPT = 240;

function excerpt(span: Span, sources: SourceSet, paint: (c: string, s: string) => string): string[] {
  const src = sources.get(span.source);
  const { line, col } = lineCol(src.text, span.start);
  const full = lineAt(src.text, span.start - (col - 1));
  const gutter = String(line).length;
  const pad = " ".repeat(gutter);
  const width = Math.max(1, Math.min(span.end, span.start + full.length - col + 1) - span.start);
  const from = full.length <= MAX_EXCERPT ? 0 : Math.max(0, Math.min(col - 1 - MAX_EXCERPT / 3, full.length - MAX_EXCERPT));
  const to = Math.min(full.length, from + MAX_EXCERPT);
  const text = `${from > 0 ? "…" : ""}${full.slice(from, to)}${to < full.length ? "…" : ""}`;
  const caretAt = col - 1 - from + (from > 0 ? 1 : 0);
  const caretWidth = Math.max(1, Math.min(width, to - (col - 1)));
  return [
    `${pad}--> ${src.name}:${line}:${col}`,
    `${pad} |`,
    `${line} | ${text}`,
    `${pad} | ${" ".repeat(caretAt)}${paint("1;31", "^".repeat(caretWidth))}`,
  ];
}

/** The line that starts at `start` (without splitting the whole text: it may be megabytes). */
function lineAt(text: string, start: number): string {
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** The family of a code (syntax, macro, semantic, runtime, input). */
export function familyOf(d: Diagnostic): string {
  return CODES[d.code].family;
}
