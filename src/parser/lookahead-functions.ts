/**
 * The lookahead functions Chevrotain's LL(k) strategy builds (lookahead.js in chevrotain 11:
 * buildAlternativesLookAheadFunc, buildSingleAlternativeLookaheadFunction), built here from paths
 * read from lookahead.generated.ts instead of computed. Same decision rule: the first alternative
 * whose gate (if the choice has gates) passes and one of whose token paths matches the next tokens;
 * an empty path matches anything. Chevrotain's own versions add shortcuts (a table for one-token
 * paths) that choose the same alternative.
 */
import type { IOrAlt, TokenType } from "chevrotain";
import { tokenMatcher } from "../lexer/chevrotain.js";

export type LookaheadPath = readonly TokenType[];

/**
 * The part of the parser a lookahead function reads (Chevrotain calls it with `this` = the parser).
 * LA_FAST, not LA, as Chevrotain's own functions do, so that they behave the same at the end of input.
 */
interface Lookahead {
  LA_FAST(howMuch: number): Parameters<typeof tokenMatcher>[0];
}

function matchesOne(parser: Lookahead, paths: readonly LookaheadPath[]): boolean {
  nextPath: for (const path of paths) {
    for (let i = 0; i < path.length; i++) {
      if (!tokenMatcher(parser.LA_FAST(i + 1), path[i] as TokenType)) continue nextPath;
    }
    return true;
  }
  return false;
}

/** For OR: the index of the alternative to take, undefined when none fits. */
export function alternativesLookahead(alts: readonly (readonly LookaheadPath[])[], hasPredicates: boolean): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
  return function (this: Lookahead, orAlts?: IOrAlt<unknown>[]): number | undefined {
    for (let t = 0; t < alts.length; t++) {
      const gate = hasPredicates ? orAlts?.[t]?.GATE : undefined;
      if (gate !== undefined && gate.call(this) === false) continue;
      if (matchesOne(this, alts[t] as readonly LookaheadPath[])) return t;
    }
    return undefined;
  };
}

/** For OPTION, MANY, AT_LEAST_ONE (and their _SEP forms): whether to enter (again). */
export function optionalLookahead(paths: readonly LookaheadPath[]): () => boolean {
  return function (this: Lookahead): boolean {
    return matchesOne(this, paths);
  };
}
