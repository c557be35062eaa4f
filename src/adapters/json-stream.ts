/**
 * Record handler for JSON events, line by line as text streams in: each complete line that is a
 * JSON object goes to `onObject`, which belongs to the format (FDR, NXLog, or the per-line choice
 * between them in json-events.ts), so this file knows JSON shapes, not formats. A file whose first
 * line is not a complete JSON object (one pretty-printed event, or an array of them) is buffered
 * whole and read by `forEachJsonLine`, which handles that shape; such files are single exported
 * events, not bulk. A line that is not JSON is skipped here with the parser's reason.
 */
import type { HandlerContext, RecordHandler } from "./stream-types.js";
import { forEachJsonLine, parseObject, type JsonLine } from "./json-lines.js";

export function jsonHandler(ctx: HandlerContext, onObject: (l: JsonLine) => void): RecordHandler {
  let lineNo = 0;
  let seenContent = false;
  let doc: { start: number; parts: string[] } | undefined;

  /** Handles one line; true when it switched the file to document mode. */
  const line = (text: string, pos: number, end: number): boolean => {
    const n = ++lineNo;
    let stop = end;
    if (stop > pos && text.charCodeAt(stop - 1) === 10) stop--;
    if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
    const raw = text.slice(pos, stop);
    if (raw.trim() === "") return false;
    const parsed = parseObject(raw);
    if (!seenContent) {
      seenContent = true;
      // A first line that starts a JSON value but is not an object by itself: a document.
      if (typeof parsed === "string" && /^\s*[[{]/.test(raw)) {
        doc = { start: n, parts: [text.slice(pos, end)] };
        return true;
      }
    }
    if (typeof parsed === "string") ctx.skip(n, parsed);
    else onObject({ obj: parsed, raw, line: n });
    return false;
  };

  return {
    feed(text) {
      if (doc) return void doc.parts.push(text);
      let pos = 0;
      while (pos < text.length) {
        const nl = text.indexOf("\n", pos);
        const end = nl < 0 ? text.length : nl + 1;
        const toDoc = line(text, pos, end);
        pos = end;
        if (toDoc) {
          if (pos < text.length) doc!.parts.push(text.slice(pos));
          return;
        }
      }
    },
    end() {
      if (!doc) return;
      const offset = doc.start - 1;
      forEachJsonLine(
        doc.parts.join(""),
        (l) => onObject({ ...l, line: l.line + offset }),
        (l, reason) => ctx.skip(l + offset, reason),
      );
    },
  };
}
