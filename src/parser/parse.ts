/**
 * parse(tokens) → Pipeline + diagnostics. Tokens are the macro-expanded stream; each gets its
 * stream index (`seq`) so the CST→AST step can restore order. Parser errors become diagnostics
 * pointing at the offending token (or the end of the query for an unexpected end). Nesting is
 * bounded before the recursive stages run (token-depth.ts, ast-depth.ts): too deep is a `too-deep`
 * diagnostic, not a stack overflow.
 */
import type { IRecognitionException } from "chevrotain";
import type { Pipeline } from "../ast/nodes.js";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SplToken } from "../lexer/lexer.js";
import type { Span } from "../source/source-text.js";
import { astBuilder } from "./cst-to-ast.js";
import { splParser } from "./parser.js";
import type { SeqToken } from "./cst-helpers.js";
import { friendlyMessage } from "./errors.js";
import { checkAstDepth } from "./ast-depth.js";
import { checkTokenDepth } from "./token-depth.js";

export interface ParseResult {
  readonly pipeline: Pipeline | null;
  readonly diagnostics: Diagnostic[];
}

export function parseTokens(tokens: readonly SplToken[], mainSource: number, mainLength: number): ParseResult {
  tokens.forEach((t, i) => ((t as SeqToken).seq = i));
  if (tokens.length === 0) {
    return { pipeline: null, diagnostics: [diag("empty-pipeline", {}, { start: 0, end: 0, source: mainSource })] };
  }
  const deep = checkTokenDepth(tokens);
  if (deep) return { pipeline: null, diagnostics: [deep] };
  splParser.load(tokens as SplToken[]);
  const cst = splParser.pipeline();
  const diagnostics = splParser.errors.map((e) => toDiagnostic(e, tokens, mainSource, mainLength));
  if (diagnostics.length > 0) return { pipeline: null, diagnostics };
  const pipeline = astBuilder.pipeline(cst);
  const tooDeep = checkAstDepth(pipeline);
  return tooDeep ? { pipeline: null, diagnostics: [tooDeep] } : { pipeline, diagnostics: [] };
}

function toDiagnostic(e: IRecognitionException, tokens: readonly SplToken[], mainSource: number, mainLength: number): Diagnostic {
  const t = e.token as SplToken;
  // Chevrotain 11 marks the EOF/inserted token with NaN offsets: point at the end of the query instead.
  if (Number.isNaN(t.startOffset) || t.tokenType.name === "EOF") {
    const last = tokens[tokens.length - 1];
    if (!last) return diag("syntax-error", { message: friendlyMessage(e, "end of search") }, { start: mainLength, end: mainLength, source: mainSource });
    const end = (last.endOffset ?? last.startOffset) + 1;
    return diag("syntax-error", { message: friendlyMessage(e, "end of search") }, { start: end, end, source: last.src }, last.origin ? { origin: last.origin } : {});
  }
  const span: Span = { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, source: t.src };
  return diag("syntax-error", { message: friendlyMessage(e, JSON.stringify(t.image)) }, span, t.origin ? { origin: t.origin } : {});
}
