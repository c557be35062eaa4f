/**
 * Friendlier parser messages: Chevrotain's "Expecting token of type --> X <--" rewritten in SPL terms.
 */
import type { IRecognitionException } from "chevrotain";

const TOKEN_WORDS: Readonly<Record<string, string>> = {
  RParen: '")"', LParen: '"("', RBracket: '"]"', LBracket: '"["', Eq: '"="', Comma: '","', Pipe: '"|"',
  Identifier: "a name", WordStart: "a word", StringLiteral: "a quoted string", EOF: "end of search",
};

export function friendlyMessage(e: IRecognitionException, found: string): string {
  const m = /Expecting(?: token of type)? --> (\w+) <--/.exec(e.message);
  if (m?.[1]) return `expected ${TOKEN_WORDS[m[1]] ?? m[1]} but found ${found}`;
  if (e.name === "NotAllInputParsedException") return `unexpected ${found}`;
  if (e.name === "NoViableAltException") return `unexpected ${found}`;
  if (e.name === "EarlyExitException") return `expected more input before ${found}`;
  return `${e.message.split("\n")[0] ?? "syntax error"}`;
}
