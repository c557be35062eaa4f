/** The FileSystem on Node: `node:fs`'s synchronous calls. */
import {
  closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, realpathSync,
  renameSync, rmSync, statSync, writeFileSync, writeSync, type BigIntStats,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import type { FileInfo, FileKind, FileSystem } from "./file-system.js";

function kindOf(st: BigIntStats): FileKind {
  if (st.isFile()) return "file";
  if (st.isDirectory()) return "directory";
  if (st.isSymbolicLink()) return "symlink";
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice()) return "character device";
  if (st.isBlockDevice()) return "block device";
  return "other";
}

// BigInt stats: an inode number can exceed 2^53 on some file systems, and two files must never share an id.
function info(st: BigIntStats): FileInfo {
  return { kind: kindOf(st), size: Number(st.size), mtimeMs: msOf(st.mtimeNs), id: `${st.dev}:${st.ino}` };
}

/** Milliseconds computed as Node computes a plain Stats' mtimeMs, so stored values compare equal. */
function msOf(ns: bigint): number {
  return Number(ns / 1_000_000_000n) * 1e3 + Number(ns % 1_000_000_000n) / 1e6;
}

export const nodeFileSystem: FileSystem = {
  stat: (path) => info(statSync(path, { bigint: true })),
  fstat: (fd) => info(fstatSync(fd, { bigint: true })),
  exists: (path) => existsSync(path),
  list: (dir) => readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, symlink: e.isSymbolicLink() })),
  realpath: (path) => realpathSync(path),
  readFile: (path) => readFileSync(path),
  readText: (path) => readFileSync(path, "utf8"),
  writeFile: (path, data) => writeFileSync(path, data),
  open: (path, how, mode) => openSync(path, how, mode),
  read: (fd, into, offset, length, position) => readSync(fd, into, offset, length, position),
  write: (fd, data, offset, length, position) => writeSync(fd, data, offset, length, position),
  close: (fd) => closeSync(fd),
  mkdir: (path) => void mkdirSync(path, { recursive: true }),
  remove: (path) => rmSync(path, { recursive: true, force: true }),
  rename: (from, to) => renameSync(from, to),
  makeTempDir: (prefix) => mkdtempSync(join(tmpdir(), prefix)),
  homeDir: () => homedir(),
};
