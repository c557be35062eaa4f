/**
 * A FileSystem held in memory: the browser playground's files (built-in samples and dropped
 * files, added with `add`), and tests that run the engine without a disk. POSIX paths; a relative
 * path is taken from `/`. No links, so `realpath` only normalises and an entry is never a symlink.
 * Descriptors support positioned reads and writes, so everything that reads or writes through
 * the platform (ingestion, archives, EVTX, Parquet) works on it as on Node's.
 */
import { fsError, type DirEntry, type FileInfo, type FileSystem, type OpenMode } from "./file-system.js";

interface Entry {
  data: Uint8Array;
  size: number;
  mtimeMs: number;
}

interface Open {
  readonly path: string;
  readonly entry: Entry;
  readonly readable: boolean;
  readonly writable: boolean;
  pos: number;
}

// ignoreBOM keeps a leading U+FEFF, as Node's readFileSync(path, "utf8") does (callers strip it).
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });
const ENCODE = new TextEncoder();

/** `/a/./b/../c` → `/a/c`; relative paths from `/`. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return `/${parts.join("/")}`;
}

const parentOf = (p: string): string => p.slice(0, Math.max(1, p.lastIndexOf("/")));

export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, Entry>();
  private readonly dirs = new Set<string>(["/"]);
  private readonly fds = new Map<number, Open>();
  private nextFd = 3;
  private temps = 0;

  /** Adds a file (and its folders), replacing one of the same name. Returns its normalised path. */
  add(path: string, data: Uint8Array | string, mtimeMs = Date.now()): string {
    const p = normalizePath(path);
    this.mkdir(parentOf(p));
    const bytes = typeof data === "string" ? ENCODE.encode(data) : data;
    this.files.set(p, { data: bytes, size: bytes.length, mtimeMs });
    return p;
  }

  stat(path: string): FileInfo {
    const p = normalizePath(path);
    const f = this.files.get(p);
    if (f) return { kind: "file", size: f.size, mtimeMs: f.mtimeMs, id: p };
    if (this.dirs.has(p)) return { kind: "directory", size: 0, mtimeMs: 0, id: p };
    throw this.missing("stat", path);
  }

  fstat(fd: number): FileInfo {
    const o = this.handle(fd, "fstat");
    return { kind: "file", size: o.entry.size, mtimeMs: o.entry.mtimeMs, id: o.path };
  }

  exists(path: string): boolean {
    const p = normalizePath(path);
    return this.files.has(p) || this.dirs.has(p);
  }

  list(dir: string): DirEntry[] {
    const p = normalizePath(dir);
    if (this.files.has(p)) throw fsError("ENOTDIR", "scandir", dir, "not a directory");
    if (!this.dirs.has(p)) throw this.missing("scandir", dir);
    const prefix = p === "/" ? "/" : `${p}/`;
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k.startsWith(prefix) && k.length > prefix.length) names.add(k.slice(prefix.length).split("/")[0]!);
    }
    return [...names].map((name) => ({ name, symlink: false }));
  }

  realpath(path: string): string {
    this.stat(path);
    return normalizePath(path);
  }

  readFile(path: string): Uint8Array {
    const f = this.file(path, "open");
    // Copied with the Uint8Array constructor: a Buffer's slice() is a view, not a copy.
    return new Uint8Array(f.data.subarray(0, f.size));
  }

  readText(path: string): string {
    const f = this.file(path, "open");
    return UTF8.decode(f.data.subarray(0, f.size));
  }

  writeFile(path: string, data: Uint8Array | string): void {
    const bytes = typeof data === "string" ? ENCODE.encode(data) : new Uint8Array(data);
    const e = this.truncated(path);
    e.data = bytes;
    e.size = bytes.length;
  }

  open(path: string, how: OpenMode): number {
    const p = normalizePath(path);
    let entry: Entry;
    if (how === "r") entry = this.file(path, "open");
    else {
      if (how === "wx" && this.exists(p)) throw fsError("EEXIST", "open", path, "file already exists");
      entry = this.truncated(path);
    }
    const fd = this.nextFd++;
    this.fds.set(fd, { path: p, entry, readable: how === "r", writable: how !== "r", pos: 0 });
    return fd;
  }

  read(fd: number, into: Uint8Array, offset: number, length: number, position: number | null): number {
    const o = this.handle(fd, "read");
    // `w` and `wx` open for writing only (O_WRONLY), as on Node.
    if (!o.readable) throw fsError("EBADF", "read", o.path, "bad file descriptor");
    const at = position ?? o.pos;
    const n = Math.max(0, Math.min(length, o.entry.size - at));
    into.set(o.entry.data.subarray(at, at + n), offset);
    if (position === null) o.pos += n;
    return n;
  }

  write(fd: number, data: Uint8Array, offset = 0, length = data.length - offset, position: number | null = null): number {
    const o = this.handle(fd, "write");
    if (!o.writable) throw fsError("EBADF", "write", o.path, "bad file descriptor");
    const at = position ?? o.pos;
    const e = o.entry;
    if (at + length > e.data.length) {
      const grown = new Uint8Array(Math.max(at + length, e.data.length * 2, 1024));
      grown.set(e.data.subarray(0, e.size));
      e.data = grown;
    }
    e.data.set(data.subarray(offset, offset + length), at);
    e.size = Math.max(e.size, at + length);
    e.mtimeMs = Date.now();
    if (position === null) o.pos = at + length;
    return length;
  }

  close(fd: number): void {
    this.handle(fd, "close");
    this.fds.delete(fd);
  }

  mkdir(path: string): void {
    const p = normalizePath(path);
    if (this.files.has(p)) throw fsError("EEXIST", "mkdir", path, "file already exists");
    // Checked before any folder is added: a failed mkdir leaves nothing behind.
    const missing: string[] = [];
    for (let d = p; !this.dirs.has(d); d = parentOf(d)) {
      if (this.files.has(d)) throw fsError("ENOTDIR", "mkdir", path, "not a directory");
      missing.push(d);
    }
    for (const d of missing) this.dirs.add(d);
  }

  remove(path: string): void {
    const p = normalizePath(path);
    const inside = (k: string): boolean => k === p || k.startsWith(p === "/" ? "/" : `${p}/`);
    for (const k of [...this.files.keys()]) if (inside(k)) this.files.delete(k);
    for (const k of [...this.dirs]) if (inside(k) && k !== "/") this.dirs.delete(k);
  }

  rename(from: string, to: string): void {
    const src = normalizePath(from);
    const f = this.files.get(src);
    // The engine renames files only (a finished temp file into place); a folder would need its whole subtree moved.
    if (!f && this.dirs.has(src)) throw fsError("ENOTSUP", "rename", from, "renaming a directory is not supported in memory");
    if (!f) throw this.missing("rename", from);
    const dst = this.creatable(to);
    this.files.delete(src);
    this.files.set(dst, f);
  }

  makeTempDir(prefix: string): string {
    let p: string;
    // A name already taken (a file or folder added under /tmp) is passed over: the folder is fresh.
    do p = normalizePath(`/tmp/${prefix}${String(++this.temps).padStart(6, "0")}`);
    while (this.exists(p));
    this.mkdir(p);
    return p;
  }

  homeDir(): string {
    return "/home";
  }

  private file(path: string, syscall: string): Entry {
    const p = normalizePath(path);
    const f = this.files.get(p);
    if (f) return f;
    if (this.dirs.has(p)) throw fsError("EISDIR", syscall, path, "illegal operation on a directory");
    throw this.missing(syscall, path);
  }

  /** The normalised path, when its folder exists and it is not a folder itself. */
  private creatable(path: string): string {
    const p = normalizePath(path);
    if (this.dirs.has(p)) throw fsError("EISDIR", "open", path, "illegal operation on a directory");
    if (!this.dirs.has(parentOf(p))) throw this.missing("open", path);
    return p;
  }

  /**
   * The file at `path` emptied, or a new empty one: truncated in place, as O_TRUNC does, so a
   * descriptor already open on it sees the new content.
   */
  private truncated(path: string): Entry {
    const p = this.creatable(path);
    const e = this.files.get(p) ?? { data: new Uint8Array(0), size: 0, mtimeMs: 0 };
    e.data = new Uint8Array(0);
    e.size = 0;
    e.mtimeMs = Date.now();
    this.files.set(p, e);
    return e;
  }

  private handle(fd: number, syscall: string): Open {
    const o = this.fds.get(fd);
    if (!o) throw fsError("EBADF", syscall, String(fd), "bad file descriptor");
    return o;
  }

  /** ENOENT, or ENOTDIR when a file stands where a folder of the path should be (as POSIX says). */
  private missing(syscall: string, path: string): Error {
    for (let d = parentOf(normalizePath(path)); d !== "/"; d = parentOf(d)) {
      if (this.files.has(d)) return fsError("ENOTDIR", syscall, path, "not a directory");
    }
    return fsError("ENOENT", syscall, path, "no such file or directory");
  }
}
