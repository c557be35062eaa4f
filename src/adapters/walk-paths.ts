/**
 * Walking the paths a user names (`--data`, `--lookups`, `--macros`, detection folders) without
 * trusting the tree: logs come from compromised machines, so a directory may hold symlink loops,
 * several links to one file, FIFOs or devices. Every file and directory is identified by its
 * device and inode (after following links), so each real file is listed once and a directory
 * already being walked is a loop, reported by name instead of recursing until ELOOP (or, with two
 * loops, exponentially). Only regular files are listed: reading a FIFO blocks forever and a
 * device never ends, so both are reported and skipped. Nothing here throws.
 *
 * A symlink found inside a named directory whose target lies outside every named path is skipped
 * with a warning unless `followSymlinks` is set: a planted `logs/x.xml -> /home/analyst/.ssh/…`
 * must not be read (or, with --lookups, shown in results) because someone pointed minispl at a
 * folder. The default is the safe one for the library too (Engine.loadData, listFiles): the skip is
 * always reported, so nothing changes silently. Paths named explicitly are followed wherever they lead.
 *
 * `skip` drops files found inside a directory by name (never a path named explicitly) and lists
 * them in `skippedByName`: `--data` uses `isNotLog`, so a dataset folder's README.md, licence,
 * YAML descriptions and screenshots are one summary line (`notLogsSummary`) instead of one
 * "unrecognised format" warning each.
 */
import { basename, extname, isAbsolute, join, relative, sep } from "node:path";
import type { DirEntry, FileInfo } from "../platform/file-system.js";
import { platform } from "../platform/platform.js";

export interface WalkOptions {
  /** Keeps a file found inside a directory (paths named explicitly are always kept). */
  readonly keep?: (path: string) => boolean;
  /** Skips dot-files and dot-directories inside directories (never a path named explicitly). */
  readonly skipHidden?: boolean;
  /** Sorts the named paths too (directory entries are always sorted). */
  readonly sortRoots?: boolean;
  /** Follows links inside a directory to targets outside the named paths (default: skip, with a warning). */
  readonly followSymlinks?: boolean;
  /** Drops a file found inside a directory by its name, listing it in `skippedByName` (e.g. `isNotLog`). */
  readonly skip?: (path: string) => boolean;
}

export interface WalkWarning {
  readonly path: string;
  readonly reason: string;
}

export interface WalkResult {
  /** Regular files, each real file once, in walk order; named as first reached. */
  readonly files: string[];
  readonly warnings: WalkWarning[];
  /** Files `skip` dropped, each real file once, in walk order. */
  readonly skippedByName: string[];
}

