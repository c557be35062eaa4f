/**
 * Writes timeline rows as CSV (RFC 4180, the CLI's CSV writer) or JSON lines, chosen by the file
 * name (`.jsonl`/`.ndjson` → JSON lines, anything else CSV), in chunks through `write`.
 */
import { writeCsv } from "../output/csv.js";
import { Table } from "../table/table.js";
import type { TimelineRow } from "./timeline-rows.js";

export const TIMELINE_COLUMNS: readonly (keyof TimelineRow)[] = [
  "message", "datetime", "timestamp", "timestamp_desc", "detection", "search_name", "mitre_technique", "mitre_tactic",
  "risk_score", "risk_objects", "host", "user", "analytic_story", "detection_file",
];

export function timelineFormat(file: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : "csv";
}

export function writeTimeline(rows: readonly TimelineRow[], format: "csv" | "jsonl", write: (s: string) => void): void {
  if (format === "jsonl") {
    for (const r of rows) write(`${JSON.stringify(Object.fromEntries(TIMELINE_COLUMNS.map((c) => [c, r[c]])))}\n`);
    return;
  }
  // Header even when there are no rows, so an empty hunt still imports.
  const cols = new Map(TIMELINE_COLUMNS.map((c) => [c as string, rows.map((r) => r[c])]));
  writeCsv(Table.fromColumns(TIMELINE_COLUMNS, cols, rows.length), write);
}
