/**
 * SPL token definitions (Chevrotain). Tokens are fine-grained (identifiers, numbers, single
 * operator characters); the parser glues adjacent tokens back into search terms such as
 * `scrcons.exe` or `*\\cmd.exe` (see `glued` in lexer.ts), because the same characters are
 * operators in eval (`a-b`, `a.b`) and plain text in search terms.
 *
 * Keywords are separate token types (with `longer_alt: Identifier`, so `bytes` or `INFO` stay
 * identifiers) rather than an Identifier category: a category would make `NOT x` vs a field named
 * `NOT` ambiguous in several rules. Where a keyword may stand for a plain word (a search value
 * `as`, a field `by`), the parser's word rules accept it explicitly.
 */
import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });
/** ``` comment ``` (ESCU uses them in 19 searches). */
export const Comment = createToken({ name: "Comment", pattern: /```[\s\S]*?```/, group: Lexer.SKIPPED });
/** `macro` or `macro(args)`; replaced by the expander before parsing. */
export const MacroCall = createToken({ name: "MacroCall", pattern: /`[^`]+`/ });
/** "…" with backslash escapes. */
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\]|\\[\s\S])*"/ });
/**
 * `"("<expr>")"`: streamstats' reset_before/reset_after as its reference page writes them
 * (`reset_after="("description==\"session is closed\"")"`), a quoted "(", the expression with its
 * quotes escaped, and a quoted ")", written together; Splunk joins the pieces into `(<expr>)`.
 * One token, because the expression may hold spaces inside escaped quotes. It is a StringLiteral
 * (category) whose text `unquote` (parser/cst-helpers.ts) rebuilds. The expression must start
 * right after the `"("`, so `"(" x ")"` in a search stays three terms.
 */
export const ParenString = createToken({
  name: "ParenString", pattern: /"\("(?:[^"\\\s]|\\[\s\S])(?:[^"\\]|\\[\s\S])*"\)"/, categories: [StringLiteral], start_chars_hint: ['"'],
});
/** '…' — a field name in eval/where ('Processes.dest', '<<FIELD>>'). */
export const QuotedName = createToken({ name: "QuotedName", pattern: /'(?:[^'\\]|\\[\s\S])*'/ });

/** Categories: which tokens may start / continue a glued word, and operator groups (keeps order in the CST). */
export const WordPart = createToken({ name: "WordPart", pattern: Lexer.NA });
export const WordStart = createToken({ name: "WordStart", pattern: Lexer.NA, categories: [WordPart] });
export const AdditiveOp = createToken({ name: "AdditiveOp", pattern: Lexer.NA });
export const MultiplicativeOp = createToken({ name: "MultiplicativeOp", pattern: Lexer.NA });
export const ComparisonOp = createToken({ name: "ComparisonOp", pattern: Lexer.NA });
export const OrOp = createToken({ name: "OrOp", pattern: Lexer.NA });

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [WordStart] });

function keyword(name: string, pattern: RegExp, extra: TokenType[] = []): TokenType {
  return createToken({ name, pattern, longer_alt: Identifier, categories: [WordPart, ...extra] });
}
// Boolean operators must be capitalised in search (spl-semantics.md §5.2), so the search rules
// accept only the upper-case images and read lower-case ones as plain words; eval/where accept both
// (ESCU writes `where a and b` and `x like "%y"`).
export const And = keyword("And", /AND|and/);
export const Or = keyword("Or", /OR|or/, [OrOp]);
export const Not = keyword("Not", /NOT|not/);
export const Xor = keyword("Xor", /XOR|xor/, [OrOp]);
export const In = keyword("In", /IN/);
export const Like = keyword("Like", /LIKE|like/);

/** Keywords that are operators only when upper-case in a search. */
export const SEARCH_OPERATOR_WORDS: readonly TokenType[] = [And, Or, Not, Xor, Like];
export const By = keyword("By", /[Bb][Yy]/);
export const As = keyword("As", /[Aa][Ss]/);
export const Where = keyword("Where", /[Ww][Hh][Ee][Rr][Ee]/);

