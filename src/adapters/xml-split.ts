/**
 * Splits an XmlWinEventLog file into records the way Splunk_TA_windows' LINE_BREAKER
 * `([\r\n]+)<Event\sxmlns` does (cim-mapping.md §3.1, datasets.md §5.1): a record starts at a
 * line that begins with `<Event xmlns=` and runs to the next such line, so values spanning lines
 * (PowerShell script blocks) stay inside their record. One pass, no per-line allocation.
 */

export const EVENT_START = "<Event xmlns=";
const CLOSE = "</Event>";

export interface XmlChunk {
  /** The record text up to and including `</Event>` (or the whole chunk when unterminated). */
  readonly text: string;
  /** 1-based line of the record's first character. */
  readonly line: number;
  /** False when the chunk has no `</Event>`. */
  readonly closed: boolean;
}

/**
 * Calls `onRecord` per record and `onStray` for non-blank text that belongs to no record (before
 * the first record, or after a record's `</Event>`), so nothing is dropped silently.
 */
export function splitXmlRecords(
  text: string,
  onRecord: (chunk: XmlChunk) => void,
  onStray: (line: number) => void,
): void {
  const lines = new LineCounter(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let start = text.startsWith(EVENT_START, bom) ? bom : nextStart(text, 0);
  if (start < 0) start = text.length;
  if (!isBlank(text, 0, start)) onStray(1);
  while (start < text.length) {
    const next = nextStart(text, start + 1);
    const end = next < 0 ? text.length : next;
    const line = lines.lineAt(start);
    const close = text.lastIndexOf(CLOSE, end - CLOSE.length);
    if (close < start) {
      onRecord({ text: trimEol(text.slice(start, end)), line, closed: false });
    } else {
      const after = close + CLOSE.length;
      onRecord({ text: text.slice(start, after), line, closed: true });
      if (!isBlank(text, after, end)) onStray(lines.lineAt(firstNonBlank(text, after)));
    }
    start = end;
  }
}

/** Offset of the next line start (≥ from) that begins a record, or -1. */
function nextStart(text: string, from: number): number {
  const i = text.indexOf(`\n${EVENT_START}`, from - 1);
  return i < 0 ? -1 : i + 1;
}

/** True when text[from, to) holds only whitespace (and byte-order marks). */
export function isBlank(text: string, from: number, to: number): boolean {
  return firstNonBlank(text, from) >= to;
}

/** Offset of the first character at or after `from` that is not whitespace or a byte-order mark. */
export function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) break;
    i++;
  }
  return i;
}

function trimEol(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) end--;
  return s.slice(0, end);
}

/** Converts ascending offsets to 1-based line numbers in overall linear time. */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  lineAt(offset: number): number {
    for (;;) {
      const nl = this.text.indexOf("\n", this.pos);
      if (nl < 0 || nl >= offset) break;
      this.line++;
      this.pos = nl + 1;
    }
    return this.line;
  }
}
