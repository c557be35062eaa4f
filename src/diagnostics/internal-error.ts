/**
 * The safety net's diagnostic: an exception nothing else turned into a diagnostic (a bug, or a
 * limit we did not foresee, such as a RangeError) becomes `error[internal]` for that one search,
 * so a batch goes on with the next. The stack is kept in the parameters and shown only with
 * `--debug` (render.ts): a user sees one line and where, not a JavaScript trace.
 */
import { SourceSet, type Span } from "../source/source-text.js";
import { diag, SplRuntimeError, type Diagnostic } from "./diagnostic.js";
import { renderDiagnostic } from "./render.js";

/** What the search was doing: "parsing", "checking", "planning" or "running". */
export type Stage = "parsing" | "checking" | "planning" | "running";

export function internalError(e: unknown, stage: Stage, span?: Span): Diagnostic {
  // A runtime error that escaped its stage is still a diagnostic of its own, not a crash.
  if (e instanceof SplRuntimeError) return e.diagnostic;
  const err = e instanceof Error ? e : new Error(String(e));
  const message = err instanceof RangeError && /call stack/i.test(err.message)
    ? `${err.message} (the search nests too deeply for this build)`
    : `${err.name === "Error" ? "" : `${err.name}: `}${err.message}`;
  const params = { stage, message, ...(err.stack ? { stack: err.stack } : {}) };
  return diag("internal", params, span, { hints: ["unexpected: unless an input file is damaged, this is a bug in minispl; --debug prints the stack trace for a report"] });
}

/**
 * An exception outside any one search's net (a batch's loop, a REPL request) rendered like every
 * other diagnostic, naming what failed: `error[internal]: rules/x.yml: internal error while …`.
 */
export function renderInternal(e: unknown, what: string, stage: Stage, opts: { color?: boolean; debug?: boolean } = {}): string {
  const d = internalError(e, stage);
  return `${renderDiagnostic({ ...d, message: `${what}: ${d.message}` }, new SourceSet(), { color: opts.color === true, debug: opts.debug === true })}\n`;
}
