/**
 * `--data -` (or `/dev/stdin`): standard input read like a file. Containers are recognised by
 * magic bytes and a gzip stream is inflated in a worker that opens the file by path; a zip needs
 * its central directory at the end. A pipe gives neither random access nor a path, so piped
 * input is first copied to a private temporary file (read synchronously, as every `--data` file
 * is), read from there and removed. Input redirected from a regular file is read in place. Either
 * way the events and skipped records name it `<stdin>` (file-field.ts).
 */
import { join } from "node:path";
import { platform } from "../platform/platform.js";
import { ingestFile } from "./ingest-file.js";
import { ingestEvtx, isEvtx } from "./evtx/ingest-evtx.js";
import { STDIN_NAME, tagFile } from "./file-field.js";
import type { EventSink, StreamOptions, StreamReport } from "./stream-types.js";

const NAMES = { shown: STDIN_NAME, field: STDIN_NAME } as const;

/** Reads standard input (`fd`, 0 unless a test says otherwise) into the sink, adding to `report`. */
export function ingestStdin(sink: EventSink, opts: StreamOptions, report: StreamReport, fd = 0): void {
  let regular = false;
  try {
    regular = platform().fs.fstat(fd).kind === "file";
  } catch (e) {
    report.skipped.push({ file: STDIN_NAME, line: 1, reason: `cannot read: ${(e as Error).message}` });
    return;
  }
  // A regular file: /proc/self/fd/N opens it afresh (from its start) for the readers that want a path.
  if (regular && fd === 0) return ingestAt(sink, "/dev/stdin", opts, report);
  const dir = platform().fs.makeTempDir("minispl-stdin-");
  try {
    const spooled = join(dir, "stdin");
    const problem = spool(fd, spooled);
    if (problem) report.skipped.push({ file: STDIN_NAME, line: 1, reason: `cannot read: ${problem}` });
    ingestAt(sink, spooled, opts, report);
  } finally {
    platform().fs.remove(dir);
  }
}

function ingestAt(sink: EventSink, path: string, opts: StreamOptions, report: StreamReport): void {
  if (!isEvtx(path)) return ingestFile(sink, path, opts, report, NAMES);
  // The EVTX reader names its skipped records after the path it read: renamed to <stdin> here.
  const from = report.skipped.length;
  ingestEvtx({ append: (e, format) => sink.append(tagFile(e, STDIN_NAME), format) }, path, opts, report);
  for (let i = from; i < report.skipped.length; i++) {
    const s = report.skipped[i];
    if (s && s.file.startsWith(path)) report.skipped[i] = { ...s, file: STDIN_NAME + s.file.slice(path.length) };
  }
}

/** Copies everything readable from `fd` to a new 0600 file; the error text when reading stopped early. */
function spool(fd: number, to: string): string | undefined {
  const fs = platform().fs;
  const out = fs.open(to, "wx", 0o600);
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      let n: number;
      try {
        n = fs.read(fd, buf, 0, buf.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A non-blocking stdin with nothing yet: wait a little (this thread has nothing else to do).
        if (code === "EAGAIN") {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if (code === "EOF") return undefined;
        return (e as Error).message;
      }
      if (n <= 0) return undefined;
      for (let at = 0; at < n; ) at += fs.write(out, buf, at, n - at);
    }
  } finally {
    fs.close(out);
  }
}
