/**
 * The front half of the pipeline, pure and synchronous: source → tokens → macro expansion → AST.
 */
import type { Pipeline } from "./ast/nodes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { internalError } from "./diagnostics/internal-error.js";
import { tokenize, type SplToken } from "./lexer/lexer.js";
import { expandMacros } from "./macros/expand.js";
import type { MacroTable } from "./macros/macro-table.js";
import { builtinMacros } from "./macros/builtins.js";
import { parseTokens } from "./parser/parse.js";
import { SourceSet, type SourceText } from "./source/source-text.js";
import { diag } from "./diagnostics/diagnostic.js";

/**
 * The most tokens a search may have once its macros are expanded (each macro's expansion is
 * bounded as well: MAX_EXPANDED_TOKENS). ESCU's longest search has 1,113. Parsing costs
 * a few microseconds a token, so this keeps any search's parse well under a second; a longer one
 * is almost always a value list that belongs in a lookup.
 */
export const MAX_SEARCH_TOKENS = 100_000;

function lengthLimit(tokens: readonly SplToken[]): Diagnostic | null {
  const t = tokens[MAX_SEARCH_TOKENS];
  if (!t) return null;
  const span = { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, source: t.src };
  return diag("too-long", { limit: MAX_SEARCH_TOKENS }, span, {
    hints: ["move a long list of values into a lookup (| inputlookup, or `lookup` with a CSV), or split the search"],
    ...(t.origin ? { origin: t.origin } : {}),
  });
}

export interface FrontendResult {
  readonly sources: SourceSet;
  readonly main: SourceText;
  /** The expanded token stream (for `explain`). */
  readonly tokens: readonly SplToken[];
  readonly pipeline: Pipeline | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface FrontendOptions {
  readonly macros?: MacroTable;
  /** Name shown in diagnostics for the query, e.g. `query` or a detection file path. */
  readonly name?: string;
}

/**
 * Lexes, expands macros and parses one search. Stops after the first stage that reports errors.
 * Never throws: an unexpected exception is an `internal` diagnostic (internal-error.ts).
 */
export function parseSearch(text: string, opts: FrontendOptions = {}): FrontendResult {
  const sources = new SourceSet();
  const main = sources.add(opts.name ?? "query", text);
  try {
    return stages(text, sources, main, opts);
  } catch (e) {
    return { sources, main, tokens: [], pipeline: null, diagnostics: [internalError(e, "parsing")] };
  }
}

function stages(text: string, sources: SourceSet, main: SourceText, opts: FrontendOptions): FrontendResult {
  const lexed = tokenize(main);
  if (lexed.diagnostics.length > 0) {
    return { sources, main, tokens: lexed.tokens, pipeline: null, diagnostics: lexed.diagnostics };
  }
  const expanded = expandMacros(lexed.tokens, sources, opts.macros ?? builtinMacros());
  if (expanded.diagnostics.length > 0) {
    return { sources, main, tokens: expanded.tokens, pipeline: null, diagnostics: expanded.diagnostics };
  }
  const tooLong = lengthLimit(expanded.tokens);
  if (tooLong) return { sources, main, tokens: expanded.tokens, pipeline: null, diagnostics: [tooLong] };
  const parsed = parseTokens(expanded.tokens, main.id, text.length);
  return { sources, main, tokens: expanded.tokens, pipeline: parsed.pipeline, diagnostics: parsed.diagnostics };
}
