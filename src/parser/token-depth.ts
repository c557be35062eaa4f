/**
 * A nesting limit checked on the token stream before parsing. The parser is recursive descent:
 * every `(`, `[` or prefix `NOT`/`-` costs a few dozen stack frames, and ~260 nested parentheses
 * in eval overflowed the stack (issue 10). Counting on tokens needs no grammar change and runs in
 * one pass. The deepest ESCU search nests 6 levels (after macro expansion), so 100 leaves ample
 * room for hand-written searches while staying well below what the stack holds (~260 in eval on
 * the main thread, the smallest of every construct measured).
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { tokenSpan, type SplToken } from "../lexer/lexer.js";
import * as T from "../lexer/tokens.js";

export const MAX_NESTING = 100;

/**
 * The first token at which nesting exceeds `limit`, as a `too-deep` diagnostic. A bracket counts one
 * level, together with the run of prefix operators just before it (`NOT (` is two); a run of prefix
 * operators counts one per operator (`NOT NOT x` is two), since each is a recursive rule.
 */
export function checkTokenDepth(tokens: readonly SplToken[], limit = MAX_NESTING): Diagnostic | null {
  const frames: number[] = [];
  let open = 0;
  let run = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.Not || type === T.Minus) run++;
    else if (type === T.LParen || type === T.LBracket) {
      frames.push(run + 1);
      open += run + 1;
      run = 0;
    } else {
      // An unbalanced closer is the parser's to report.
      if (type === T.RParen || type === T.RBracket) open -= frames.pop() ?? 0;
      run = 0;
    }
    if (open + run > limit) {
      return diag("too-deep", { what: "parentheses, brackets and NOT/- operators", limit }, tokenSpan(t), {
        ...(t.origin ? { origin: t.origin } : {}),
        hints: ["flatten the search (e.g. `x IN (…)` instead of nested ORs) or split it into several searches"],
      });
    }
  }
  return null;
}
