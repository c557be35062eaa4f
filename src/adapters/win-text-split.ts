/**
 * Streaming record splitter for Windows event text that may mix one-line/multi-line XML records
 * and classic WinEventLog blocks (datasets.md §5.1: a record starts at a line beginning
 * `<Event xmlns=` or at a `MM/DD/YYYY hh:mm:ss AM|PM` line). Text arrives in chunks of complete
 * lines; a record may span chunks. Rules:
 * * an XML start line always starts a record (Splunk's LINE_BREAKER `([\r\n]+)<Event\sxmlns`,
 *   cim-mapping.md §3.1), so a script block inside a record never contains one unescaped;
 * * a date line starts a classic record only when the *next* line is a `Key=` header line and we
 *   are not inside an XML record that has not yet closed (`</Event>`): a date line inside a
 *   PowerShell script block or message therefore stays part of its record (minispl choice);
 * * an XML record ends at its first `</Event>` (or at the last of records glued to it on one
 *   line, which the handler splits): values are XML-escaped, so a second `</Event>` after it
 *   belongs to a record whose `<Event xmlns=` start was damaged, and is reported, not merged;
 * * an XML record whose `</Event>` never comes (damaged) gives back the classic records it
 *   swallowed: a date line + `Key=` line inside it is remembered, and if the record ends unclosed
 *   it is cut there (the XML part is reported as unclosed, the classic records are read);
 * * a classic record whose date line was damaged is swallowed by the classic record before it;
 *   its header (the same first two keys after that record's `Message=`) gives it away, and it is
 *   cut off and reported (`swallowedRecord`);
 * * non-blank text before the first record, or after an XML record's `</Event>`, is reported.
 */
import { EVENT_START, firstNonBlank, isBlank } from "./xml-split.js";

export type WinRecordKind = "xml" | "classic";

export interface WinTextRecord {
  readonly kind: WinRecordKind;
  /** XML: up to and including the last `</Event>`; classic: the block without trailing newlines. */
  readonly text: string;
  /** 1-based line of the record's first line. */
  readonly line: number;
  /** XML only: false when the record has no `</Event>`. */
  readonly closed: boolean;
}

/** A classic record's first line (hour/day/month may lack a leading zero). */
const CLASSIC_DATE = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]\r?\n?$/;
const CLOSE = "</Event>";
/** A classic header line, which must follow the date line (matches its key and `=`). */
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9_]*=/;

interface Pending {
  readonly kind: WinRecordKind;
  readonly line: number;
  readonly parts: string[];
  /** XML only: classic record starts seen while the record was open (index into `parts`). */
  readonly classicStarts: { readonly part: number; readonly line: number }[];
}

export class WinTextSplitter {
  private lineNo = 0;
  private cur: Pending | undefined;
  /** A date line waiting for the next line to decide whether it starts a classic record. */
  private tentative: { line: number; text: string; inXml: boolean } | undefined;
  /** First non-blank line before any record (reported once). */
  private strayBefore: number | undefined;

  constructor(
    private readonly onRecord: (r: WinTextRecord) => void,
    private readonly onStray: (line: number) => void,
  ) {}

  feed(text: string): void {
    let pos = 0;
    while (pos < text.length) {
      const nl = text.indexOf("\n", pos);
      const end = nl < 0 ? text.length : nl + 1;
      this.line(text, pos, end);
      pos = end;
    }
  }

  end(): void {
    if (this.tentative) this.resolveTentative(false);
    this.finish();
    if (this.strayBefore !== undefined) this.onStray(this.strayBefore);
    this.strayBefore = undefined;
  }

  private line(text: string, pos: number, end: number): void {
    const lineNo = ++this.lineNo;
    if (this.tentative) this.resolveTentative(HEADER_LINE.test(text.slice(pos, Math.min(end, pos + 64))));
    if (text.startsWith(EVENT_START, pos)) {
      this.start("xml", lineNo, text.slice(pos, end));
      return;
    }
    const c = text.charCodeAt(pos);
    if (c >= 48 && c <= 57 && end - pos <= 32) {
      const s = text.slice(pos, end);
      if (CLASSIC_DATE.test(s)) {
        this.tentative = { line: lineNo, text: s, inXml: !this.classicMayStart() };
        return;
      }
    }
    this.append(lineNo, text, pos, end);
  }

  private append(lineNo: number, text: string, pos: number, end: number): void {
    if (this.cur) this.cur.parts.push(text.slice(pos, end));
    else if (this.strayBefore === undefined && !isBlank(text, pos, end)) this.strayBefore = lineNo;
  }

