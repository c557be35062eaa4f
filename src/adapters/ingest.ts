/**
 * Ingestion entry points: `ingestText` (pure; one file's text → store) and `ingestPaths` (files
 * and directories from disk, recursively, in sorted order for determinism). Unrecognised files
 * and bad records are reported in the IngestReport with file:line, never thrown.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { EventStore, EventInput } from "../store/event-store.js";
import { emptyReport, type IngestOptions, type IngestReport } from "./types.js";
import { DETECT_HEAD, detectAdapter } from "./detect.js";
import { jsonEvents, parseJsonEvents } from "./json-events.js";

/** Parses one file's text into the store. */
export function ingestText(store: EventStore, text: string, file: string, opts: IngestOptions = {}): IngestReport {
  const report = emptyReport();
  report.files = 1;
  report.bytes = Buffer.byteLength(text, "utf8");
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const adapter = detectAdapter(body.slice(0, DETECT_HEAD), opts);
  const skip = (line: number, reason: string): void => void report.skipped.push({ file, line, reason });
  if (!adapter) {
    if (body.trim() !== "") skip(1, "unrecognised format");
    return report;
  }
  const emit = (e: EventInput, format: string): void => {
    store.append(e);
    report.events++;
    report.byFormat[format] = (report.byFormat[format] ?? 0) + 1;
  };
  if (adapter === jsonEvents) parseJsonEvents(body, opts, emit, skip);
  else adapter.parse(body, file, opts, (e) => emit(e, adapter.name), skip);
  return report;
}

/** Ingests files and directories (recursively; dot-files skipped; sorted by path). */
export function ingestPaths(store: EventStore, paths: readonly string[], opts: IngestOptions = {}): IngestReport {
  const total = emptyReport();
  for (const file of expand(paths, total)) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      total.skipped.push({ file, line: 1, reason: `cannot read: ${(e as Error).message}` });
      continue;
    }
    merge(total, ingestText(store, text, file, opts));
  }
  return total;
}

function expand(paths: readonly string[], report: IngestReport): string[] {
  const out: string[] = [];
  const walk = (p: string, top: boolean): void => {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      if (top) report.skipped.push({ file: p, line: 1, reason: `cannot read: ${(e as Error).message}` });
      return;
    }
    if (!isDir) return void out.push(p);
    const names = readdirSync(p).filter((n) => !n.startsWith(".")).sort();
    for (const n of names) walk(join(p, n), false);
  };
  for (const p of [...paths].sort()) walk(p, true);
  return out;
}

function merge(into: IngestReport, r: IngestReport): void {
  into.files += r.files;
  into.events += r.events;
  into.bytes += r.bytes;
  for (const [k, v] of Object.entries(r.byFormat)) into.byFormat[k] = (into.byFormat[k] ?? 0) + v;
  into.skipped.push(...r.skipped);
}
