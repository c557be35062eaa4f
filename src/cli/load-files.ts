/**
 * File IO for the CLI: macro definition files and detection files, found recursively under the
 * given paths (sorted, so runs are deterministic).
 */
import { builtinMacros, listFiles, loadMacroFiles, type MacroTable } from "../index.js";

export { listFiles };

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
