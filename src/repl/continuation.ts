/**
 * Multi-line input for the REPL: a search continues on the next line while a bracket, a quote or a
 * backtick macro call is still open, or while the last line ends with `|` (the user is about to
 * write the next command). Dot commands are one line, except `.explain <spl>`.
 */

export interface OpenState {
  /** Closers still expected, innermost last: `)` `]`. */
  readonly stack: readonly string[];
  /** The quote character still open (`"`, `'` or a backtick), or null. */
  readonly quote: string | null;
}

/** Scans SPL text for what is still open at its end. Backslash escapes inside quotes are honoured. */
export function openState(text: string): OpenState {
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== null) {
      // A backslash escapes the next character inside "..." (SPL strings); backticks have no escapes.
      if (ch === "\\" && quote !== "`") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "(") stack.push(")");
    else if (ch === "[") stack.push("]");
    else if ((ch === ")" || ch === "]") && stack.at(-1) === ch) stack.pop();
  }
  return { stack, quote };
}

/** True when `text` (all lines so far, joined by "\n") is an unfinished search. */
export function needsMore(text: string): boolean {
  const dot = /^\s*\.(\w*)/.exec(text);
  // Only .explain takes SPL, which may span lines like a search; other dot commands are one line.
  if (dot) return dot[1] === "explain" && needsMore(text.slice(dot[0].length));
  const st = openState(text);
  if (st.quote !== null || st.stack.length > 0) return true;
  return /\|\s*$/.test(text);
}

/**
 * Accumulates input lines into complete entries. `push` returns the entry when it is complete,
 * or null when more lines are needed (the prompt then shows the continuation marker).
 */
export class LineAccumulator {
  private lines: string[] = [];

  get pending(): boolean {
    return this.lines.length > 0;
  }

  push(line: string): string | null {
    if (this.lines.length === 0 && line.trim() === "") return null;
    this.lines.push(line);
    const text = this.lines.join("\n");
    if (needsMore(text)) return null;
    this.lines = [];
    return text.trim();
  }

  /** The lines typed so far of an unfinished entry ("" when none). */
  get pendingText(): string {
    return this.lines.join("\n");
  }

  /** Drops a half-typed entry (Ctrl-C at a continuation prompt). */
  reset(): void {
    this.lines = [];
  }

  /** What is pending at end of input, so a script's last unfinished search is still run. */
  flush(): string | null {
    const text = this.lines.join("\n").trim();
    this.lines = [];
    return text === "" ? null : text;
  }
}
