/**
 * Types of the streaming ingestion path: where events go (a sink: the EventStore, or a counter
 * that never keeps them), what a per-file record handler sees, and the report with the byte
 * counts throughput is computed from.
 */
import type { EventInput } from "../store/event-store.js";
import type { IngestOptions, IngestReport } from "./types.js";
import type { IngestLimits } from "./ingest-limits.js";

/** Anything events can be appended to; `EventStore` is one. `format` names the adapter. */
export interface EventSink {
  append(event: EventInput, format: string): unknown;
}

/** `IngestOptions` plus tuning for the streaming reader. */
export interface StreamOptions extends IngestOptions {
  /** Bytes read (and inflated) per step; default 4 MiB. Tests use tiny sizes to cut records. */
  readonly chunkSize?: number;
  /** Overrides for the hostile-input budgets (ingest-limits.ts). */
  readonly limits?: Partial<IngestLimits>;
}

export interface StreamReport extends IngestReport {
  /** Bytes read from disk (compressed size for archives); `bytes` counts decoded text. */
  inputBytes: number;
}

/** What a format handler needs for one file (or archive member). */
export interface HandlerContext {
  /** Name used in skipped records: a path, or `archive.zip!member.json`. */
  readonly file: string;
  readonly opts: IngestOptions;
  /**
   * Epoch seconds of the file's modification time: Splunk's last-resort event time when an event
   * and every event before it in the same source carry none. Absent for in-memory text.
   */
  readonly fileTime?: number;
  emit(event: EventInput, format: string): void;
  skip(line: number, reason: string): void;
}

/** Receives a file's text as complete lines (each ending in `\n`, except possibly the last). */
export interface RecordHandler {
  feed(text: string): void;
  end(): void;
}

export function emptyStreamReport(): StreamReport {
  return { files: 0, events: 0, bytes: 0, inputBytes: 0, byFormat: {}, skipped: [] };
}
