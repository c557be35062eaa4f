/**
 * What the CLI's batch loops (detect, check, test) print or record for an exception that escaped a
 * detection: one line naming the file, and the next detection runs. The stack only with --debug.
 */
import { internalError, type Stage } from "../diagnostics/internal-error.js";

export { renderInternal } from "../diagnostics/internal-error.js";

/** The one-line message of an exception (for a result row: check, test); a file error says just what it is. */
export function internalMessage(e: unknown, stage: Stage): string {
  if (isFileError(e)) return e.message;
  return internalError(e, stage).message;
}

/** An error of the file system (ENOENT, ELOOP, EACCES…): an input problem, not a bug. */
export function isFileError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string";
}
