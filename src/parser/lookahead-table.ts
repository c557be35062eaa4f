/**
 * lookahead.generated.ts: Chevrotain's LL(k) lookahead paths for every decision point of the
 * grammar, computed once by `npm run grammar` instead of in the parser's constructor at every
 * start, where they cost ~0.2 s of CPU on an idle machine (~0.7 s under load). It is a module, not
 * a data file, so that it travels with the built code wherever that is copied. It carries a
 * fingerprint of the grammar, tokens and chevrotain version the paths were computed from; a table
 * whose fingerprint does not match the running grammar (an edit without `npm run grammar`) is not
 * used, and the parser computes each decision's paths when it first reaches it, slower but the same.
 */
import { platform } from "../platform/platform.js";
import type { ILookaheadStrategy, LookaheadProductionType, Rule, TokenType } from "chevrotain";
import { EOF, getLookaheadPaths, LLkLookaheadStrategy, serializeGrammar, VERSION } from "../lexer/chevrotain.js";
import { alternativesLookahead, optionalLookahead, type LookaheadPath } from "./lookahead-functions.js";

export interface LookaheadTable {
  readonly comment: string;
  readonly fingerprint: string;
  /** decision key → alternatives → paths, each path its token type names joined by spaces. */
  readonly decisions: Readonly<Record<string, readonly (readonly string[])[]>>;
}

export type AltOptions = Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0];
export type OptionalOptions = Parameters<ILookaheadStrategy["buildLookaheadForOptional"]>[0];
export type DecodedPaths = readonly (readonly LookaheadPath[])[];

/** One decision point: Chevrotain asks for each by rule, production type, occurrence index and k. */
export function decisionKey(rule: string, prodType: LookaheadProductionType, occurrence: number, maxLookahead: number): string {
  return `${rule} ${prodType}${occurrence} k${maxLookahead}`;
}

/** What the paths depend on: the recorded grammar, the token types with their categories, and chevrotain's version. */
export function grammarFingerprint(rules: Rule[], tokens: readonly TokenType[]): string {
  const tokenShapes = tokens.map((t) => [t.name, (t.CATEGORIES ?? []).map((c) => c.name)]);
  return platform().digests.hex("sha256", JSON.stringify([VERSION, tokenShapes, serializeGrammar(rules)]));
}

/** The table's paths as token types; null when it names a token type the lexer does not have. */
export function decodeTable(table: LookaheadTable, tokens: readonly TokenType[]): Map<string, DecodedPaths> | null {
  const byName = new Map<string, TokenType>([[EOF.name, EOF], ...tokens.map((t): [string, TokenType] => [t.name, t])]);
  const out = new Map<string, DecodedPaths>();
  for (const [key, alts] of Object.entries(table.decisions)) {
    const decoded: LookaheadPath[][] = [];
    for (const paths of alts) {
      const alt: LookaheadPath[] = [];
      for (const path of paths) {
        const types = path === "" ? [] : path.split(" ").map((name) => byName.get(name));
        if (types.some((t) => t === undefined)) return null;
        alt.push(types as TokenType[]);
      }
      decoded.push(alt);
    }
    out.set(key, decoded);
  }
  return out;
}

function encode(paths: DecodedPaths): string[][] {
  return paths.map((alt) => alt.map((path) => path.map((t) => t.name).join(" ")));
}

/**
 * Computes every decision's paths as Chevrotain's LL(k) strategy does and keeps them: the source of
 * lookahead.generated.ts. Its functions are built from those paths by lookahead-functions.ts, as
 * the production parser's are from the file.
 */
export class RecordingLookahead extends LLkLookaheadStrategy {
  private fingerprint = "";
  private readonly decisions: Record<string, string[][]> = {};

  constructor(private readonly opts: { readonly maxLookahead: number; readonly tokens: readonly TokenType[] }) {
    super({ maxLookahead: opts.maxLookahead });
  }

  override initialize(options: { rules: Rule[] }): void {
    this.fingerprint = grammarFingerprint(options.rules, this.opts.tokens);
  }

  override buildLookaheadForAlternation(o: AltOptions): ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]> {
    const paths = getLookaheadPaths({ occurrence: o.prodOccurrence, rule: o.rule, prodType: "Alternation", maxLookahead: o.maxLookahead });
    this.decisions[decisionKey(o.rule.name, "Alternation", o.prodOccurrence, o.maxLookahead)] = encode(paths);
    return alternativesLookahead(paths, o.hasPredicates);
  }

  override buildLookaheadForOptional(o: OptionalOptions): ReturnType<ILookaheadStrategy["buildLookaheadForOptional"]> {
    // Chevrotain's optional lookahead uses the paths into the production (the first of the two).
    const paths = getLookaheadPaths({ occurrence: o.prodOccurrence, rule: o.rule, prodType: o.prodType, maxLookahead: o.maxLookahead }).slice(0, 1);
    this.decisions[decisionKey(o.rule.name, o.prodType, o.prodOccurrence, o.maxLookahead)] = encode(paths);
    return optionalLookahead(paths[0] ?? []);
  }

  table(): LookaheadTable {
    return {
      comment: "Generated by `npm run grammar` from src/parser/parser.ts (src/parser/lookahead-table.ts). Do not edit.",
      fingerprint: this.fingerprint,
      decisions: this.decisions,
    };
  }
}

/** lookahead.generated.ts: one decision per line, so a grammar change shows as a readable diff. */
export function formatLookaheadModule(t: LookaheadTable): string {
  const lines = Object.entries(t.decisions).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return [
    `// ${t.comment}`,
    "// After a grammar or token edit: npm run build && npm run grammar && npm run build",
    'import type { LookaheadTable } from "./lookahead-table.js";',
    "",
    "export const GENERATED_LOOKAHEAD: LookaheadTable = {",
    `  comment: ${JSON.stringify(t.comment)},`,
    `  fingerprint: ${JSON.stringify(t.fingerprint)},`,
    "  decisions: {",
    ...lines,
    "  },",
    "};",
    "",
  ].join("\n");
}
