import { describe, expect, it } from "vitest";
import { buildLexer, tokenize } from "../../../src/lexer/lexer.js";
import { SourceSet } from "../../../src/source/source-text.js";

function lex(text: string) {
  const src = new SourceSet().add("q", text);
  return tokenize(src);
}

describe("tokenize", () => {
  it.each([
    ["a=b", ["Identifier", "Eq", "Identifier"]],
    ['x="a \\"q\\" b"', ["Identifier", "Eq", "StringLiteral"]],
    ["`macro(a, b)` | x", ["MacroCall", "Pipe", "Identifier"]],
    ["NOT a OR b AND c", ["Not", "Identifier", "Or", "Identifier", "And", "Identifier"]],
    ["INFO bytes BYTE", ["Identifier", "Identifier", "Identifier"]],
    ["by BY as AS", ["By", "By", "As", "As"]],
    ["a!=1 b<=2 c>=3 d==4", ["Identifier", "NotEq", "Number", "Identifier", "LtEq", "Number", "Identifier", "GtEq", "Number", "Identifier", "EqEq", "Number"]],
    ["```a comment``` x", ["Identifier"]],
    ["'Processes.dest'", ["QuotedName"]],
    ['replace(x, "`", "")', ["Identifier", "LParen", "Identifier", "Comma", "StringLiteral", "Comma", "StringLiteral", "RParen"]],
  ])("%s", (text, types) => {
    const r = lex(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.tokens.map((t) => t.tokenType.name)).toEqual(types);
  });

  it("marks glued tokens so search words can be rebuilt", () => {
    const r = lex("C:\\Windows\\*.exe next");
    expect(r.tokens.map((t) => t.glued)).toEqual([false, true, true, true, true, true, true, true, false]);
  });

  it.each([
    ['a="unterminated', "unterminated-string", 2],
    ["a `macro", "unterminated-macro", 2],
    ["```open comment", "unterminated-comment", 0],
  ])("reports %s", (text, code, at) => {
    const r = lex(text);
    expect(r.diagnostics[0]?.code).toBe(code);
    expect(r.diagnostics[0]?.span?.start).toBe(at);
  });
});

describe("the token definitions", () => {
  // The process's lexer skips Chevrotain's checks (lexer.ts); an edit of tokens.ts must pass them.
  it("pass Chevrotain's lexer validations", () => {
    const checked = buildLexer({ validate: true });
    expect(checked.lexerDefinitionErrors).toEqual([]);
    // Warnings (e.g. a pattern that can match a line terminator) are not in chevrotain's typings.
    expect((checked as unknown as { lexerDefinitionWarning: unknown[] }).lexerDefinitionWarning).toEqual([]);
  });
});

describe("the first-character table", () => {
  // buildLexer({ validate: true }) sets ensureOptimizations: Chevrotain throws if any token cannot
  // use the table (OtherChar's start_chars_hint in tokens.ts).
  it("covers every token, so each token tries only the patterns its first character allows", () => {
    expect(() => buildLexer({ validate: true })).not.toThrow();
  });

  // OtherChar's hint names one character per table slot above U+00FF; a slot missed would make
  // its characters a lexing error instead of a search-word character.
  it("lexes every UTF-16 code unit outside the token set's own starts as OtherChar", () => {
    const special = /[\s"'`|()[\],=<>+\-*/%.A-Za-z0-9_]/;
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (special.test(ch) || ch === "!") continue;
      const r = lex(ch);
      if (r.diagnostics.length > 0 || r.tokens.length !== 1 || r.tokens[0]?.tokenType.name !== "OtherChar") wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
