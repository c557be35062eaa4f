/**
 * The REPL's persistent history: one entry per line, oldest first, in `~/.minispl_history` (or
 * $MINISPL_HISTORY; empty disables it). The file is created owner-only (0600) because searches
 * can carry hostnames, user names and hashes from an investigation. Each entry is appended as it
 * is run, so a crash or a kill loses nothing; a multi-line search is kept as one line (its line
 * breaks become spaces, which SPL reads the same outside quoted strings).
 */
import { appendFileSync, chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const HISTORY_SIZE = 1000;

/** Where history lives, or null when disabled. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.MINISPL_HISTORY;
  if (configured !== undefined) return configured === "" ? null : configured;
  return join(homedir(), ".minispl_history");
}

export function entryLine(entry: string): string {
  return entry.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

export class HistoryFile {
  constructor(private readonly path: string | null) {}

  /** Entries, most recent first (what node:readline's `history` option expects). */
  load(): string[] {
    if (this.path === null || !existsSync(this.path)) return [];
    try {
      const lines = readFileSync(this.path, "utf8").split("\n").filter((l) => l.trim() !== "");
      return lines.slice(-HISTORY_SIZE).reverse();
    } catch {
      return [];
    }
  }

  /** Appends an entry; problems (read-only home, …) are ignored: history is a convenience. */
  append(entry: string): void {
    if (this.path === null) return;
    const line = entryLine(entry);
    if (line === "") return;
    try {
      if (!existsSync(this.path)) {
        writeFileSync(this.path, "", { mode: 0o600, flag: "wx" });
        // The umask cannot widen 0600, but an explicit chmod also covers a umask of 0.
        chmodSync(this.path, 0o600);
      }
      appendFileSync(this.path, `${line}\n`);
    } catch {
      // Not fatal: the REPL works without a history file.
    }
  }
}
