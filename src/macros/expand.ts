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
import { escuMacroHint, isEscuMacroName } from "./escu-names.js";
import { parseMacroCall, substituteArgs } from "./macro-call.js";
import { macroKey, type MacroTable } from "./macro-table.js";

export const MAX_MACRO_DEPTH = 32;
/**
 * Tokens all the expansions of one search may add. Depth is bounded above, but fan-out is not: ten
 * calls per body, six levels deep, is a million tokens (issue 10: 262k tokens ended in a
 * RangeError). ESCU's largest expanded search is 1,113 tokens; parsing 100,000 takes about a second.
 */
export const MAX_EXPANDED_TOKENS = 100_000;
/**
 * Characters of macro text (after `$arg$` substitution) one search may add. An argument passed on
 * twice per level doubles the text at every level while adding a single token (the call), so
 * tokens alone do not bound it. ESCU's largest expansion adds 4.6 KB.
 */
export const MAX_EXPANDED_CHARS = 10_000_000;

export interface ExpandResult {
  readonly tokens: SplToken[];
  readonly diagnostics: Diagnostic[];
}

/** Replaces every macro call token by its expansion. Returns the input array itself when there is none. */
export function expandMacros(tokens: SplToken[], sources: SourceSet, macros: MacroTable): ExpandResult {
  const diagnostics: Diagnostic[] = [];
  const out = expandList(tokens, { sources, macros, diagnostics, added: 0, chars: 0, full: false }, []);
  return { tokens: out, diagnostics };
}

interface Ctx {
  readonly sources: SourceSet;
  readonly macros: MacroTable;
  readonly diagnostics: Diagnostic[];
  /** Tokens lexed and characters substituted from macro bodies so far, against the limits above. */
  added: number;
  chars: number;
  /** Set once the budget is spent: later calls expand to nothing, without a diagnostic each. */
  full: boolean;
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
    // One by one: push(...body) passes every token as an argument, past V8's limit for big bodies.
    for (const t of body) out.push(t);
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
    // Not when the name is defined with another arity: then the call, not the definitions, is wrong.
    if (isEscuMacroName(call.name) && !ctx.macros.keys().some((k) => k === call.name || k.startsWith(`${call.name}(`))) hints.push(escuMacroHint(call.name));
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
  if (ctx.full) return [];
  const tooBig = (limit: string): SplToken[] => {
    ctx.full = true;
    const hints = ["a macro that calls others several times multiplies at every level; check the definitions named below"];
    ctx.diagnostics.push(diag("macro-size", { name: key, limit }, span, { ...extra, hints }));
    return [];
  };
  const text = substituteArgs(def.definition, def.args, call.args, MAX_EXPANDED_CHARS - ctx.chars);
  if (text === null) return tooBig(`${MAX_EXPANDED_CHARS.toLocaleString("en-US")} characters`);
  ctx.chars += text.length;
  const source = ctx.sources.add(`macro ${key}`, text);
  const frame: MacroFrame = { macro: key, callSpan: span, ...(tok.origin ? { parent: tok.origin } : {}) };
  const lexed = tokenize(source, frame);
  ctx.added += lexed.tokens.length;
  if (ctx.added > MAX_EXPANDED_TOKENS) return tooBig(`${MAX_EXPANDED_TOKENS.toLocaleString("en-US")} tokens`);
  for (const d of lexed.diagnostics) ctx.diagnostics.push(d);
  const first = lexed.tokens[0];
  if (first) first.glued = first.startOffset === 0;
  const last = lexed.tokens[lexed.tokens.length - 1] as SplToken | undefined;
  if (last) last.touchesEnd = (last.endOffset ?? 0) + 1 === text.length;
  return expandList(lexed.tokens, ctx, [...stack, key]);
}
