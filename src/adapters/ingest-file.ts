/**
 * One path on disk → events, streamed: plain text is read in chunks; gzip, zip and tar (and
 * tar inside gzip or zip) are opened in place and each member is dispatched by its content like
 * a file of its own, named `archive.zip!member.json` in skipped records. Containers are known by
 * magic bytes (byte-source.ts). A gzip or zip inside an archive member is reported, not read.
 */
import { statSync } from "node:fs";
import { basename } from "node:path";
import { DEFAULT_CHUNK, readAt, readRange, sniff, SNIFF_BYTES, withFile } from "./byte-source.js";
import { inflateChunks } from "./sync-inflate.js";
import { memberDataStart, readZipDirectory } from "./zip-reader.js";
import { TarReader } from "./tar-reader.js";
import { TextSession } from "./text-session.js";
import type { EventSink, HandlerContext, StreamOptions, StreamReport } from "./stream-types.js";

/** Streams `path` into the sink, adding to `report`; never throws for bad input. */
export function ingestFile(sink: EventSink, path: string, opts: StreamOptions, report: StreamReport): void {
  let size: number;
  let fileTime: number;
  try {
    const st = statSync(path);
    size = st.size;
    fileTime = Math.floor(st.mtimeMs) / 1000;
  } catch (e) {
    report.skipped.push({ file: path, line: 1, reason: `cannot read: ${(e as Error).message}` });
    return;
  }
  report.inputBytes += size;
  const run = new FileRun(sink, opts, report, fileTime, opts.chunkSize ?? DEFAULT_CHUNK);
  try {
    withFile(path, (fd) => run.file(fd, path, size));
  } catch (e) {
    report.skipped.push({ file: path, line: 1, reason: `cannot read: ${(e as Error).message}` });
  }
}

class FileRun {
  constructor(
    private readonly sink: EventSink,
    private readonly opts: StreamOptions,
    private readonly report: StreamReport,
    private readonly fileTime: number,
    private readonly chunk: number,
  ) {}

  file(fd: number, path: string, size: number): void {
    const kind = sniff(readAt(fd, 0, SNIFF_BYTES));
    if (kind === "zip") return this.zip(fd, path, size);
    if (kind === "gzip") {
      return this.guard(path, () => this.member(path, gzipName(path), inflateChunks({ path, start: 0, end: size, kind: "gzip" }, this.chunk)));
    }
    if (kind === "tar") return this.guard(path, () => this.tar(path, readRange(fd, 0, size, this.chunk)));
    this.text(path, readRange(fd, 0, size, this.chunk));
  }

  private zip(fd: number, path: string, size: number): void {
    const entries = readZipDirectory(fd, size);
    if (typeof entries === "string") return this.fail(path, entries);
    for (const e of entries) {
      const name = `${path}!${e.name}`;
      if (e.name.endsWith("/") || hidden(e.name)) continue;
      if (e.encrypted) {
        this.fail(name, "encrypted zip member is not read");
        continue;
      }
      if (e.method !== 0 && e.method !== 8) {
        this.fail(name, `zip compression method ${e.method} is not supported (only stored and deflate)`);
        continue;
      }
      const start = memberDataStart(fd, e);
      if (typeof start === "string") {
        this.fail(name, start);
        continue;
      }
      const end = start + e.compressedSize;
      const chunks = e.method === 0 ? readRange(fd, start, end, this.chunk) : inflateChunks({ path, start, end, kind: "raw" }, this.chunk);
      this.guard(name, () => this.member(name, name, chunks));
    }
  }

  /**
   * An archive member's bytes: a tar is read member by member (named after its container), a
   * further gzip/zip is reported (streaming it would need random access or a second inflater),
   * anything else is one text file named `name`.
   */
  private member(container: string, name: string, chunks: Iterable<Uint8Array>): void {
    const it = chunks[Symbol.iterator]();
    // Copied: the iterator reuses its buffer, and small chunks may need joining to reach the magic.
    const parts: Uint8Array[] = [];
    let have = 0;
    for (let r = it.next(); !r.done; r = it.next()) {
      parts.push(new Uint8Array(r.value));
      have += r.value.length;
      if (have >= SNIFF_BYTES) break;
    }
    const head = Buffer.concat(parts);
    const kind = sniff(head);
    const rest: Iterable<Uint8Array> = { [Symbol.iterator]: () => prepend(head, it) };
    if (kind === "tar") return this.tar(container, rest);
    if (kind !== undefined) {
      it.return?.();
      return this.fail(name, `nested ${kind} archive inside an archive is not read; extract it first`);
    }
    this.text(name, rest);
  }

  private tar(container: string, chunks: Iterable<Uint8Array>): void {
    let session: TextSession | undefined;
    const reader = new TarReader({
      begin: (name) => {
        if (hidden(name)) return false;
        session = this.session(`${container}!${name}`);
        return true;
      },
      data: (bytes) => session?.pushBytes(bytes),
      end: () => {
        if (session) this.close(session);
        session = undefined;
      },
    });
    for (const c of chunks) {
      reader.push(c);
      if (reader.done) break;
    }
  }

  private text(name: string, chunks: Iterable<Uint8Array>): void {
    const session = this.session(name);
    for (const c of chunks) {
      session.pushBytes(c);
      if (!session.wanted) break;
    }
    this.close(session);
  }

  private session(name: string): TextSession {
    const { sink, report } = this;
    const ctx: HandlerContext = {
      file: name,
      opts: this.opts,
      fileTime: this.fileTime,
      emit(event, format) {
        sink.append(event, format);
        report.events++;
        report.byFormat[format] = (report.byFormat[format] ?? 0) + 1;
      },
      skip: (line, reason) => void report.skipped.push({ file: name, line, reason }),
    };
    this.report.files++;
    return new TextSession(ctx);
  }

  private close(session: TextSession): void {
    session.end();
    this.report.bytes += session.bytes;
  }

  /** Corrupt compressed data or tar headers: reported once; events read before stay. */
  private guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.fail(name, `archive error: ${(e as Error).message}`);
    }
  }

  private fail(name: string, reason: string): void {
    this.report.skipped.push({ file: name, line: 1, reason });
  }
}

function* prepend(first: Uint8Array, rest: Iterator<Uint8Array>): Generator<Uint8Array> {
  yield first;
  for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
}

/** Dot-files and macOS resource forks are skipped, as the directory walk skips dot-files. */
function hidden(name: string): boolean {
  return name.startsWith("__MACOSX/") || basename(name).startsWith(".");
}

/** `x.json.gz!x.json`: the member is named after the archive without its `.gz`/`.tgz`. */
function gzipName(path: string): string {
  const base = basename(path);
  const inner = base.replace(/\.tgz$/i, ".tar").replace(/\.gz$/i, "");
  return `${path}!${inner === base ? `${base}.out` : inner}`;
}
