/**
 * Where a detection stopped, for `minispl check`: the first stage that reported an error, and the
 * construct that blocked it (`command rex`, `function mvzip`, `macro get_asset(1)`, …) so a summary
 * shows what to implement next.
 */
import type { Diagnostic, MacroFrame } from "../diagnostics/diagnostic.js";
import { CODES } from "../diagnostics/codes.js";

export type CheckStage = "ok" | "yaml" | "macro" | "parse" | "plan" | "run";

export function stageOf(d: Diagnostic | undefined, executed: boolean): CheckStage {
  if (!d) return "ok";
  switch (CODES[d.code].family) {
    case "input": return "yaml";
    case "macro": return "macro";
    case "syntax": return "parse";
    case "semantic": return "plan";
    case "runtime": return executed ? "run" : "plan";
  }
}

/** A short, stable name for what a diagnostic is about. */
export function constructOf(d: Diagnostic): string {
  const p = d.params ?? {};
  const name = typeof p.name === "string" ? p.name : undefined;
  switch (d.code) {
    case "unsupported-command": case "unknown-command": return `command ${name}`;
    case "unknown-function": case "unsupported-function": case "function-arity": return `function ${name}`;
    case "unknown-aggregate": return `aggregate ${name}`;
    case "unknown-macro": return `macro ${name}${typeof p.arity === "number" && p.arity > 0 ? `(${p.arity})` : ""}`;
    case "unknown-datamodel": return `datamodel ${name}`;
    case "bad-argument": return `${String(p.command)} arguments`;
    case "syntax-error": return "syntax";
    default: return d.code;
  }
}

/**
 * Where in the search text a diagnostic points: its span when that is in the search itself (the
 * compilation's first source, id 0), else the call site in the search of the outermost macro it
 * came from; null when it has no span (a runtime failure of the whole search).
 */
export function searchOffsetOf(d: Diagnostic, mainSource = 0): number | null {
  if (d.span?.source === mainSource) return d.span.start;
  let outer: MacroFrame | undefined = d.origin;
  while (outer?.parent) outer = outer.parent;
  return outer?.callSpan.source === mainSource ? outer.callSpan.start : null;
}
