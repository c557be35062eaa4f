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
  return lines.join("\n");
}

/** `name:line:col` of a span's start. */
export function where(span: Span, sources: SourceSet): string {
  const src = sources.get(span.source);
  const { line, col } = lineCol(src.text, span.start);
  return `${src.name}:${line}:${col}`;
}

function excerpt(span: Span, sources: SourceSet, paint: (c: string, s: string) => string): string[] {
  const src = sources.get(span.source);
  const { line, col } = lineCol(src.text, span.start);
  const text = src.text.split("\n")[line - 1] ?? "";
  const gutter = String(line).length;
  const pad = " ".repeat(gutter);
  const width = Math.max(1, Math.min(span.end, span.start + text.length - col + 1) - span.start);
  return [
    `${pad}--> ${src.name}:${line}:${col}`,
    `${pad} |`,
    `${line} | ${text}`,
    `${pad} | ${" ".repeat(col - 1)}${paint("1;31", "^".repeat(width))}`,
  ];
}

/** The family of a code (syntax, macro, semantic, runtime, input). */
export function familyOf(d: Diagnostic): string {
  return CODES[d.code].family;
}
