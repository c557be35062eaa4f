/**
 * The classic WinEventLog text adapter (sourcetype `WinEventLog`, cim-mapping.md §3.2,
 * datasets.md §4.5): multi-line records that start at a `MM/DD/YYYY hh:mm:ss AM|PM` line followed
 * by `LogName=…`-style header lines. It shares the Windows text handler with the XML adapter, so
 * a file mixing both kinds (Splunk's raw export of the T1552.004 run) yields every record.
 * Records: classic-record.ts; fields and add-ons: classic-event.ts, ta-windows-classic.ts.
 */
import type { Adapter } from "./types.js";
import { winTextHandler } from "./win-text-handler.js";

/** A date line directly followed by a header line, anywhere in the head. */
const CLASSIC_START = /(?:^|\n)\uFEFF?\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]\r?\n[A-Za-z][A-Za-z0-9_]*=/;

export const classicWinEventLog: Adapter = {
  name: "wineventlog",

  detect(head: string): boolean {
    return CLASSIC_START.test(head);
  },

  /** Whole-text parse (the streaming path feeds the same handler chunk by chunk). */
  parse(text, file, opts, emit, skip): void {
    const handler = winTextHandler({ file, opts, emit: (e) => emit(e), skip });
    handler.feed(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    handler.end();
  },
};
