/**
 * Where a cursor is in a search, for completion and hover: inside a string, a comment or a macro
 * call (backticks), or in code, and then in which command (the first word after the last `|` of
 * the same pipeline; a subsearch `[…]` is a pipeline of its own) and whether at its name. Scans
 * the text before the cursor once, the way the lexer reads quotes, backticks and ``` comments, so
 * it also works on the unfinished text an editor holds while the user types.
 */

export interface CursorContext {
  /** What the cursor is inside. */
  readonly in: "code" | "string" | "comment" | "macro";
  /** Start of the word before the cursor (what a completion replaces). */
  readonly from: number;
  readonly word: string;
  /** The current command's name, lower-case; `search` where a pipeline starts without `|`. */
  readonly command: string;
  /** The word is where a command name goes (after `|`). */
  readonly atCommandName: boolean;
  /** The text between the start of the current command and the word. */
  readonly head: string;
  /** Inside a string or macro call: where its opening quote or backtick is. */
  readonly open?: number;
}

/** The word characters of field names and datamodel paths (`Processes.process_name`, `a:b`, `x*`). */
const WORD = /[\w.:*-]*$/;
/** Macro names inside backticks. */
const MACRO_NAME = /^[\w.:-]*$/;

export function cursorContext(text: string, offset: number): CursorContext {
  const end = Math.max(0, Math.min(offset, text.length));
  let quote: string | null = null;
  let open = 0;
  let segStart = 0;
  let piped = false;
  const outer: { segStart: number; piped: boolean }[] = [];
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (quote !== null) {
      // A backslash escapes the next character inside a string; macro calls have no escapes.
      if (c === "\\" && quote !== "`") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "`" && text.startsWith("```", i)) {
      const close = text.indexOf("```", i + 3);
      if (close < 0 || close + 3 > end) return blank("comment", end);
      i = close + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      quote = c;
      open = i;
    } else if (c === "|") {
      segStart = i + 1;
      piped = true;
    } else if (c === "[") {
      outer.push({ segStart, piped });
      segStart = i + 1;
      piped = false;
    } else if (c === "]") {
      const o = outer.pop();
      if (o) ({ segStart, piped } = o);
    }
  }
  if (quote === '"' || quote === "'") return { ...blank("string", end), open };
  const before = text.slice(segStart, end);
  if (quote === "`") {
    const name = text.slice(open + 1, end);
    if (!MACRO_NAME.test(name)) return { ...blank("macro", end), open };
    return { in: "macro", from: open + 1, word: name, command: commandOf(before, piped), atCommandName: false, head: before, open };
  }
  const word = WORD.exec(before)?.[0] ?? "";
  const head = before.slice(0, before.length - word.length);
  const atCommandName = piped && head.trim() === "";
  return { in: "code", from: end - word.length, word, command: atCommandName ? "" : commandOf(before, piped), atCommandName, head };
}

function commandOf(segment: string, piped: boolean): string {
  if (!piped) return "search";
  return /^\s*([A-Za-z_]\w*)/.exec(segment)?.[1]?.toLowerCase() ?? "";
}

function blank(kind: CursorContext["in"], end: number): CursorContext {
  return { in: kind, from: end, word: "", command: "", atCommandName: false, head: "" };
}
