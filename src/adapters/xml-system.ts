/**
 * The `<System>` block of an XmlWinEventLog record, read in one pass with character tests and
 * comparisons with the names seen last time (name-predictor.ts). It
 * matches exactly what the regex
 * `<(\w+)((?:\s+\w+=(?:'[^']*'|"[^"]*"))*)\s*(?:\/>|>([^<]*)<\/\1\s*>)` (global, over the block)
 * matches — an element whose text has no `<`, or a self-closing one, with quoted attributes —
 * including where it fails and resumes at the next `<`, but without the regex's match arrays
 * and per-element substrings. Values are kept as written: attributes with their quotes (§2.1).
 */
import type { FieldList } from "./field-list.js";
import { NamePredictor } from "./name-predictor.js";

/** System element and attribute names by position (the same for most records); all `\w+` runs. */
const NAMES = new NamePredictor();

const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const SQUOTE = 39;
const DQUOTE = 34;

/** The System values the record itself needs; every element and attribute goes to `fields`. */
export interface SystemScan {
  /** The last `<EventID>`'s text (undefined when it is self-closing), as the regex loop left it. */
  eventId: string | undefined;
  /** The last `<Channel>`'s text, `""` when self-closing. */
  channel: string | undefined;
  /** The last `TimeCreated SystemTime`, without quotes. */
  systemTime: string | undefined;
}

/**
 * Reads `raw[from, to)` (the block between `<System>` and `</System>`): element text by tag name
 * and attributes by attribute name, first value kept (REPORT without MV_ADD); empty text adds no
 * field (Splunk extracts nothing from an empty value, so `<Correlation/>` adds nothing).
 */
export function scanSystem(raw: string, from: number, to: number, fields: FieldList): SystemScan {
  const out: SystemScan = { eventId: undefined, channel: undefined, systemTime: undefined };
  let nameIndex = 0;
  let i = raw.indexOf("<", from);
  while (i >= 0 && i < to) {
    const end = element(raw, i, to, nameIndex);
    if (end < 0) {
      i = raw.indexOf("<", i + 1);
      continue;
    }
    const tag = m.names[0] ?? NAMES.at(raw, i + 1, m.nameEnd, nameIndex);
    nameIndex++;
    const text = m.textStart < 0 ? undefined : raw.slice(m.textStart, m.textEnd);
    if (tag === "EventID") out.eventId = text;
    else if (tag === "Channel") out.channel = text ?? "";
    if (text) fields.setIfAbsent(tag, text);
    const attrs = m.attrs;
    for (let a = 0; a < m.attrEnd; a += 3) {
      const eq = attrs[a + 1]!;
      const valueEnd = attrs[a + 2]!;
      const name = m.names[a / 3 + 1] ?? NAMES.at(raw, attrs[a]!, eq, nameIndex);
      nameIndex++;
      fields.setIfAbsent(name, raw.slice(eq + 1, valueEnd));
      if (tag === "TimeCreated" && name === "SystemTime") out.systemTime = raw.slice(eq + 2, valueEnd - 1);
    }
    i = raw.indexOf("<", end);
  }
  return out;
}

/**
 * The last `element()` match, reused so a match allocates nothing (the scanner is synchronous).
 * `attrs[0, attrEnd)` holds per attribute its name start, its `=` offset and the offset after
 * its closing quote (a count, not `length = 0`, which is a slow runtime call in V8);
 * `textStart` is -1 for a self-closing element. `names[k]` is the element's (k = 0) or its
 * k-th attribute's name when the predictor's guess was confirmed, else undefined.
 */
const m = { nameEnd: 0, textStart: -1, textEnd: -1, attrs: [] as number[], attrEnd: 0, names: [] as (string | undefined)[] };

