/**
 * The XmlWinEventLog adapter: Windows events rendered as one `<Event xmlns=…>` record per line
 * group, as Splunk indexes them and as EVTX converters write them (datasets.md §4.1–4.4). Bad
 * records are reported at their first line and skipped; the records around them are kept.
 */
import type { Adapter } from "./types.js";
import { EVENT_START, splitXmlRecords } from "./xml-split.js";
import { parseXmlRecord } from "./xml-record.js";
import { winEvent } from "./win-event.js";

const RECORD_LINE = new RegExp(`(?:^|\\n)\\uFEFF?${EVENT_START}`);

export const xmlWinEventLog: Adapter = {
  name: "xmlwineventlog",

  /** A line starting `<Event xmlns=` anywhere in the head (mixed `.raw` exports start with text). */
  detect(head: string): boolean {
    return RECORD_LINE.test(head);
  },

  parse(text, _file, opts, emit, skip): void {
    splitXmlRecords(
      text,
      (chunk) => {
        if (!chunk.closed) return skip(chunk.line, "record has no closing </Event>");
        const rec = parseXmlRecord(chunk.text);
        if (typeof rec === "string") return skip(chunk.line, rec);
        const ev = winEvent(rec, opts);
        if (typeof ev === "string") skip(chunk.line, ev);
        else emit(ev);
      },
      (line) => skip(line, "text outside any <Event xmlns=…> record"),
    );
  },
};
