/**
 * Ingestion entry points: `ingestText` (pure; one file's text → store), `ingestPaths` (files and
 * directories from disk into a store) and `ingestStream` (the same into any sink, e.g. a counter
 * that keeps no events). Directories are walked recursively in sorted order for determinism;
 * every file is streamed in chunks and archives are read in place (ingest-file.ts). Unrecognised
 * files and bad records are reported in the report with file:line, never thrown.
 */
import { resolve } from "node:path";
import type { EventStore } from "../store/event-store.js";
import { emptyReport, type IngestOptions, type IngestReport } from "./types.js";
import { emptyStreamReport, type EventSink, type StreamOptions, type StreamReport } from "./stream-types.js";
import { TextSession } from "./text-session.js";
import { ingestFile } from "./ingest-file.js";
import { ingestEvtx, isEvtx } from "./evtx/ingest-evtx.js";
import { isNotLog, walkPaths } from "./walk-paths.js";
import { isStdinPath, tagFile } from "./file-field.js";
import { ingestStdin } from "./stdin-input.js";

/** Parses one file's text into the store (the same record handlers the streaming path uses). */
export function ingestText(store: EventStore, text: string, file: string, opts: IngestOptions = {}): IngestReport {
  const report = emptyReport();
  report.files = 1;
  report.bytes = Buffer.byteLength(text, "utf8");
  const session = new TextSession({
    file,
    opts,
    emit(e, format) {
      store.append(tagFile(e, file));
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

/**
 * Streams files, directories and archives into any sink; memory stays at about one chunk. `-` and
 * `/dev/stdin` read standard input (once, first; stdin-input.ts). Every event gets the file it
 * came from in FILE_FIELD (file-field.ts).
 */
export function ingestStream(sink: EventSink, paths: readonly string[], opts: StreamOptions = {}): StreamReport {
  const total = emptyStreamReport();
  if (paths.some(isStdinPath)) ingestStdin(sink, opts, total);
  for (const file of expand(paths.filter((p) => !isStdinPath(p)), total, opts)) {
    // Binary EVTX (by its "ElfFile" signature) is read natively, one 64 KiB chunk at a time.
    if (isEvtx(file)) {
      const abs = resolve(file);
      ingestEvtx({ append: (e, format) => sink.append(tagFile(e, abs), format) }, file, opts, total);
    }
    // Dispatch by content (text, gzip, zip, tar) happens per file in ingestFile.
    else ingestFile(sink, file, opts, total);
  }
  return total;
}

/**
 * The files under `paths` in ingestion order (sorted, recursive, dot-files skipped). Each real
 * file is listed once however many links reach it; unreadable paths, symlink loops, FIFOs and
 * devices go to the report (walk-paths.ts), so a hostile tree neither hangs nor repeats events.
 * Files inside a folder whose name says they are not logs (README.md, *.yml, images) go to
 * `report.notLogs`; a path named explicitly is always read.
 */
export function expand(paths: readonly string[], report: IngestReport, opts: Pick<IngestOptions, "followSymlinks"> = {}): string[] {
  const { files, warnings, skippedByName } = walkPaths(paths, { skipHidden: true, sortRoots: true, followSymlinks: opts.followSymlinks === true, skip: isNotLog });
  for (const w of warnings) report.skipped.push({ file: w.path, line: 1, reason: w.reason });
  if (skippedByName.length > 0) (report.notLogs ??= []).push(...skippedByName);
  return files;
}
