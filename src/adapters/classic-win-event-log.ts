/**
 * The classic WinEventLog text format (sourcetype `WinEventLog`, cim-mapping.md §3.2,
 * datasets.md §4.5): multi-line records that start at a `MM/DD/YYYY hh:mm:ss AM|PM` line followed
 * by `LogName=…`-style header lines. It shares the Windows text handler with the XML format, so
 * a file mixing both kinds (Splunk's raw export of the T1552.004 run) yields every record.
 * Records: classic-record.ts; fields and add-ons: classic-event.ts, ta-windows-classic.ts.
 */
import type { LogFormat } from "./log-format.js";
import { CLASSIC_FORMAT, winTextHandler } from "./win-text-handler.js";

/** A date line directly followed by a header line, anywhere in the head. */
const CLASSIC_START = /(?:^|\n)\uFEFF?\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]\r?\n[A-Za-z][A-Za-z0-9_]*=/;

export const classicWinEventLog: LogFormat = {
  name: CLASSIC_FORMAT,
  // On JSON content the same sourcetype selects NXLog (nxlog-json.ts).
  forcedBy: { sourcetypes: ["wineventlog"], content: "text" },
  recognises: (head) => CLASSIC_START.test(head.text),
  open: winTextHandler,
};
