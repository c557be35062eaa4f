/**
 * tokenize(source) → tokens + diagnostics. Each token records its source id and whether it touches
 * the previous token (no whitespace or comment between them), which is how the parser rebuilds
 * search words like `C:\Windows\*.exe` from fine-grained tokens.
 */
import type { IToken, Lexer as ChevrotainLexer } from "chevrotain";
import { Lexer } from "./chevrotain.js";
import { ALL_TOKENS } from "./tokens.js";
import type { SourceText, Span } from "../source/source-text.js";
import { diag, type Diagnostic, type MacroFrame } from "../diagnostics/diagnostic.js";

/** A Chevrotain token plus where it came from. */
export interface SplToken extends IToken {
  /** Source id (the query or a macro body). */
  src: number;
  /** True when no whitespace/comment separates it from the previous token in the final stream. */
  glued: boolean;
  /** Set on tokens that came from a macro body. */
  origin?: MacroFrame;
  /** On the last token of a macro body: true when the body has no trailing whitespace. */
  touchesEnd?: boolean;
}

/**
 * `validate`: Chevrotain's checks of the token definitions (a third of building the lexer, ~20 ms
 * at every start). They can only fail on an edit of tokens.ts, so the process's lexer skips them
 * and test/unit/lexer/tokenize.test.ts builds one with them.
 */
export function buildLexer(opts: { readonly validate?: boolean } = {}): ChevrotainLexer {
  return new Lexer(ALL_TOKENS, { positionTracking: "full", ensureOptimizations: opts.validate === true, skipValidations: opts.validate !== true });
}

const lexer = buildLexer();

export interface LexResult {
  readonly tokens: SplToken[];
  readonly diagnostics: Diagnostic[];
}

/** Splits a source into tokens; lexing errors become diagnostics and the offending characters are skipped. */
export function tokenize(source: SourceText, origin?: MacroFrame): LexResult {
  const res = lexer.tokenize(source.text);
  const diagnostics: Diagnostic[] = res.errors.map((e) => lexError(source, e.offset, e.length, origin));
  let prevEnd = -2;
  const tokens = res.tokens.map((t) => {
    const tok = t as SplToken;
    tok.src = source.id;
    tok.glued = t.startOffset === prevEnd + 1;
    if (origin) tok.origin = origin;
    prevEnd = t.endOffset ?? t.startOffset;
    return tok;
  });
  return { tokens, diagnostics };
}

function lexError(source: SourceText, offset: number, length: number, origin?: MacroFrame): Diagnostic {
  const span: Span = { start: offset, end: offset + Math.max(1, length), source: source.id };
  const extra = origin ? { origin } : {};
  const rest = source.text.slice(offset);
  if (rest.startsWith("```")) return diag("unterminated-comment", {}, { ...span, end: offset + 3 }, extra);
  const ch = rest[0] ?? "";
  if (ch === '"' || ch === "'") return diag("unterminated-string", { quote: ch }, { ...span, end: offset + 1 }, extra);
  if (ch === "`") return diag("unterminated-macro", {}, { ...span, end: offset + 1 }, extra);
  return diag("unexpected-character", { char: ch }, span, extra);
}

/** The span of a token. */
export function tokenSpan(t: SplToken): Span {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, source: t.src };
}
