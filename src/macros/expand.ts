/**
 * Macro expansion at token level, before parsing (escu-corpus.md "Parsing details"). Each call's
 * definition, with its `$arg$`s substituted, becomes a source of its own; it is lexed, expanded
 * recursively and spliced in place of the call token. Every spliced token keeps a MacroFrame
 * (macro name + call span, chained), so an error inside a macro shows the body and the call site.
 */
import { diag, type Diagnostic, type MacroFrame } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { tokenize, tokenSpan, type SplToken } from "../lexer/lexer.js";
import { MacroCall as MacroCallToken } from "../lexer/tokens.js";
import type { SourceSet } from "../source/source-text.js";
import { parseMacroCall, substituteArgs } from "./macro-call.js";
import { macroKey, type MacroTable } from "./macro-table.js";

export const MAX_MACRO_DEPTH = 32;

export interface ExpandResult {
  readonly tokens: SplToken[];
  readonly diagnostics: Diagnostic[];
}

/** Replaces every macro call token by its expansion. Returns the input array itself when there is none. */
export function expandMacros(tokens: SplToken[], sources: SourceSet, macros: MacroTable): ExpandResult {
  const diagnostics: Diagnostic[] = [];
  const out = expandList(tokens, { sources, macros, diagnostics }, []);
  return { tokens: out, diagnostics };
}

interface Ctx {
  readonly sources: SourceSet;
  readonly macros: MacroTable;
  readonly diagnostics: Diagnostic[];
}

function expandList(tokens: SplToken[], ctx: Ctx, stack: string[]): SplToken[] {
  if (!tokens.some((t) => t.tokenType === MacroCallToken)) return tokens;
  const out: SplToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as SplToken;
    if (tok.tokenType !== MacroCallToken) {
      out.push(tok);
      continue;
    }
    const body = expandCall(tok, ctx, stack);
    if (body.length > 0) {
      // The text after substitution touches its neighbours only if the body has no edge whitespace.
      const first = body[0] as SplToken;
      first.glued = tok.glued && first.glued;
      const next = tokens[i + 1];
      if (next && !(body[body.length - 1] as SplToken).touchesEnd) next.glued = false;
    }
    out.push(...body);
  }
  return out;
}

function expandCall(tok: SplToken, ctx: Ctx, stack: string[]): SplToken[] {
  const span = tokenSpan(tok);
  const extra = tok.origin ? { origin: tok.origin } : {};
  const call = parseMacroCall(tok.image);
  if (typeof call === "string") {
    ctx.diagnostics.push(diag("macro-args", { name: tok.image, message: call }, span, extra));
    return [];
  }
  const key = macroKey(call.name, call.args.length);
  const def = ctx.macros.get(call.name, call.args.length);
  if (!def) {
    const hints = didYouMean(key, ctx.macros.keys());
    ctx.diagnostics.push(diag("unknown-macro", { name: call.name, arity: call.args.length }, span, { ...extra, hints }));
    return [];
  }
  if (stack.includes(key)) {
    ctx.diagnostics.push(diag("macro-cycle", { chain: [...stack, key].join(" → ") }, span, extra));
    return [];
  }
  if (stack.length >= MAX_MACRO_DEPTH) {
    ctx.diagnostics.push(diag("macro-depth", { name: key, limit: MAX_MACRO_DEPTH }, span, extra));
    return [];
  }
  const text = substituteArgs(def.definition, def.args, call.args);
  const source = ctx.sources.add(`macro ${key}`, text);
  const frame: MacroFrame = { macro: key, callSpan: span, ...(tok.origin ? { parent: tok.origin } : {}) };
  const lexed = tokenize(source, frame);
  ctx.diagnostics.push(...lexed.diagnostics);
  const first = lexed.tokens[0];
  if (first) first.glued = first.startOffset === 0;
  const last = lexed.tokens[lexed.tokens.length - 1] as SplToken | undefined;
  if (last) last.touchesEnd = (last.endOffset ?? 0) + 1 === text.length;
  return expandList(lexed.tokens, ctx, [...stack, key]);
}
