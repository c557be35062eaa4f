/**
 * The file operations the engine uses, synchronous, on paths and numeric descriptors: what
 * ingestion (chunked reads at positions), the on-disk index and Parquet files (open, positioned
 * read and write, rename) and the loaders of macros, lookups and detections (whole files) need,
 * and nothing more. Node's implementation forwards to `node:fs`; MemoryFileSystem keeps files in
 * a Map (the playground's dropped files, tests).
 *
 * Failures throw an Error whose `code` is Node's (`ENOENT`, `ENOTDIR`, `EISDIR`, `ELOOP`,
 * `EEXIST`…), so callers tell "missing" from "unreadable" the same way on every platform.
 */

export type FileKind = "file" | "directory" | "symlink" | "fifo" | "socket" | "character device" | "block device" | "other";

export interface FileInfo {
  readonly kind: FileKind;
  readonly size: number;
  readonly mtimeMs: number;
  /** Identifies the underlying file (device and inode on Node): two paths to one file have the same id. */
  readonly id: string;
}

export interface DirEntry {
  readonly name: string;
  /** The entry itself is a symbolic link (its target is not looked at). */
  readonly symlink: boolean;
}

/** `r` reads; `w` creates or truncates; `wx` creates and fails with EEXIST if the file exists. */
export type OpenMode = "r" | "w" | "wx";

export interface FileSystem {
  /** Follows symbolic links. */
  stat(path: string): FileInfo;
  fstat(fd: number): FileInfo;
  exists(path: string): boolean;
  /** Entries of a directory, in no particular order. */
  list(dir: string): DirEntry[];
  /** The path with every symbolic link resolved. */
  realpath(path: string): string;

  readFile(path: string): Uint8Array;
  /** UTF-8, invalid bytes as U+FFFD. */
  readText(path: string): string;
  writeFile(path: string, data: Uint8Array | string): void;

  /** `mode` is the permission bits of a created file (e.g. 0o600 for private spool files). */
  open(path: string, how: OpenMode, mode?: number): number;
  /** Reads up to `length` bytes at `position` (null: at the descriptor's own position, advancing it). Returns 0 at end of file. */
  read(fd: number, into: Uint8Array, offset: number, length: number, position: number | null): number;
  /** Writes at `position` (null/absent: at the descriptor's position, advancing it). Returns bytes written. */
  write(fd: number, data: Uint8Array, offset?: number, length?: number, position?: number | null): number;
  close(fd: number): void;

  mkdir(path: string): void;
  /** Removes a file or a whole directory tree; nothing to remove is not an error. */
  remove(path: string): void;
  rename(from: string, to: string): void;
  /** Creates a fresh private directory `<temp>/<prefix>XXXXXX` and returns its path. */
  makeTempDir(prefix: string): string;
  /** The user's home directory (where the data cache lives by default). */
  homeDir(): string;
}

/** An Error with Node's `code`, for implementations other than Node's. */
export function fsError(code: string, syscall: string, path: string, text: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { code, syscall, path });
}