export const Number = createToken({ name: "Number", pattern: /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/, categories: [WordStart] });
/** `\"` outside a string: a literal quote inside a search word (ESCU: `…=*\"privileged\":true*`). */
export const EscapedQuote = createToken({ name: "EscapedQuote", pattern: /\\"/, categories: [WordStart] });

/** `<<FIELD>>`, `<<MATCHSTR>>`…: foreach template placeholders, usable where a field name is. */
export const Placeholder = createToken({ name: "Placeholder", pattern: /<<[A-Z0-9_]+>>/, categories: [WordStart] });

export const Pipe = createToken({ name: "Pipe", pattern: /\|/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const EqEq = createToken({ name: "EqEq", pattern: /==/, categories: [ComparisonOp] });
export const NotEq = createToken({ name: "NotEq", pattern: /!=/, categories: [ComparisonOp] });
export const LtEq = createToken({ name: "LtEq", pattern: /<=/, categories: [ComparisonOp] });
export const GtEq = createToken({ name: "GtEq", pattern: />=/, categories: [ComparisonOp] });
export const Eq = createToken({ name: "Eq", pattern: /=/, categories: [ComparisonOp] });
export const Lt = createToken({ name: "Lt", pattern: /</, categories: [ComparisonOp] });
export const Gt = createToken({ name: "Gt", pattern: />/, categories: [ComparisonOp] });
export const Plus = createToken({ name: "Plus", pattern: /\+/, categories: [WordStart, AdditiveOp] });
export const Minus = createToken({ name: "Minus", pattern: /-/, categories: [WordStart, AdditiveOp] });
export const Star = createToken({ name: "Star", pattern: /\*/, categories: [WordStart, MultiplicativeOp] });
export const Slash = createToken({ name: "Slash", pattern: /\//, categories: [WordStart, MultiplicativeOp] });
export const Percent = createToken({ name: "Percent", pattern: /%/, categories: [WordStart, MultiplicativeOp] });
export const Dot = createToken({ name: "Dot", pattern: /\./, categories: [WordStart, AdditiveOp] });
/** Any other visible character (`\`, `:`, `$`, `@`, non-ASCII letters…): only meaningful inside search terms. */
const OTHER_CHAR = /[^\s"'`|()[\],=<>!+\-*/%.A-Za-z0-9_]|!/;
export const OtherChar = createToken({ name: "OtherChar", pattern: OTHER_CHAR, categories: [WordStart], start_chars_hint: otherCharStarts() });

/**
 * The characters OtherChar can start with, for Chevrotain's first-character table. Chevrotain
 * cannot read them off a complement set, and without the table every token of a search tried all
 * forty patterns in turn: 150,000 stray backslashes took 0.4 s to lex. Above U+00FF Chevrotain
 * 11's table has one slot per 255 code units (`255 + ⌊code / 255⌋`, charCodeToOptimizedIndex), so
 * one character of each slot stands for it; tokenize.test.ts lexes every code unit to check.
 */
function otherCharStarts(): string[] {
  const out: string[] = [];
  for (let c = 0; c < 256; c++) if (OTHER_CHAR.test(String.fromCharCode(c))) out.push(String.fromCharCode(c));
  for (let slot = 1; slot * 255 <= 0xffff; slot++) out.push(String.fromCharCode(Math.max(256, slot * 255)));
  return out;
}

/** Order matters: longer operators first, keywords before Identifier. */
export const ALL_TOKENS: TokenType[] = [
  WordPart, WordStart, AdditiveOp, MultiplicativeOp, ComparisonOp, OrOp,
  WhiteSpace, Comment, MacroCall, EscapedQuote, ParenString, StringLiteral, QuotedName,
  And, Or, Not, Xor, In, Like, By, As, Where,
  Identifier, Number, Placeholder,
  Pipe, LParen, RParen, LBracket, RBracket, Comma,
  EqEq, NotEq, LtEq, GtEq, Eq, Lt, Gt,
  Plus, Minus, Star, Slash, Percent, Dot, OtherChar,
];

