/**
 * File IO for the CLI: macro definition files and detection files, found recursively under the
 * given paths (sorted, so runs are deterministic).
 */
import { readFileSync } from "node:fs";
import { builtinMacros, listFiles, loadMacroFiles, parseDetection, type Detection, type MacroTable } from "../index.js";

export { listFiles };
export { isStdinPath } from "../adapters/file-field.js";
export { notLogsSummary } from "../adapters/walk-paths.js";

/** Where listFiles' warnings go in a command (a symlink loop, a FIFO skipped): the command's stderr. */
export function listingWarning(io: { err(s: string): void }): (w: { path: string; reason: string }) => void {
  return (w) => io.err(`warning: ${w.path}: ${w.reason}\n`);
}

export interface MacroLoad {
  readonly table: MacroTable;
  readonly errors: string[];
}

/** Builtins, then every --macros file in order (later definitions win). */
export function loadMacros(paths: readonly string[], opts: { followSymlinks?: boolean } = {}): MacroLoad {
  const loaded = loadMacroFiles(paths, opts);
  return { table: builtinMacros().with(loaded.macros), errors: loaded.errors };
}

/**
 * One detection file (`explain det.yml`, `search --detection det.yml`), or null after an error
 * line naming it (as `label`, e.g. the option it came from) on `io.err`.
 */
export function readDetectionFile(path: string, io: { err(s: string): void }, label = path): Detection | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    io.err(`error: ${label}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}\n`);
    return null;
  }
  const parsed = parseDetection(text, path);
  if (!parsed.detection) io.err(`error: ${path}: ${parsed.diagnostics.map((d) => d.message).join("; ") || "not a detection"}\n`);
  return parsed.detection ?? null;
}
