/**
 * Syntax colouring for SPL (a StreamLanguage tokenizer, not a parser: the real parser runs on the
 * server and its diagnostics come through the linter). It knows what a reader needs to see:
 * the command after each `|`, functions (a name before `(`), strings, macros in backticks,
 * comments in triple backticks, boolean and clause keywords, numbers and `field=` names.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

interface State {
  /** The next word is a command name (start of the search, or just after `|` or `[`). */
  commandNext: boolean;
  inComment: boolean;
  /** Inside a quoted string that continues on the next line. */
  inString: boolean;
}

const KEYWORDS = new Set(["and", "or", "not", "xor", "by", "as", "over", "where", "output", "outputnew", "from", "in", "like"]);

function token(stream: StringStream, state: State): string | null {
  if (state.inComment) return comment(stream, state);
  if (state.inString) return string(stream, state);
  if (stream.eatSpace()) return null;
  if (stream.match("```")) {
    state.inComment = true;
    return comment(stream, state);
  }
  const ch = stream.peek();
  if (ch === "|" || ch === "[") {
    stream.next();
    state.commandNext = true;
    return "punctuation";
  }
  if (ch === "`") {
    stream.next();
    stream.match(/^[^`]*`?/);
    return "macro";
  }
  if (ch === '"') {
    stream.next();
    state.inString = true;
    return string(stream, state);
  }
  if (stream.match(/^-?\d+(\.\d+)?([eE][-+]?\d+)?\b/)) return "number";
  const word = stream.match(/^[A-Za-z_$*][\w.:$*\-{}@]*/) as RegExpMatchArray | null;
  if (word) {
    const w = word[0];
    if (state.commandNext) {
      state.commandNext = false;
      return "command";
    }
    if (stream.peek() === "(") return "function";
    if (KEYWORDS.has(w.toLowerCase()) && (w === w.toUpperCase() || !["and", "or", "not", "xor"].includes(w.toLowerCase()))) return "keyword";
    if (/^\s*(=|!=|<|>)/.test(stream.string.slice(stream.pos))) return "field";
    return null;
  }
  stream.next();
  state.commandNext = false;
  return /[=<>!+\-*/%.]/.test(ch ?? "") ? "operator" : null;
}

function comment(stream: StringStream, state: State): string {
  if (stream.skipTo("```")) {
    stream.match("```");
    state.inComment = false;
  } else stream.skipToEnd();
  return "comment";
}

function string(stream: StringStream, state: State): string {
  let escaped = false;
  while (!stream.eol()) {
    const c = stream.next();
    if (c === '"' && !escaped) {
      state.inString = false;
      return "string";
    }
    escaped = c === "\\" && !escaped;
  }
  return "string";
}

export const splLanguage = StreamLanguage.define<State>({
  name: "spl",
  startState: () => ({ commandNext: true, inComment: false, inString: false }),
  token,
  tokenTable: {
    command: t.keyword,
    function: t.function(t.variableName),
    macro: t.macroName,
    field: t.propertyName,
    keyword: t.operatorKeyword,
    punctuation: t.separator,
  },
  languageData: { commentTokens: { block: { open: "```", close: "```" } } },
});

export const splHighlight = syntaxHighlighting(HighlightStyle.define([
  { tag: t.keyword, color: "#0b6bcb", fontWeight: "bold" },
  { tag: t.function(t.variableName), color: "#8a3ffc" },
  { tag: t.macroName, color: "#b35c00" },
  { tag: t.string, color: "#1a7f37" },
  { tag: t.comment, color: "#6e7781", fontStyle: "italic" },
  { tag: t.operatorKeyword, color: "#cf222e", fontWeight: "bold" },
  { tag: t.number, color: "#0550ae" },
  { tag: t.propertyName, color: "#953800" },
  { tag: t.separator, color: "#cf222e", fontWeight: "bold" },
]));
