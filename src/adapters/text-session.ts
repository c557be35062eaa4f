/**
 * One text file (or archive member) being read in chunks: bytes are decoded as they arrive
 * (UTF-8, or UTF-16 when the file starts with its BOM, as Windows tools write exports), cut at
 * the last line end so handlers only see complete lines, and the format is looked up once in the
 * registry (`detectFormat` on the first 64 KB), whose entry opens the record handler. Memory is
 * one chunk plus the record being assembled.
 */
import { TextDecoder } from "node:util";
import type { HandlerContext, RecordHandler } from "./stream-types.js";
import type { LogFormat } from "./log-format.js";
import { DETECT_HEAD, detectFormat } from "./detect-format.js";
import { FORMATS } from "./formats.js";

export class TextSession {
  private decoder: TextDecoder | undefined;
  private carry = "";
  private head: string[] = [];
  private headLength = 0;
  private handler: RecordHandler | null | undefined;
  private started = false;
  /** A file's first byte when it arrived alone (1-byte chunks). */
  private pending: number | undefined;
  /** Decoded input bytes (the report's `bytes`). */
  bytes = 0;

  /** `formats` is the registry to detect from; another list (a test's, a tool's) adds formats. */
  constructor(
    private readonly ctx: HandlerContext,
    private readonly formats: readonly LogFormat[] = FORMATS,
  ) {}

  /** False once the rest of the input can be ignored (the format was not recognised). */
  get wanted(): boolean {
    return this.handler !== null;
  }

  pushBytes(chunk: Uint8Array): void {
    if (!this.wanted || chunk.length === 0) return;
    this.bytes += chunk.length;
    if (!this.decoder) {
      // The encoding is chosen from the first two bytes (a UTF-16 BOM): a lone first byte waits.
      if (this.pending === undefined && chunk.length < 2) return void (this.pending = chunk[0]);
      this.decoder = new TextDecoder(encodingOf(this.pending === undefined ? chunk : Uint8Array.of(this.pending, chunk[0]!)));
      this.flushPending();
    }
    this.pushDecoded(this.decoder.decode(chunk, { stream: true }));
  }

  /** In-memory text (ingestText); a leading BOM is dropped as the decoder would. */
  pushText(text: string): void {
    if (!this.wanted) return;
    const bom = !this.started && text.charCodeAt(0) === 0xfeff;
    this.started = true;
    this.pushDecoded(bom ? text.slice(1) : text);
  }

  /**
   * For data cut by damage (a truncated or corrupt archive member): the unterminated last line is
   * part of a cut record, so it is dropped instead of being parsed as if it were whole.
   */
  dropPartialLine(): void {
    if (this.decoder) this.pushDecoded(this.decoder.decode());
    this.decoder = undefined;
    this.pending = undefined;
    this.carry = "";
  }

  end(): void {
    if (this.pending !== undefined) {
      this.decoder = new TextDecoder("utf-8");
      this.flushPending();
    }
    if (this.decoder) this.pushDecoded(this.decoder.decode());
    const rest = this.carry;
    this.carry = "";
    if (rest !== "") this.lines(rest);
    if (this.handler === undefined) this.detect();
    this.handler?.end();
  }

  private flushPending(): void {
    if (this.pending === undefined || !this.decoder) return;
    const b = this.pending;
    this.pending = undefined;
    this.pushDecoded(this.decoder.decode(Uint8Array.of(b), { stream: true }));
  }

  private pushDecoded(text: string): void {
    const cut = text.lastIndexOf("\n");
    if (cut < 0) {
      this.carry += text;
      return;
    }
    // The carried partial line is completed on its own: prepending it to the whole chunk would
    // make V8 flatten (copy) the chunk-sized string on the handler's first indexOf.
    let from = 0;
    if (this.carry !== "") {
      from = text.indexOf("\n") + 1;
      const first = this.carry + text.slice(0, from);
      this.carry = "";
      this.lines(first);
    }
    if (from <= cut) this.lines(text.slice(from, cut + 1));
    this.carry = text.slice(cut + 1);
  }

  /** Complete lines: buffered until the format is known, then handed to the handler. */
  private lines(text: string): void {
    if (this.handler) return this.handler.feed(text);
    if (this.handler === null) return;
    this.head.push(text);
    this.headLength += text.length;
    if (this.headLength >= DETECT_HEAD) this.detect();
  }

  private detect(): void {
    const buffered = this.head.join("");
    this.head = [];
    const format = detectFormat(buffered, this.ctx.opts, this.formats);
    if (format === undefined) {
      this.handler = null;
      if (buffered.trim() !== "") this.ctx.skip(1, "unrecognised format");
      return;
    }
    this.handler = format.open(this.ctx);
    if (buffered !== "") this.handler.feed(buffered);
  }
}

/** UTF-16 only with a BOM; everything else is UTF-8 (TextDecoder drops the BOM either way). */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return "utf-16le";
  if (first[0] === 0xfe && first[1] === 0xff) return "utf-16be";
  return "utf-8";
}
