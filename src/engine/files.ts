/** Files under paths (directories walked recursively, sorted so runs are deterministic). */
import { platform } from "../platform/platform.js";
import { extname } from "node:path";
import { walkPaths, type WalkWarning } from "../adapters/walk-paths.js";

export type { WalkWarning };

/** `followSymlinks`: read what links inside a named folder lead to outside it (walk-paths.ts). */
export interface FollowOption {
  readonly followSymlinks?: boolean;
}

/**
 * Files under the paths whose extension is in `exts`; a path named explicitly is always kept.
 * Symlinks are followed once (each real file listed once; a loop, FIFO or device is a warning,
 * never ELOOP or a hang); a link to outside the named paths is skipped with a warning unless
 * `followSymlinks` is set. A named path that does not exist still throws, as callers report it as
 * an input error. Warnings go to `onWarning`, by default to stderr as `warning: path: reason`.
 */
export function listFiles(paths: readonly string[], exts: readonly string[], onWarning: (w: WalkWarning) => void = stderrWarning, opts: FollowOption = {}): string[] {
  for (const p of paths) rethrowMissing(p);
  const { files, warnings } = walkPaths(paths, { keep: (p) => exts.includes(extname(p).toLowerCase()), followSymlinks: opts.followSymlinks === true });
  for (const w of warnings) onWarning(w);
  return files;
}

/** A missing or unreadable named path keeps failing loudly; only a loop becomes a warning. */
function rethrowMissing(p: string): void {
  try {
    platform().fs.stat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ELOOP") throw e;
  }
}

function stderrWarning(w: WalkWarning): void {
  process.stderr.write(`warning: ${w.path}: ${w.reason}\n`);
}
