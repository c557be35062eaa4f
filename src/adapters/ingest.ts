/**
 * Ingestion entry points: `ingestText` (pure; one file's text → store), `ingestPaths` (files and
 * directories from disk into a store) and `ingestStream` (the same into any sink, e.g. a counter
 * that keeps no events). Directories are walked recursively in sorted order for determinism;
 * every file is streamed in chunks and archives are read in place (ingest-file.ts). Unrecognised
 * files and bad records are reported in the report with file:line, never thrown.
 */
import type { EventStore } from "../store/event-store.js";
import { emptyReport, type IngestOptions, type IngestReport } from "./types.js";
import { emptyStreamReport, type EventSink, type StreamOptions, type StreamReport } from "./stream-types.js";
import { TextSession } from "./text-session.js";
import { ingestFile } from "./ingest-file.js";
import { ingestEvtx, isEvtx } from "./evtx/ingest-evtx.js";
import { walkPaths } from "./walk-paths.js";

/** Parses one file's text into the store (the same record handlers the streaming path uses). */
export function ingestText(store: EventStore, text: string, file: string, opts: IngestOptions = {}): IngestReport {
  const report = emptyReport();
  report.files = 1;
  report.bytes = Buffer.byteLength(text, "utf8");
  const session = new TextSession({
    file,
    opts,
    emit(e, format) {
      store.append(e);
      report.events++;
      report.byFormat[format] = (report.byFormat[format] ?? 0) + 1;
    },
    skip: (line, reason) => void report.skipped.push({ file, line, reason }),
  });
  session.pushText(text);
  session.end();
  return report;
}

/** Ingests files and directories (recursively; dot-files skipped; sorted by path) into a store. */
export function ingestPaths(store: EventStore, paths: readonly string[], opts: StreamOptions = {}): StreamReport {
  return ingestStream(store, paths, opts);
}

/** Streams files, directories and archives into any sink; memory stays at about one chunk. */
export function ingestStream(sink: EventSink, paths: readonly string[], opts: StreamOptions = {}): StreamReport {
  const total = emptyStreamReport();
  for (const file of expand(paths, total, opts)) {
    // Binary EVTX (by its "ElfFile" signature) is read natively, one 64 KiB chunk at a time.
    if (isEvtx(file)) ingestEvtx(sink, file, opts, total);
    // Dispatch by content (text, gzip, zip, tar) happens per file in ingestFile.
    else ingestFile(sink, file, opts, total);
  }
  return total;
}

/**
 * The files under `paths` in ingestion order (sorted, recursive, dot-files skipped). Each real
 * file is listed once however many links reach it; unreadable paths, symlink loops, FIFOs and
 * devices go to the report (walk-paths.ts), so a hostile tree neither hangs nor repeats events.
 */
export function expand(paths: readonly string[], report: IngestReport, opts: Pick<IngestOptions, "followSymlinks"> = {}): string[] {
  const { files, warnings } = walkPaths(paths, { skipHidden: true, sortRoots: true, followSymlinks: opts.followSymlinks === true });
  for (const w of warnings) report.skipped.push({ file: w.path, line: 1, reason: w.reason });
  return files;
}
