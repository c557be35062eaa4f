/**
 * The REPL's persistent history: one entry per line, oldest first, in `~/.minispl_history` (or
 * $MINISPL_HISTORY; empty disables it). Searches can carry hostnames, user names and hashes from
 * an investigation, so the file is owner-only (0600): created so, and an existing wider one (an
 * older minispl, a copied dotfile) is narrowed when opened. It is never read or written through a
 * symlink: a link planted at that path could make the REPL append to any file the user can write.
 * Either problem is one warning and a session without history. Each entry is appended as it is
 * run, so a crash or a kill loses nothing; a multi-line search is kept as one line (its line
 * breaks become spaces, which SPL reads the same outside quoted strings). The session's own
 * history (node:readline's, which adds every line as it is typed) is corrected the same way by
 * `collapseEntry`, so Up recalls a multi-line search whole, not one line at a time.
 */
import { chmodSync, closeSync, constants, fchmodSync, fstatSync, lstatSync, openSync, readFileSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const HISTORY_SIZE = 1000;
const OWNER_ONLY = 0o600;
/** O_NOFOLLOW makes open fail (ELOOP) on a link swapped in after the check; 0 where it is missing (Windows). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Where history lives, or null when disabled. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.MINISPL_HISTORY;
  if (configured !== undefined) return configured === "" ? null : configured;
  return join(homedir(), ".minispl_history");
}

export function entryLine(entry: string): string {
  return entry.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/**
 * Replaces the lines readline added to its in-memory `history` (most recent first) for a
 * multi-line `entry` by the entry as one line (`entryLine`). Each of the entry's lines is looked
 * for only among the newest entries (as many as the entry has lines), so an older search that
 * happens to equal one of them is kept; a line readline did not add (blank, or a repeat of the
 * line before it) is simply not found.
 */
export function collapseEntry(history: string[], entry: string): void {
  const lines = entry.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  if (lines.length < 2) return;
  const window = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const at = history.slice(0, window).findIndex((h) => h.trim() === lines[i]);
    if (at >= 0) history.splice(at, 1);
  }
  const one = entryLine(entry);
  const dup = history.indexOf(one);
  if (dup >= 0) history.splice(dup, 1);
  history.unshift(one);
}

export class HistoryFile {
  private path: string | null;
  private checked = false;

  /** `warn` gets one line (without "warning: ") when the file is refused. */
  constructor(path: string | null, private readonly warn: (message: string) => void = () => {}) {
    this.path = path;
  }

  /** Entries, most recent first (what node:readline's `history` option expects). */
  load(): string[] {
    if (!this.usable()) return [];
    try {
      const fd = openSync(this.path as string, constants.O_RDONLY | NOFOLLOW);
      try {
        const lines = readFileSync(fd, "utf8").split("\n").filter((l) => l.trim() !== "");
        return lines.slice(-HISTORY_SIZE).reverse();
      } finally {
        closeSync(fd);
      }
    } catch {
      return [];
    }
  }

  /** Appends an entry; problems (read-only home, …) are ignored: history is a convenience. */
  append(entry: string): void {
    const line = entryLine(entry);
    if (line === "" || !this.usable()) return;
    try {
      const fd = openSync(this.path as string, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NOFOLLOW, OWNER_ONLY);
      try {
        // The create mode is subject to the umask, which can only narrow it; this covers the rest.
        if ((fstatSync(fd).mode & 0o777) !== OWNER_ONLY) fchmodSync(fd, OWNER_ONLY);
        writeSync(fd, `${line}\n`);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ELOOP") this.refuse("is a symlink (history is never written through one)");
    }
  }

  /**
   * Checked once, before the first read or write: a symlink or a non-file is refused; an existing
   * file wider than 0600 is narrowed (refused when that fails, e.g. someone else's file).
   */
  private usable(): boolean {
    if (this.path === null) return false;
    if (this.checked) return true;
    this.checked = true;
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(this.path);
    } catch {
      return true; // missing: created 0600 by the first append
    }
    if (st.isSymbolicLink()) return this.refuse("is a symlink (history is never written through one)");
    if (!st.isFile()) return this.refuse("is not a regular file");
    if ((st.mode & 0o777) !== OWNER_ONLY) {
      try {
        chmodSync(this.path, OWNER_ONLY);
      } catch (e) {
        return this.refuse(`is readable by others and cannot be made owner-only (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
    return true;
  }

  private refuse(why: string): false {
    this.warn(`history file ${this.path} ${why}; this session keeps no history`);
    this.path = null;
    return false;
  }
}
