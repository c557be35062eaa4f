/**
 * One path on disk → events, streamed: plain text is read in chunks; gzip, zip and tar (and
 * tar inside gzip or zip) are opened in place and each member is dispatched by its content like
 * a file of its own, named `archive.zip!member.json` in skipped records. Containers are known by
 * magic bytes (byte-source.ts). A gzip or zip inside an archive member is reported, not read.
 * Damage (a cut or corrupt stream, CRC or size mismatch, a lying tar size) and the hostile-input
 * limits (ingest-limits.ts) end with a warning naming the member; what was read before stays.
 */
import { basename, resolve } from "node:path";
import { DEFAULT_CHUNK, readAt, readRange, sniff, SNIFF_BYTES, withFile } from "./byte-source.js";
import type { InflateProblem } from "../platform/compression.js";
import { platform } from "../platform/platform.js";
import { memberDataStart, readZipDirectory, type ZipEntry } from "./zip-reader.js";
import { ByteGuard } from "./byte-guard.js";
import { inflateBudget, limitsOf, type IngestLimits } from "./ingest-limits.js";
import { TarReader } from "./tar-reader.js";
import { TextSession } from "./text-session.js";
import type { EventSink, HandlerContext, StreamOptions, StreamReport } from "./stream-types.js";
import { STDIN_NAME, tagFile } from "./file-field.js";
import { isNotLog } from "./walk-paths.js";

/**
 * How one input is named: `shown` in skipped records and as the mapped adapter's default `source`
 * (the path as given), `field` in every event's FILE_FIELD (the absolute path). Members append
 * `!member` to both. Standard input spooled to a temporary file is `<stdin>` in both.
 */
export interface FileNames {
  readonly shown: string;
  readonly field: string;
}

/** Streams `path` into the sink, adding to `report`; never throws for bad input. */
export function ingestFile(sink: EventSink, path: string, opts: StreamOptions, report: StreamReport, names: FileNames = { shown: path, field: resolve(path) }): void {
  let size: number;
  let fileTime: number;
  try {
    const st = platform().fs.stat(path);
    size = st.size;
    fileTime = Math.floor(st.mtimeMs) / 1000;
  } catch (e) {
    report.skipped.push({ file: names.shown, line: 1, reason: `cannot read: ${(e as Error).message}` });
    return;
  }
  report.inputBytes += size;
  const run = new FileRun(sink, opts, report, fileTime, opts.chunkSize ?? DEFAULT_CHUNK, names);
  try {
    withFile(path, (fd) => run.file(fd, path, size));
  } catch (e) {
    report.skipped.push({ file: names.shown, line: 1, reason: `cannot read: ${(e as Error).message}` });
  }
}

/** Bytes of one text file or member, and whether the data was cut by damage (known once read). */
interface Source {
  readonly chunks: Iterable<Uint8Array>;
  readonly cut: () => boolean;
}

const whole = (chunks: Iterable<Uint8Array>): Source => ({ chunks, cut: () => false });

class FileRun {
  private readonly limits: IngestLimits;

  constructor(
    private readonly sink: EventSink,
    private readonly opts: StreamOptions,
    private readonly report: StreamReport,
    private readonly fileTime: number,
    private readonly chunk: number,
    private readonly names: FileNames,
  ) {
    this.limits = limitsOf(opts);
  }

  /** `path` is read (also by the inflate worker); names are built from `names.shown`. */
  file(fd: number, path: string, size: number): void {
    const kind = sniff(readAt(fd, 0, SNIFF_BYTES));
    const name = this.names.shown;
    if (kind === "zip") return this.zip(fd, path, size);
    if (kind === "gzip") return this.gzip(path, size);
    if (kind === "tar") return this.guard(name, () => this.tar(name, whole(readRange(fd, 0, size, this.chunk))));
    this.text(name, whole(readRange(fd, 0, size, this.chunk)));
  }

  /** The FILE_FIELD value of `name` (the shown path, or a member of it). */
  private fieldValue(name: string): string {
    const { shown, field } = this.names;
    return name.startsWith(shown) ? field + name.slice(shown.length) : name;
  }

