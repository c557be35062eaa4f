/**
 * The parser's lookahead strategy: Chevrotain's LL(k), with each decision's token paths read from
 * lookahead.generated.ts (lookahead-table.ts) rather than computed in the constructor. A decision
 * the table does not hold (none, or a stale one) is computed by Chevrotain the first time the
 * parser reaches it, so a start never pays for the choices of commands it does not parse.
 */
import type { ILookaheadStrategy, Rule, TokenType } from "chevrotain";
import { LLkLookaheadStrategy } from "../lexer/chevrotain.js";
import { alternativesLookahead, optionalLookahead } from "./lookahead-functions.js";
import { decisionKey, decodeTable, grammarFingerprint, type AltOptions, type DecodedPaths, type LookaheadTable, type OptionalOptions } from "./lookahead-table.js";

type AltFunction = ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]>;
type OptionalFunction = ReturnType<ILookaheadStrategy["buildLookaheadForOptional"]>;

/** Builds `build()` on the first call; Chevrotain calls lookahead functions with `this` = the parser. */
function lazily<A extends unknown[], R>(build: () => (...args: A) => R): (...args: A) => R {
  let built: ((...args: A) => R) | null = null;
  return function (this: unknown, ...args: A): R {
    built ??= build();
    return built.apply(this, args);
  };
}

export class TableLookahead extends LLkLookaheadStrategy {
  private paths: Map<string, DecodedPaths> | null = null;

  constructor(private readonly opts: { readonly maxLookahead: number; readonly tokens: readonly TokenType[]; readonly table: LookaheadTable | null }) {
    super({ maxLookahead: opts.maxLookahead });
  }

  /** Called by performSelfAnalysis with the recorded grammar, before any lookahead is built. */
  override initialize(options: { rules: Rule[] }): void {
    const t = this.opts.table;
    this.paths = t !== null && t.fingerprint === grammarFingerprint(options.rules, this.opts.tokens) ? decodeTable(t, this.opts.tokens) : null;
  }

  /** True when the table matched the grammar (for the tests). */
  get fromTable(): boolean {
    return this.paths !== null;
  }

  override buildLookaheadForAlternation(o: AltOptions): AltFunction {
    const alts = this.paths?.get(decisionKey(o.rule.name, "Alternation", o.prodOccurrence, o.maxLookahead));
    if (alts !== undefined) return alternativesLookahead(alts, o.hasPredicates);
    return lazily(() => super.buildLookaheadForAlternation(o));
  }

  override buildLookaheadForOptional(o: OptionalOptions): OptionalFunction {
    const inside = this.paths?.get(decisionKey(o.rule.name, o.prodType, o.prodOccurrence, o.maxLookahead))?.[0];
    if (inside !== undefined) return optionalLookahead(inside);
    return lazily(() => super.buildLookaheadForOptional(o));
  }
}