  private resolveTentative(starts: boolean): void {
    const t = this.tentative!;
    this.tentative = undefined;
    if (starts && !t.inXml) return this.start("classic", t.line, t.text);
    // Inside an open XML record the date line stays in it, but is remembered in case the record
    // turns out to be one whose `</Event>` was damaged.
    if (starts && this.cur) this.cur.classicStarts.push({ part: this.cur.parts.length, line: t.line });
    this.append(t.line, t.text, 0, t.text.length);
  }

  /** Not inside an XML record that is still open (its `</Event>` not seen yet). */
  private classicMayStart(): boolean {
    const cur = this.cur;
    return !cur || cur.kind === "classic" || cur.parts.some((p) => p.includes("</Event>"));
  }

  private start(kind: WinRecordKind, line: number, first: string): void {
    this.finish();
    if (this.strayBefore !== undefined) this.onStray(this.strayBefore);
    this.strayBefore = undefined;
    this.cur = { kind, line, parts: [first], classicStarts: [] };
  }

  private finish(): void {
    const cur = this.cur;
    if (!cur) return;
    this.cur = undefined;
    const text = cur.parts.length === 1 ? cur.parts[0]! : cur.parts.join("");
    if (cur.kind === "classic") {
      const whole = trimEnd(text);
      const cut = swallowedRecord(whole);
      this.onRecord({ kind: "classic", text: cut < 0 ? whole : trimEnd(whole.slice(0, cut)), line: cur.line, closed: true });
      if (cut >= 0) this.onStray(cur.line + countNewlines(whole, 0, cut));
      return;
    }
    const after = xmlRecordEnd(text);
    if (after < 0) {
      const starts = cur.classicStarts;
      const xmlEnd = starts[0]?.part ?? cur.parts.length;
      this.onRecord({ kind: "xml", text: trimEnd(starts.length === 0 ? text : cur.parts.slice(0, xmlEnd).join("")), line: cur.line, closed: false });
      starts.forEach((st, k) => {
        const parts = cur.parts.slice(st.part, starts[k + 1]?.part ?? cur.parts.length);
        this.onRecord({ kind: "classic", text: trimEnd(parts.join("")), line: st.line, closed: true });
      });
      return;
    }
    this.onRecord({ kind: "xml", text: text.slice(0, after), line: cur.line, closed: true });
    const junk = firstNonBlank(text, after);
    if (junk < text.length) this.onStray(cur.line + countNewlines(text, 0, junk));
  }
}

/**
 * Where an XML record's text ends: after its first `</Event>`, or after the `</Event>` of the
 * last record glued to it (`</Event>`, then no markup, then `<Event xmlns=`); -1 when unclosed.
 */
function xmlRecordEnd(text: string): number {
  let close = text.indexOf(CLOSE);
  if (close < 0) return -1;
  for (;;) {
    const after = close + CLOSE.length;
    const lt = text.indexOf("<", after);
    if (lt < 0 || !text.startsWith(EVENT_START, lt)) return after;
    const next = text.indexOf(CLOSE, lt);
    if (next < 0) return after;
    close = next;
  }
}

/**
 * Where a classic record swallowed the next one whose date line was damaged: after this record's
 * `Message=`, a line followed by this record's own first two header lines' keys (`LogName=`,
 * `SourceName=`, in that order) is that record's damaged date line, unless a whole date line
 * comes before it there (bytes were inserted after the date line). Returns its offset, or -1.
 * A message holding those two lines verbatim after any line would be cut too (minispl choice:
 * a script block repeating a classic header is far rarer than a damaged date line).
 */
function swallowedRecord(text: string): number {
  const l1 = text.indexOf("\n") + 1;
  const l2 = text.indexOf("\n", l1) + 1;
  const k1 = HEADER_LINE.exec(text.slice(l1, l1 + 64))?.[0];
  const k2 = l2 > 0 ? HEADER_LINE.exec(text.slice(l2, l2 + 64))?.[0] : undefined;
  const message = text.indexOf("\nMessage=");
  if (l1 === 0 || !k1 || !k2 || message < 0) return -1;
  for (let j = text.indexOf(`\n${k1}`, message + 1); j >= 0; j = text.indexOf(`\n${k1}`, j + 1)) {
    const next = text.indexOf("\n", j + 1) + 1;
    if (next > 0 && text.startsWith(k2, next)) return lastDateLine(text, message, j) ?? text.lastIndexOf("\n", j - 1) + 1;
  }
  return -1;
}

/** The start of the last whole date line between `from` and `to` (bytes inserted after a record's date line push its header away from it). */
function lastDateLine(text: string, from: number, to: number): number | undefined {
  for (let end = to; end > from; ) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    if (start <= from) return undefined;
    if (CLASSIC_DATE.test(text.slice(start, Math.min(end, start + 40)))) return start;
    end = start - 1;
  }
  return undefined;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Drops trailing CR/LF (line ends and blank lines), nothing else. */
function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) end--;
  return s.slice(0, end);
}
