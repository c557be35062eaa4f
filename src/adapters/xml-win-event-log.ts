/**
 * The XmlWinEventLog format: Windows events rendered as one `<Event xmlns=…>` record per line
 * group, as Splunk indexes them and as EVTX converters write them (datasets.md §4.1–4.4). Records
 * are read by the Windows text handler, which also reads classic blocks, so a mixed export keeps
 * every record; bad records are reported at their first line and skipped.
 */
import type { LogFormat } from "./log-format.js";
import { EVENT_START } from "./xml-split.js";
import { winTextHandler, XML_FORMAT } from "./win-text-handler.js";

/** A line starting `<Event xmlns=` anywhere in the head (mixed `.raw` exports start with text). */
const RECORD_LINE = new RegExp(`(?:^|\\n)\\uFEFF?${EVENT_START}`);

export const xmlWinEventLog: LogFormat = {
  name: XML_FORMAT,
  // On JSON content the same sourcetype selects NXLog (nxlog-json.ts).
  forcedBy: { sourcetypes: ["xmlwineventlog"], content: "text" },
  recognises: (head) => RECORD_LINE.test(head.text),
  open: winTextHandler,
};
