/**
 * One entry of the format registry (formats.ts): everything the text session needs to know about a
 * log format, so that adding one is its adapter file plus one line in the registry. Detection
 * (detect-format.ts) asks each entry in registry order; the first that claims the file opens the
 * record handler the file's text is streamed into.
 */
import type { IngestOptions } from "./types.js";
import type { HandlerContext, RecordHandler } from "./stream-types.js";

/** What detection knows about a file before any record is read. */
export interface FileHead {
  /** The file's first characters (at most `DETECT_HEAD`), decoded, BOM dropped by the decoder. */
  readonly text: string;
  /**
   * The first non-blank character is `{` or `[`. Computed once because several entries depend on
   * it: NXLog replaces the Windows text reader on JSON, Linux Sysmon stays off JSON.
   */
  readonly json: boolean;
  /** The options the file is read with (a `--mapping` makes otherwise unknown content readable). */
  readonly opts: IngestOptions;
}

/** A sourcetype that selects a format whatever the content says, as a Splunk input pins one. */
export interface ForcedBy {
  /** Sourcetypes, compared case-insensitively with `--sourcetype`. */
  readonly sourcetypes: readonly string[];
  /**
   * Only for JSON (`json`) or only for non-JSON (`text`) content; absent for any. One sourcetype
   * may so select different readers: `XmlWinEventLog` is NXLog on JSON, the XML reader otherwise.
   */
  readonly content?: "json" | "text";
}

export interface LogFormat {
  /**
   * The name detection reports. Events carry their own format name (the report's `byFormat`
   * keys), since one handler may read several: the Windows text handler emits `xmlwineventlog`
   * and `wineventlog` records from one mixed file, the JSON handler FDR and NXLog lines.
   */
  readonly name: string;
  /** Sourcetypes that select this format; checked for every entry before any content check. */
  readonly forcedBy?: ForcedBy;
  /** True when the head looks like this format; absent for formats only a sourcetype selects. */
  recognises?(head: FileHead): boolean;
  /** A handler for one file (or archive member); it receives complete lines, head included. */
  open(ctx: HandlerContext): RecordHandler;
}
