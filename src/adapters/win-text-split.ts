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
/** A classic header line, which must follow the date line. */
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9_]*=/;

interface Pending {
  readonly kind: WinRecordKind;
  readonly line: number;
  readonly parts: string[];
}

export class WinTextSplitter {
  private lineNo = 0;
  private cur: Pending | undefined;
  /** A date line waiting for the next line to decide whether it starts a classic record. */
  private tentative: { line: number; text: string } | undefined;
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
    if (c >= 48 && c <= 57 && end - pos <= 32 && this.classicMayStart()) {
      const s = text.slice(pos, end);
      if (CLASSIC_DATE.test(s)) {
        this.tentative = { line: lineNo, text: s };
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
    if (starts) this.start("classic", t.line, t.text);
    else this.append(t.line, t.text, 0, t.text.length);
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
    this.cur = { kind, line, parts: [first] };
  }

  private finish(): void {
    const cur = this.cur;
    if (!cur) return;
    this.cur = undefined;
    const text = cur.parts.length === 1 ? cur.parts[0]! : cur.parts.join("");
    if (cur.kind === "classic") {
      this.onRecord({ kind: "classic", text: trimEnd(text), line: cur.line, closed: true });
      return;
    }
    const close = text.lastIndexOf("</Event>");
    if (close < 0) {
      this.onRecord({ kind: "xml", text: trimEnd(text), line: cur.line, closed: false });
      return;
    }
    const after = close + 8;
    this.onRecord({ kind: "xml", text: text.slice(0, after), line: cur.line, closed: true });
    const junk = firstNonBlank(text, after);
    if (junk < text.length) this.onStray(cur.line + countNewlines(text, 0, junk));
  }
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