export function walkPaths(paths: readonly string[], opts: WalkOptions = {}): WalkResult {
  const files: string[] = [];
  const warnings: WalkWarning[] = [];
  const skippedByName: string[] = [];
  /** dev:ino → the path it was first reached by (files and finished directories). */
  const seen = new Map<string, string>();
  /** dev:ino of the directories being walked right now (a repeat is a loop). */
  const open = new Set<string>();
  const fs = platform().fs;
  const warn = (path: string, reason: string): void => void warnings.push({ path, reason });
  /** Real paths of the named paths: a link inside them may lead anywhere below these. */
  const roots = opts.followSymlinks ? [] : paths.map(target);
  /** True when `p`, a link inside a walked directory, leads outside every root (and is not followed). */
  const escapes = (p: string, entry: DirEntry): boolean => {
    if (opts.followSymlinks || !entry.symlink) return false;
    let real: string;
    try {
      real = fs.realpath(p);
    } catch {
      return false; // a loop or a broken link: walk() reports it
    }
    if (roots.some((r) => inside(real, r))) return false;
    warn(p, `symlink to ${real}, outside the paths given; skipped (--follow-symlinks reads it)`);
    return true;
  };

  const walk = (p: string, explicit: boolean): void => {
    let st: FileInfo;
    try {
      st = fs.stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ELOOP") return warn(p, "symlink loop (the link resolves to itself); skipped");
      if (code === "ENOENT" && !explicit) return warn(p, "broken symlink (its target does not exist); skipped");
      return warn(p, `cannot read: ${(e as Error).message}`);
    }
    const id = st.id;
    if (st.kind === "directory") {
      if (open.has(id)) return warn(p, `symlink loop: ${target(p)} is a directory above it; not walked again`);
      const first = seen.get(id);
      if (first !== undefined) return warn(p, `same directory as ${first} (a link); its files are read once`);
      let entries: DirEntry[];
      try {
        entries = fs.list(p);
      } catch (e) {
        return warn(p, `cannot read directory: ${(e as Error).message}`);
      }
      open.add(id);
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (opts.skipHidden && e.name.startsWith(".")) continue;
        const child = join(p, e.name);
        if (!escapes(child, e)) walk(child, false);
      }
      open.delete(id);
      seen.set(id, p);
      return;
    }
    if (st.kind !== "file") return warn(p, `${kindOf(st)} is not a regular file (reading it could block forever); skipped`);
    if (!explicit && opts.keep && !opts.keep(p)) return;
    const first = seen.get(id);
    if (first !== undefined) return warn(p, `same file as ${first} (a link); read once`);
    seen.set(id, p);
    if (!explicit && opts.skip?.(p)) skippedByName.push(p);
    else files.push(p);
  };

  for (const p of opts.sortRoots ? [...paths].sort() : paths) walk(p, true);
  return { files, warnings, skippedByName };
}

/** Extensions of files that are documentation, pictures, code or configuration, never logs. */
const NOT_LOG_EXTENSIONS = new Set([
  ".md", ".markdown", ".rst", ".yml", ".yaml", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".bmp", ".ico", ".webp",
  ".pdf", ".html", ".htm", ".py", ".sh",
]);

/**
 * True for a file name that is clearly not a log: README, LICENSE, LICENCE, COPYING (alone or with
 * any extension), and the extensions above. `.txt` is not among them (many exported logs are .txt; content decides), nor
 * `.json`/`.csv`/`.xml`/`.log`, nor a name without an extension.
 */
export function isNotLog(path: string): boolean {
  const name = basename(path);
  if (/^(readme|license|licence|copying)(\.|$)/i.test(name)) return true;
  return NOT_LOG_EXTENSIONS.has(extname(name).toLowerCase());
}

/** How many names the summary line lists before `…`. */
const LISTED = 5;

/**
 * The one line for the files skipped by name (no line for none), e.g. `skipped 12 files that are
 * not logs: README.md, a.png, … (use --data <file> to force)`; names are base names, each once.
 */
export function notLogsSummary(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const names = [...new Set(paths.map((p) => basename(p.slice(p.lastIndexOf("!") + 1))))];
  const listed = names.slice(0, LISTED).join(", ") + (names.length > LISTED ? ", …" : "");
  const n = paths.length;
  return `skipped ${n} file${n === 1 ? "" : "s"} that ${n === 1 ? "is" : "are"} not logs: ${listed} (use --data <file> to force)`;
}

function kindOf(st: FileInfo): string {
  if (st.kind === "fifo") return "a FIFO (named pipe)";
  if (st.kind === "socket") return "a socket";
  if (st.kind === "character device") return "a character device";
  if (st.kind === "block device") return "a block device";
  return "a special file";
}

/** True when the real path `real` is `root` or below it. */
function inside(real: string, root: string): boolean {
  const rel = relative(root, real);
  return rel === "" || (!isAbsolute(rel) && rel.split(sep)[0] !== "..");
}

/** Where a link leads, for the loop warning (the path itself when it cannot be resolved). */
function target(p: string): string {
  try {
    return platform().fs.realpath(p);
  } catch {
    return p;
  }
}