  /**
   * A gzip file: damage (truncation, corrupt data, CRC/size mismatch, trailing bytes) is reported
   * and everything decoded before it is kept; a cut stream's last partial line is dropped.
   */
  private gzip(path: string, size: number): void {
    const problems: InflateProblem[] = [];
    const name = gzipName(this.names.shown);
    const budget = new ByteGuard({
      maxLineBytes: Infinity,
      maxBytes: inflateBudget(this.limits, size),
      overBudget: `decompression bomb: inflates to more than ${this.limits.maxRatio}× its ${size} byte(s) (limit maxRatio)`,
    });
    const chunks = guarded(platform().compression.inflateChunks({ path, start: 0, end: size, kind: "gzip" }, this.chunk, problems), budget);
    this.guard(name, () => this.member(this.names.shown, name, { chunks, cut: () => problems.some((p) => p.cut) || budget.problem !== undefined }));
    for (const p of problems) this.fail(name, p.message);
    if (budget.problem) this.fail(name, budget.problem);
  }

  private zip(fd: number, path: string, size: number): void {
    const shown = this.names.shown;
    const entries = readZipDirectory(fd, size);
    if (typeof entries === "string") return this.fail(shown, entries);
    if (entries.moved) this.fail(shown, `zip central directory lies ${entries.moved} byte(s) from where its end record says (bytes added or lost before it); read from there`);
    let read = 0;
    for (const e of entries) {
      const name = `${shown}!${e.name}`;
      if (e.name.endsWith("/") || hidden(e.name)) continue;
      if (isNotLog(e.name)) {
        (this.report.notLogs ??= []).push(name);
        continue;
      }
      if (++read > this.limits.maxMembers) {
        this.fail(shown, `zip holds ${entries.length} entries; members from ${e.name} on are not read (limit maxMembers ${this.limits.maxMembers})`);
        return;
      }
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
      this.zipMember(fd, path, name, e, start);
    }
  }

  /**
   * One zip member, its CRC-32 and size checked as it streams. A mismatch is known only at the
   * member's end, after its events went to the sink (which may have written them out), so the
   * events stay and the warning names the member and how many events came from it: skipping
   * them would need a second pass over every member or holding a whole member in memory.
   */
  private zipMember(fd: number, path: string, name: string, e: ZipEntry, start: number): void {
    const end = start + e.compressedSize;
    const problems: InflateProblem[] = [];
    const budget = inflateBudget(this.limits, e.compressedSize);
    const guard = new ByteGuard({
      maxLineBytes: Infinity,
      maxBytes: Math.min(e.size, budget),
      overBudget:
        e.size <= budget
          ? `inflates past the ${e.size} byte(s) its directory entry declares (a zip bomb or corrupt data)`
          : `decompression bomb: inflates to more than ${this.limits.maxRatio}× its ${e.compressedSize} compressed byte(s) (limit maxRatio)`,
      expect: { crc: e.crc, size: e.size },
    });
    const raw = e.method === 0 ? readRange(fd, start, end, this.chunk) : platform().compression.inflateChunks({ path, start, end, kind: "raw" }, this.chunk, problems);
    const before = this.report.events;
    const cut = (): boolean => problems.some((p) => p.cut) || guard.problem !== undefined;
    this.guard(name, () => this.member(name, name, { chunks: guarded(raw, guard), cut }));
    for (const p of problems) this.fail(name, p.message);
    if (guard.problem) return this.fail(name, guard.problem);
    const mismatch = cut() ? undefined : guard.finish();
    if (mismatch) this.fail(name, `${mismatch}; its ${this.report.events - before} event(s) were loaded and may hold corrupted values`);
  }

