/**
 * Record handler for JSON events, line by line as text streams in: each line is decided on its
 * own (FDR `event_simpleName` or NXLog `EventID`+`Channel`, datasets.md §4.6–4.11), or all lines
 * go to one adapter when a sourcetype is forced. A file whose first line is not a complete JSON
 * object (one pretty-printed event, or an array of them) is buffered whole and read by
 * `forEachJsonLine`, which handles that shape; such files are single exported events, not bulk.
 */
import type { HandlerContext, RecordHandler } from "./stream-types.js";
import { forEachJsonLine, isObject, parseObject, type JsonLine, type JsonObject } from "./json-lines.js";
import { crowdstrikeFdr, fdrEvent, isFdrObject } from "./crowdstrike-fdr.js";
import { isNxlogObject, nxlogEvent, nxlogJson } from "./nxlog-json.js";

/** `auto` decides per line; `nxlog`/`fdr` are forced by `--sourcetype`. */
export type JsonMode = "auto" | "nxlog" | "fdr";

export function jsonHandler(mode: JsonMode, ctx: HandlerContext): RecordHandler {
  let lineNo = 0;
  let seenContent = false;
  let doc: { start: number; parts: string[] } | undefined;
  // Splunk's timestamp precedence: an event without a time takes the previous event's (same source).
  let lastTime: number | undefined;

  const onObject = ({ obj, raw, line }: JsonLine): void => {
    const fdr = mode === "fdr" || (mode === "auto" && isFdrObject(obj));
    if (fdr && !isFdrObject(obj)) return ctx.skip(line, "not a CrowdStrike FDR event (no event_simpleName)");
    if (!fdr && !isNxlogObject(obj)) {
      const why = mode === "nxlog" ? "not an NXLog Windows event (no EventID/Channel)" : "unrecognised JSON record (no event_simpleName, no EventID+Channel)";
      return ctx.skip(line, why);
    }
    const ev = fdr ? fdrEvent(obj, raw, ctx.opts, lastTime ?? ctx.fileTime) : nxlogEvent(obj, raw, ctx.opts);
    if (typeof ev === "string") return ctx.skip(line, ev);
    if (fdr) lastTime = ev.time;
    ctx.emit(ev, fdr ? crowdstrikeFdr.name : nxlogJson.name);
  };

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
