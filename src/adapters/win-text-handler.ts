/**
 * Record handler for Windows event text: XML records go through the XmlWinEventLog scanner and
 * add-on emulation (`xmlwineventlog` format), classic blocks through the classic reader
 * (`wineventlog`), so a mixed Splunk export (datasets.md §3.2) yields both kinds in file order.
 */
import type { HandlerContext, RecordHandler } from "./stream-types.js";
import { WinTextSplitter } from "./win-text-split.js";
import { parseXmlRecord } from "./xml-record.js";
import { splitGluedRecords } from "./glued-xml.js";
import { winEvent } from "./win-event.js";
import { classicEvent } from "./classic-event.js";

export const XML_FORMAT = "xmlwineventlog";
export const CLASSIC_FORMAT = "wineventlog";

export function winTextHandler(ctx: HandlerContext): RecordHandler {
  const splitter = new WinTextSplitter(
    (r) => {
      if (r.kind === "classic") {
        const ev = classicEvent(r.text, ctx.opts);
        if (typeof ev === "string") ctx.skip(r.line, ev);
        else ctx.emit(ev, CLASSIC_FORMAT);
        return;
      }
      if (!r.closed) return ctx.skip(r.line, "record has no closing </Event>");
      // Records glued on one line are separate events (glued-xml.ts), each named by its own line.
      for (const piece of splitGluedRecords(r.text)) {
        const line = r.line + piece.lineOffset;
        const rec = parseXmlRecord(piece.text);
        if (typeof rec === "string") {
          ctx.skip(line, rec);
          continue;
        }
        const ev = winEvent(rec, ctx.opts);
        if (typeof ev === "string") ctx.skip(line, ev);
        else ctx.emit(ev, XML_FORMAT);
      }
    },
    (line) => ctx.skip(line, "text outside any record (no <Event xmlns=… or MM/DD/YYYY hh:mm:ss AM|PM line)"),
  );
  return { feed: (text) => splitter.feed(text), end: () => splitter.end() };
}
