/**
 * Where a character of a detection's search is in its YAML file, so `check` can name
 * `file:line:col` as an editor opens it. ESCU writes `search:` as a single-quoted scalar, most of
 * them folded over several lines (a line break reads as a space, `''` as `'`); a few are double
 * quoted, plain or block scalars. The top-level `search:` value is scanned with YAML's folding
 * rules, keeping the file offset of each character it yields. When the text scanned is not the
 * search the YAML parser read (a construct this scanner does not follow), the position is where
 * the value starts: approximate, never wrong about the line of `search:`.
 */
import { lineCol } from "../source/source-text.js";

export interface FilePosition {
  readonly line: number;
  readonly col: number;
}

/**
 * The 1-based line and column in `yaml` of character `offset` of `search` (the detection's
 * `search:` as parseDetection gives it, trimmed); null when the file has no top-level `search:`.
 */
export function searchPosition(yaml: string, search: string, offset: number): FilePosition | null {
  const map = searchOffsets(yaml, search);
  if (!map) return null;
  const i = Math.max(0, Math.min(offset, map.offsets.length - 1));
  return lineCol(yaml, map.offsets[i] ?? map.start);
}

/**
 * The file offset in `yaml` of each character of `search` (as searchPosition reads it), and where
 * the value starts; `offsets` is empty when the scanned text is not `search`. Null when the file
 * has no top-level `search:`. The language server maps both ways with it (src/editor/).
 */
export function searchOffsets(yaml: string, search: string): { readonly start: number; readonly offsets: readonly number[] } | null {
  const key = /^search:[ \t]*/m.exec(yaml);
  if (!key) return null;
  let start = key.index + key[0].length;
  // A value on the lines after the key (`search:` then an indented scalar).
  const below = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)+[ \t]+(?=\S)/.exec(yaml.slice(start));
  if (below) start += below[0].length;
  const scanned = scanScalar(yaml, start);
  if (!scanned || scanned.text.trim() !== search) return { start, offsets: [] };
  const lead = scanned.text.length - scanned.text.trimStart().length;
  return { start, offsets: scanned.offsets.slice(lead, lead + search.length) };
}

interface Scanned {
  readonly text: string;
  /** The file offset of each character of `text`. */
  readonly offsets: readonly number[];
}

function scanScalar(s: string, start: number): Scanned | null {
  const c = s[start];
  if (c === "'" || c === '"') return scanQuoted(s, start + 1, c);
  if (c === "|" || c === ">") return scanBlock(s, start, c);
  return scanPlain(s, start);
}

const isBlank = (c: string | undefined) => c === " " || c === "\t";

/** A quoted scalar (from just after its opening quote), folded as YAML folds flow scalars. */
function scanQuoted(s: string, from: number, quote: "'" | '"'): Scanned | null {
  const text: string[] = [];
  const offsets: number[] = [];
  const push = (ch: string, at: number) => {
    text.push(ch);
    offsets.push(at);
  };
  let i = from;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === quote) {
      if (quote === "'" && s[i + 1] === "'") {
        push("'", i);
        i += 2;
        continue;
      }
      return { text: text.join(""), offsets };
    }
    if (quote === '"' && c === "\\") {
      const next = s[i + 1];
      if (next === "\n" || next === "\r") {
        // An escaped line break: nothing, and the next line's indentation goes too.
        i = skipBreakAndIndent(s, i + 1).next;
        continue;
      }
      const e = ESCAPES[next ?? ""];
      if (e === undefined) return null;
      push(e, i);
      i += 2;
      continue;
    }
    if (c === "\n" || c === "\r") {
      i = fold(s, i, text, offsets);
      continue;
    }
    push(c, i);
    i++;
  }
  return null;
}

const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0", a: "\x07", b: "\b", e: "\x1b", f: "\f", v: "\v", " ": " ", N: "\u0085", _: "\u00a0",
};

/**
 * A line break inside a flow scalar: the blanks before it are dropped, then one space, or one
 * newline per empty line that follows; returns where the next line's text starts.
 */
function fold(s: string, at: number, text: string[], offsets: number[]): number {
  while (isBlank(text[text.length - 1])) {
    text.pop();
    offsets.pop();
  }
  let { next } = skipBreakAndIndent(s, at);
  let empty = 0;
  while (s[next] === "\n" || s[next] === "\r") {
    empty++;
    next = skipBreakAndIndent(s, next).next;
  }
  if (empty === 0) {
    text.push(" ");
    offsets.push(at);
  } else {
    for (let k = 0; k < empty; k++) {
      text.push("\n");
      offsets.push(at);
    }
  }
  return next;
}

/** Past one line break (\n or \r\n) and the blanks that start the next line. */
function skipBreakAndIndent(s: string, at: number): { next: number } {
  let i = at + (s[at] === "\r" && s[at + 1] === "\n" ? 2 : 1);
  while (isBlank(s[i])) i++;
  return { next: i };
}

/** A plain scalar: until a comment, or a line that is not indented (the next key). */
function scanPlain(s: string, from: number): Scanned | null {
  const text: string[] = [];
  const offsets: number[] = [];
  let i = from;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === "#" && isBlank(s[i - 1])) {
      while (i < s.length && s[i] !== "\n") i++;
      continue;
    }
    if (c === "\n" || c === "\r") {
      const { next } = skipBreakAndIndent(s, i);
      const lineStart = s.lastIndexOf("\n", next - 1) + 1;
      if (next === lineStart || next >= s.length) break;
      i = fold(s, i, text, offsets);
      continue;
    }
    text.push(c);
    offsets.push(i);
    i++;
  }
  return { text: text.join(""), offsets };
}

/** A block scalar (`|`, `>`, with chomping/indentation indicators): its more-indented lines. */
function scanBlock(s: string, from: number, style: "|" | ">"): Scanned | null {
  const headerEnd = s.indexOf("\n", from);
  if (headerEnd < 0) return null;
  const lines: { start: number; end: number }[] = [];
  let indent = -1;
  for (let at = headerEnd + 1; at < s.length; ) {
    const nl = s.indexOf("\n", at);
    const end = nl < 0 ? s.length : nl;
    const line = s.slice(at, end).replace(/\r$/, "");
    const lead = line.length - line.trimStart().length;
    if (line.trim() !== "") {
      if (indent < 0) indent = lead;
      if (lead < indent || lead === 0) break;
    }
    lines.push({ start: at + Math.min(Math.max(indent, 0), lead), end: at + line.length });
    at = end + 1;
  }
  const text: string[] = [];
  const offsets: number[] = [];
  const empty = (k: number) => (lines[k]?.end ?? 0) <= (lines[k]?.start ?? 0);
  // More indented than the block: kept with its line breaks even when folded.
  const indented = (k: number) => isBlank(s[lines[k]?.start ?? 0]);
  lines.forEach(({ start, end }, k) => {
    for (let i = start; i < end; i++) {
      text.push(s[i] as string);
      offsets.push(i);
    }
    if (k === lines.length - 1) return;
    let sep = "\n";
    if (style === ">" && !empty(k) && !indented(k)) {
      // Folded: the break between two text lines reads as a space; before empty lines it goes
      // (each empty line is one newline), unless the text after them is more indented.
      let next = k + 1;
      while (next < lines.length && empty(next)) next++;
      if (next < lines.length && !indented(next)) sep = next === k + 1 ? " " : "";
    }
    for (const ch of sep) {
      text.push(ch);
      offsets.push(end);
    }
  });
  return { text: text.join(""), offsets };
}
