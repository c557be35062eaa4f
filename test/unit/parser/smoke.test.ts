/**
 * The process-wide parser is built the fast way: without Chevrotain's grammar checks, with its
 * lookahead from lookahead.generated.ts (parser.ts, table-lookahead.ts). These tests build
 * one the slow, checked way, with Chevrotain's own LL(k) lookahead, and hold the fast one to it.
 */
import type { CstNode, IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { LLkLookaheadStrategy } from "../../../src/lexer/chevrotain.js";
import { tokenize } from "../../../src/lexer/lexer.js";
import * as T from "../../../src/lexer/tokens.js";
import { GENERATED_LOOKAHEAD } from "../../../src/parser/lookahead.generated.js";
import { MAX_LOOKAHEAD, SplParser, splParser } from "../../../src/parser/parser.js";
import { TableLookahead } from "../../../src/parser/table-lookahead.js";
import { SourceSet } from "../../../src/source/source-text.js";

// Throws "Parser Definition Errors detected" when an edit makes the grammar ambiguous or left-recursive.
const reference = new SplParser({ validate: true, lookahead: new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD }) });

/** The CST (token types by name) and the errors, as a string to compare. */
function parsed(parser: SplParser, tokens: readonly IToken[]): string {
  parser.load(tokens.map((t) => ({ ...t })));
  const cst: CstNode = parser.pipeline();
  const errors = parser.errors.map((e) => [e.name, e.message, e.token.image, e.token.startOffset]);
  return JSON.stringify([cst, errors], (k, v: unknown) => (k === "tokenType" ? (v as { name: string }).name : v));
}

const tokensOf = (q: string): IToken[] => tokenize(new SourceSet().add("query", q)).tokens;

// Valid and invalid searches over every rule; each is also parsed cut after every token.
const QUERIES = [
  "index=main a OR b c NOT d",
  '| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest Processes.user',
  '| rename "Processes.*" as * | convert timeformat="%Y" ctime(firstTime)',
  '| stats count(eval(x="a")) as c values(y) by z span=1h, w',
  '| eval a=1, b="x" . c, d=if(x>1 AND y="a" OR z, "hi", null()) | where x IN ("a", "b") AND NOT y LIKE "%z"',
  "| foreach * [eval <<FIELD>>=if(<<FIELD>>=\"null\", null(), <<FIELD>>)]",
  '| transaction x startswith=(EventCode=5136 OperationType="%%14674") | head (count > 5)',
  "| append [ mstats count(x) as y where z=1 ] | search a OR b or c | where a and b or not c",
  "x=*GetCurrent()* C:\\Windows\\*.exe process_name=CASE(WMIC.exe) TERM(10.0.0.1) [| inputlookup t.csv | fields user]",
  "| eval 'inbound:outbound'=a/b, x='Processes.dest' | sort - count | table a, b c",
  "| eval x= | stats count by",
  "| where ( | eval a=(1 | tstats count where by x",
  "a ) b | stats count(eval(",
];

describe("the parser", () => {
  it("takes its lookahead from lookahead.generated.ts (if not: `npm run build && npm run grammar && npm run build`)", () => {
    expect((splParser as unknown as { lookaheadStrategy: TableLookahead }).lookaheadStrategy.fromTable).toBe(true);
  });

  it.each(QUERIES)("parses %s and every prefix of it as Chevrotain's own lookahead does", (q) => {
    const tokens = tokensOf(q);
    for (let n = tokens.length; n >= 1; n--) expect(parsed(splParser, tokens.slice(0, n))).toBe(parsed(reference, tokens.slice(0, n)));
  });

  const table = GENERATED_LOOKAHEAD;
  it.each([
    ["a stale table (another grammar)", { ...table, fingerprint: "stale" }],
    ["a table naming an unknown token", { ...table, decisions: { ...table.decisions, "pipeline Alternation0 k3": [["NoSuchToken"]] } }],
    ["no table", null],
  ])("does not use %s", (_, bad) => {
    const strategy = new TableLookahead({ maxLookahead: MAX_LOOKAHEAD, tokens: T.ALL_TOKENS, table: bad });
    new SplParser({ lookahead: strategy });
    expect(strategy.fromTable).toBe(false);
  });

  it("computes the lookahead when it has no table", () => {
    // Each decision is computed when first reached (~1 s for all): one search that reaches a few.
    const parser = new SplParser({ lookahead: new TableLookahead({ maxLookahead: MAX_LOOKAHEAD, tokens: T.ALL_TOKENS, table: null }) });
    const tokens = tokensOf("index=main a OR b c NOT d");
    expect(parsed(parser, tokens)).toBe(parsed(reference, tokens));
  });
});
