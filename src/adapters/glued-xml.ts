/**
 * Two or more XmlWinEventLog records glued on one line (`…</Event><Event xmlns=…>…</Event>`, as a
 * broken exporter or a hand-edited file writes them). Splunk's LINE_BREAKER only breaks before a
 * line that starts `<Event xmlns`, so the record splitter hands such a line over as one record,
 * and the XML scanner then reads the first event and silently drops the rest. This splits a
 * record's text at every `</Event>` that is followed (after anything but markup: white space, or
 * a separator byte that damage changed) by `<Event xmlns=`: inside a real record that text cannot occur unescaped (values are XML-escaped
 * and a nested `<Event` would not be a record start), so the split never cuts a record.
 *
 * Used by the Windows text handler on each closed XML record before it is parsed; each piece
 * carries the number of line ends before it, so a warning can still name the right line.
 */
const CLOSE = "</Event>";
const START = "<Event xmlns=";
const START_REST = START.slice(1);

export interface GluedPiece {
  readonly text: string;
  /** Line ends between the record's first line and this piece's start. */
  readonly lineOffset: number;
}

/** The records in `text` (usually one; several when glued). */
export function splitGluedRecords(text: string): GluedPiece[] {
  // Fast path: one record, as no second `<Event xmlns=` follows the first character (a piece
  // after the first starts with one). Searched without its `<`, which XML has everywhere: V8
  // looks for a pattern's first character first.
  if (!hasStartAfter(text, 1)) return [{ text, lineOffset: 0 }];
  let close = text.indexOf(CLOSE);
  if (close < 0 || text.indexOf(START, close) < 0) return [{ text, lineOffset: 0 }];
  const out: GluedPiece[] = [];
  let from = 0;
  let lines = 0;
  let next = text.indexOf(START, close);
  while (close >= 0) {
    const after = close + CLOSE.length;
    if (next >= 0 && next < after) next = text.indexOf(START, after);
    if (next < 0) break;
    // Whatever lies between is no part of either record: white space, or a separator byte that
    // damage changed (a flipped bit turns the line end into \x0B). Markup there is left alone.
    if (noMarkup(text, after, next)) {
      out.push({ text: text.slice(from, after), lineOffset: lines });
      lines += countLineEnds(text, from, next);
      from = next;
    }
    close = text.indexOf(CLOSE, after);
  }
  out.push({ text: text.slice(from), lineOffset: lines });
  return out;
}

function noMarkup(text: string, from: number, to: number): boolean {
  const lt = text.indexOf("<", from);
  return lt < 0 || lt >= to;
}

/** `<Event xmlns=` somewhere at or after `from`. */
function hasStartAfter(text: string, from: number): boolean {
  for (let k = text.indexOf(START_REST, from + 1); k >= 0; k = text.indexOf(START_REST, k + 1)) {
    if (text.charCodeAt(k - 1) === 60) return true;
  }
  return false;
}

function countLineEnds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