  /**
   * An archive member's bytes: a tar is read member by member (named after its container), a
   * further gzip/zip is reported (streaming it would need random access or a second inflater),
   * anything else is one text file named `name`.
   */
  private member(container: string, name: string, src: Source): void {
    const it = src.chunks[Symbol.iterator]();
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
    const rest: Source = { chunks: { [Symbol.iterator]: () => prepend(head, it) }, cut: src.cut };
    if (kind === "tar") return this.tar(container, rest);
    if (kind !== undefined) {
      it.return?.();
      return this.fail(name, `nested ${kind} archive inside an archive is not read; extract it first`);
    }
    this.text(name, rest);
  }

  private tar(container: string, src: Source): void {
    let open: { name: string; session: TextSession; guard: ByteGuard } | undefined;
    let cutAtEnd = false;
    const reader = new TarReader(
      {
        begin: (name) => {
          if (hidden(name)) return false;
          const member = `${container}!${name}`;
          if (isNotLog(name)) {
            (this.report.notLogs ??= []).push(member);
            return false;
          }
          open = { name: member, session: this.session(member), guard: new ByteGuard({ maxLineBytes: this.limits.maxLineBytes }) };
          return true;
        },
        data: (bytes) => {
          if (!open || !open.guard.push(bytes)) return false;
          open.session.pushBytes(bytes);
          return true;
        },
        end: () => {
          if (!open) return;
          const { name, session, guard } = open;
          open = undefined;
          this.close(session, cutAtEnd || guard.problem !== undefined);
          if (guard.problem) this.fail(name, guard.problem);
        },
      },
      this.limits.maxMembers,
    );
    // Read to the end even after the end-of-archive blocks, so a zip member's CRC covers it all.
    for (const c of src.chunks) reader.push(c);
    // The data ended (or was cut by damage the container reports): a member in progress ends here.
    cutAtEnd = src.cut();
    const inProgress = open?.name;
    const rest = reader.end();
    for (const p of reader.problems) this.fail(container, p);
    if (rest) this.fail(inProgress ?? container, rest);
  }

  private text(name: string, src: Source): void {
    const session = this.session(name);
    const guard = new ByteGuard({ maxLineBytes: this.limits.maxLineBytes });
    for (const c of src.chunks) {
      if (!guard.push(c)) break;
      session.pushBytes(c);
      if (!session.wanted) break;
    }
    this.close(session, src.cut() || guard.problem !== undefined);
    if (guard.problem) this.fail(name, guard.problem);
  }

  private session(name: string): TextSession {
    const { sink, report } = this;
    const file = this.fieldValue(name);
    const ctx: HandlerContext = {
      file: name,
      opts: this.opts,
      fileTime: this.fileTime,
      emit(event, format) {
        // Set here, after the adapter, so no content field can take the name (file-field.ts).
        sink.append(tagFile(event, file), format);
        report.events++;
        report.byFormat[format] = (report.byFormat[format] ?? 0) + 1;
      },
      skip: (line, reason) => void report.skipped.push({ file: name, line, reason }),
    };
    this.report.files++;
    return new TextSession(ctx);
  }

  /** `cut`: the data stopped at damage or a limit, so the unterminated last line is a cut record and is dropped. */
  private close(session: TextSession, cut = false): void {
    if (cut) session.dropPartialLine();
    session.end();
    this.report.bytes += session.bytes;
  }

  /** Corrupt tar headers and I/O errors: reported once; events read before stay. */
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

/** Passes chunks on while `guard` accepts them; breaking out stops the source too. */
function* guarded(chunks: Iterable<Uint8Array>, guard: ByteGuard): Generator<Uint8Array> {
  for (const c of chunks) {
    const part = guard.accept(c);
    if (part.length > 0) yield part;
    if (guard.problem !== undefined) return;
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

/** `x.json.gz!x.json`: the member is named after the archive without its `.gz`/`.tgz` (gzip on stdin: `<stdin>`). */
function gzipName(path: string): string {
  if (path === STDIN_NAME) return path;
  const base = basename(path);
  const inner = base.replace(/\.tgz$/i, ".tar").replace(/\.gz$/i, "");
  return `${path}!${inner === base ? `${base}.out` : inner}`;
}
