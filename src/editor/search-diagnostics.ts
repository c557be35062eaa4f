/**
 * Diagnostics of one search for an editor, from the real pipeline (lex → expand macros → parse →
 * check → plan, `compile`): the same codes, messages, hints and macro backtrace the CLI prints,
 * each placed on the search text. A problem inside a macro body is placed on the call site of the
 * outermost macro in the search, where the user can act on it; its backtrace says where inside.
 */
import type { Diagnostic, MacroFrame } from "../diagnostics/diagnostic.js";
import { renderDiagnostic, where } from "../diagnostics/render.js";
import { compile } from "../run.js";
import type { SourceSet, Span } from "../source/source-text.js";
import type { EditorContext } from "./editor-context.js";
import type { EditorDiagnostic } from "./editor-diagnostic.js";

/** The search's own source id in a compilation (the first source added). */
const MAIN = 0;

/** Every diagnostic of `text` (a search, without any `search ` prefix added). Never throws. */
export function searchDiagnostics(text: string, ctx: EditorContext): EditorDiagnostic[] {
  const r = compile(text, { ...(ctx.macros ? { macros: ctx.macros } : {}), name: ctx.name ?? "query" });
  return r.diagnostics.map((d) => toEditor(d, r.sources, text.length));
}

function toEditor(d: Diagnostic, sources: SourceSet, length: number): EditorDiagnostic {
  const { from, to } = rangeOf(d, length);
  const frames = framesOf(d.origin).reverse();
  return {
    from,
    to,
    severity: d.severity,
    code: d.code,
    message: d.message,
    hints: [...d.hints],
    backtrace: frames.map((f) => `in macro ${f.macro}, called at ${where(f.callSpan, sources)}`),
    rendered: renderDiagnostic(d, sources),
    ...(frames.length ? { macros: frames.map((f) => f.macro) } : {}),
  };
}

/** The diagnostic's range in the search: its span, else the outermost macro call, else the whole search. */
function rangeOf(d: Diagnostic, length: number): { from: number; to: number } {
  const frames = framesOf(d.origin);
  const outer = frames[frames.length - 1];
  const span: Span | undefined = d.span?.source === MAIN ? d.span : outer?.callSpan.source === MAIN ? outer.callSpan : undefined;
  if (!span) return { from: 0, to: length };
  // Recovery-inserted tokens have no location (NaN in chevrotain 11): the end of the search.
  const clamp = (n: number, dflt: number) => (Number.isFinite(n) ? Math.max(0, Math.min(n, length)) : dflt);
  const from = clamp(span.start, length);
  return { from, to: Math.max(from, clamp(span.end, from)) };
}

/** The expansion chain, innermost first. */
function framesOf(origin: MacroFrame | undefined): MacroFrame[] {
  const out: MacroFrame[] = [];
  for (let f = origin; f; f = f.parent) out.push(f);
  return out;
}
