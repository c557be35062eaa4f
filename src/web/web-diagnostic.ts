/**
 * A diagnostic of a search that ran (or an explain), in the editor's shape: where it is in the
 * typed text (a problem inside a macro body points at the outermost macro call), the message,
 * hints and macro backtrace, and the CLI's rendering. The editor's live diagnostics come from
 * src/editor (searchDiagnostics) in the same shape.
 */
import { renderDiagnostic, type Diagnostic, type RunResult } from "../index.js";
import type { WebDiagnostic } from "./api.js";

/** The typed text is the compilation's first source (frontend.ts adds it first). */
const QUERY_SOURCE = 0;

export function toWebDiagnostic(d: Diagnostic, sources: RunResult["sources"]): WebDiagnostic {
  const backtrace: string[] = [];
  let outer = d.span?.source === QUERY_SOURCE ? d.span : undefined;
  for (let f = d.origin; f; f = f.parent) {
    backtrace.push(`in macro \`${f.macro}\``);
    if (f.callSpan.source === QUERY_SOURCE) outer = f.callSpan;
  }
  return {
    from: outer?.start ?? 0,
    to: outer?.end ?? 0,
    severity: d.severity,
    code: d.code,
    message: d.message,
    hints: [...d.hints],
    backtrace,
    rendered: renderDiagnostic(d, sources, { color: false }),
  };
}

/** A problem that is not a diagnostic of the search (the engine stopped): shown the same way. */
export function plainDiagnostic(code: string, message: string, hints: readonly string[] = []): WebDiagnostic {
  return { from: 0, to: 0, severity: "error", code, message, hints, backtrace: [], rendered: `error[${code}]: ${message}${hints.map((h) => `\n  = hint: ${h}`).join("")}` };
}