/**
 * Matches one element at `raw[i]` (a `<`) within `to`; returns the offset after it, or -1 where
 * the regex would fail at this `<`. Every step is deterministic (no backtracking alternative can
 * succeed where these greedy steps fail), so greedy character tests give the regex's answer.
 * Names are checked against the predictor's guesses for `index`, `index + 1`, … first, with one
 * string comparison each (V8 compares strings natively, several times faster than a loop of
 * charCodeAt); the guessed tag name also checks the closing tag.
 */
function element(raw: string, i: number, to: number, index: number): number {
  const nameEnd = wordEnd(raw, i + 1, to, NAMES.guess(index));
  if (nameEnd === i + 1) return -1;
  m.names[0] = matched;
  const tag = matched;
  let j = nameEnd;
  const attrs = m.attrs;
  let n = 0;
  // (?:\s+\w+=(?:'[^']*'|"[^"]*"))*
  for (;;) {
    let k = j;
    while (k < to && isSpace(raw.charCodeAt(k))) k++;
    if (k === j) break;
    const nameStart = k;
    k = wordEnd(raw, k, to, NAMES.guess(index + 1 + n / 3));
    if (k === nameStart || k + 1 >= to || raw.charCodeAt(k) !== EQUALS) break;
    const quote = raw.charCodeAt(k + 1);
    if (quote !== SQUOTE && quote !== DQUOTE) break;
    const close = raw.indexOf(quote === SQUOTE ? "'" : '"', k + 2);
    if (close < 0 || close >= to) break;
    m.names[n / 3 + 1] = matched;
    attrs[n++] = nameStart;
    attrs[n++] = k;
    attrs[n++] = close + 1;
    j = close + 1;
  }
  while (j < to && isSpace(raw.charCodeAt(j))) j++;
  if (j >= to) return -1;
  const c = raw.charCodeAt(j);
  if (c === SLASH) {
    if (j + 1 >= to || raw.charCodeAt(j + 1) !== GT) return -1;
    m.nameEnd = nameEnd;
    m.attrEnd = n;
    m.textStart = -1;
    return j + 2;
  }
  if (c !== GT) return -1;
  // >([^<]*)<\/\1\s*>
  const lt = raw.indexOf("<", j + 1);
  if (lt < 0 || lt + 1 >= to || raw.charCodeAt(lt + 1) !== SLASH) return -1;
  const nameLength = nameEnd - i - 1;
  let k = lt + 2;
  if (k + nameLength > to) return -1;
  if (tag !== undefined) {
    if (raw.substring(k, k + nameLength) !== tag) return -1;
  } else {
    for (let d = 0; d < nameLength; d++) if (raw.charCodeAt(k + d) !== raw.charCodeAt(i + 1 + d)) return -1;
  }
  k += nameLength;
  while (k < to && isSpace(raw.charCodeAt(k))) k++;
  if (k >= to || raw.charCodeAt(k) !== GT) return -1;
  m.nameEnd = nameEnd;
  m.attrEnd = n;
  m.textStart = j + 1;
  m.textEnd = lt;
  return k + 1;
}

/** The guess `wordEnd` confirmed, else undefined. */
let matched: string | undefined;

/**
 * End of the `\w+` run at `from` (at most `to`; `from` when there is none). `guess` comes from
 * NAMES, which only ever stores such runs: when the text starts with it and no word character
 * follows, the run is exactly the guess (and `matched` is set to it).
 */
function wordEnd(raw: string, from: number, to: number, guess: string | undefined): number {
  if (guess !== undefined) {
    const end = from + guess.length;
    if (end <= to && raw.substring(from, end) === guess && (end === to || !isWord(raw.charCodeAt(end)))) {
      matched = guess;
      return end;
    }
  }
  matched = undefined;
  let j = from;
  while (j < to && isWord(raw.charCodeAt(j))) j++;
  return j;
}

/** `\w`: ASCII letters, digits and `_`. */
function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `\s` as JavaScript regexes define it (WhiteSpace and LineTerminator, Unicode included). */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
