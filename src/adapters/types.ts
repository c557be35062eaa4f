/**
 * The adapter contract: raw text in, events with the add-ons' search-time fields out, bad records
 * reported with file:line and skipped (never fatal, never dropping the good records around them).
 */
import type { EventInput } from "../store/event-store.js";
import type { UserMapping } from "./user-mapping.js";

/** Overrides a user (or a detection test) may give for a file. */
export interface IngestOptions {
  /** Force a sourcetype instead of detecting the format from content (e.g. `XmlWinEventLog`). */
  readonly sourcetype?: string;
  /** Force `source` (e.g. `XmlWinEventLog:Microsoft-Windows-Sysmon/Operational`). */
  readonly source?: string;
  /** Force `host` metadata. */
  readonly host?: string;
  /** Index name; default `main`. */
  readonly index?: string;
  /** User mapping (`--mapping`) for JSON-lines/CSV files no adapter recognises (user-mapping.ts). */
  readonly mapping?: UserMapping;
}

export interface SkippedRecord {
  readonly file: string;
  /** 1-based line where the bad record starts. */
  readonly line: number;
  readonly reason: string;
}

export interface IngestReport {
  files: number;
  events: number;
  bytes: number;
  /** Events per detected format, e.g. { "xmlwineventlog": 12, "nxlog-json": 3 }. */
  byFormat: Record<string, number>;
  skipped: SkippedRecord[];
}

/** One adapter: recognises its format and turns one file's text into events. */
export interface Adapter {
  readonly name: string;
  /** True when the text (its first few KB) looks like this format. */
  detect(head: string): boolean;
  /** Parses the whole text; calls `emit` per good event and `skip` per bad record. */
  parse(
    text: string,
    file: string,
    opts: IngestOptions,
    emit: (e: EventInput) => void,
    skip: (line: number, reason: string) => void,
  ): void;
}

export function emptyReport(): IngestReport {
  return { files: 0, events: 0, bytes: 0, byFormat: {}, skipped: [] };
}
