/**
 * Two or more XmlWinEventLog records glued on one line (`…</Event><Event xmlns=…>…</Event>`, as a
 * broken exporter or a hand-edited file writes them). Splunk's LINE_BREAKER only breaks before a
 * line that starts `<Event xmlns`, so the record splitter hands such a line over as one record,
 * and the XML scanner then reads the first event and silently drops the rest. This splits a
 * record's text at every `</Event>` that is followed (after optional whitespace) by
 * `<Event xmlns=`: inside a real record that text cannot occur unescaped (values are XML-escaped
 * and a nested `<Event` would not be a record start), so the split never cuts a record.
 *
 * Used by the Windows text handler on each closed XML record before it is parsed; each piece
 * carries the number of line ends before it, so a warning can still name the right line.
 */
const CLOSE = "</Event>";
const START = "<Event xmlns=";

export interface GluedPiece {
  readonly text: string;
  /** Line ends between the record's first line and this piece's start. */
  readonly lineOffset: number;
}

/** The records in `text` (usually one; several when glued). */
export function splitGluedRecords(text: string): GluedPiece[] {
  let close = text.indexOf(CLOSE);
  // Fast path: one record (the `</Event>` is at the very end, or there is no further start).
  if (close < 0 || text.indexOf(START, close) < 0) return [{ text, lineOffset: 0 }];
  const out: GluedPiece[] = [];
  let from = 0;
  let lines = 0;
  while (close >= 0) {
    const after = close + CLOSE.length;
    let next = after;
    while (next < text.length && isSpace(text.charCodeAt(next))) next++;
    if (text.startsWith(START, next)) {
      out.push({ text: text.slice(from, after), lineOffset: lines });
      lines += countLineEnds(text, from, next);
      from = next;
    }
    close = text.indexOf(CLOSE, after);
  }
  out.push({ text: text.slice(from), lineOffset: lines });
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function countLineEnds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
