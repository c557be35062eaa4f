/**
 * The ingestion contract: options in, a report out; bad records are reported with file:line and
 * skipped (never fatal, never dropping the good records around them). What one format is and how
 * it is read: log-format.ts.
 */
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
  /** Reads files that links inside a named folder lead to outside it (default: skipped with a warning; walk-paths.ts). */
  readonly followSymlinks?: boolean;
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
  /** Events per format they were read as (a mixed file counts under several), e.g. { "xmlwineventlog": 12, "nxlog-json": 3 }. */
  byFormat: Record<string, number>;
  skipped: SkippedRecord[];
  /**
   * Files (and archive members) found in a folder or archive and not read because their name says
   * they are not logs (walk-paths.ts `isNotLog`); absent when there were none. Reported as one line
   * (`notLogsSummary`), not one warning each.
   */
  notLogs?: string[];
}

export function emptyReport(): IngestReport {
  return { files: 0, events: 0, bytes: 0, byFormat: {}, skipped: [] };
}
