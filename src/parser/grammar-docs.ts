/**
 * The grammar as documentation, generated from the parser itself so it cannot drift: an EBNF
 * reference and Chevrotain's railroad diagrams (HTML). `npm run grammar` writes both to grammar/;
 * a test fails when the committed files are stale. It also writes the parser's precomputed
 * lookahead (lookaheadModule, src/parser/lookahead.generated.ts).
 */
import type { IProduction, TokenType } from "chevrotain";
import {
  Alternation, Alternative, createSyntaxDiagramsCode, NonTerminal, Option, Repetition, RepetitionMandatory,
  RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Terminal,
} from "../lexer/chevrotain.js";
import * as T from "../lexer/tokens.js";
import { formatLookaheadModule, RecordingLookahead } from "./lookahead-table.js";
import { MAX_LOOKAHEAD, SplParser, splParser } from "./parser.js";

/** EBNF text of every rule: `x?` optional, `x*` / `x+` repetition, `(a | b)` choice, quoted tokens. */
export function grammarEbnf(): string {
  const rules = splParser.getGAstProductions();
  const lines = [
    "(* minispl SPL grammar, generated from src/parser/parser.ts by `npm run grammar`. *)",
    "(* Tokens are Chevrotain token types (src/lexer/tokens.ts); `word` glues adjacent tokens. *)",
    "",
  ];
  for (const [name, rule] of Object.entries(rules)) lines.push(`${name} ::= ${seq(rule.definition)} ;`);
  return `${lines.join("\n")}\n`;
}

function seq(items: readonly IProduction[]): string {
  return items.map(prod).join(" ") || "ε";
}

function group(items: readonly IProduction[]): string {
  const s = seq(items);
  const only = items[0];
  const atomic = only instanceof Terminal || only instanceof NonTerminal || only instanceof Alternation;
  return items.length === 1 && atomic ? s : `( ${s} )`;
}

function tok(t: TokenType): string {
  return t.name;
}

function prod(p: IProduction): string {
  if (p instanceof Terminal) return tok(p.terminalType);
  if (p instanceof NonTerminal) return p.nonTerminalName;
  if (p instanceof Option) return `${group(p.definition)}?`;
  if (p instanceof RepetitionMandatoryWithSeparator) return `${group(p.definition)} ( ${tok(p.separator)} ${seq(p.definition)} )*`;
  if (p instanceof RepetitionWithSeparator) return `( ${seq(p.definition)} ( ${tok(p.separator)} ${seq(p.definition)} )* )?`;
  if (p instanceof RepetitionMandatory) return `${group(p.definition)}+`;
  if (p instanceof Repetition) return `${group(p.definition)}*`;
  if (p instanceof Alternation) return `( ${p.definition.map((a) => seq((a as InstanceType<typeof Alternative>).definition)).join(" | ")} )`;
  if (p instanceof Alternative) return seq(p.definition);
  return "?";
}

/** Railroad diagrams as a standalone HTML page (scripts load from the installed chevrotain package). */
export function railroadHtml(): string {
  return createSyntaxDiagramsCode(splParser.getSerializedGastProductions(), {
    resourceBase: "../node_modules/chevrotain/diagrams/",
  });
}

/** src/parser/lookahead.generated.ts: every decision's lookahead paths, computed as Chevrotain does (lookahead-table.ts). */
export function lookaheadModule(): string {
  const recorder = new RecordingLookahead({ maxLookahead: MAX_LOOKAHEAD, tokens: T.ALL_TOKENS });
  new SplParser({ lookahead: recorder });
  return formatLookaheadModule(recorder.table());
}
