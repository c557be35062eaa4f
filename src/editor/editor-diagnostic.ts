/**
 * A diagnostic as an editor draws it: a range of UTF-16 offsets in the search text (for a problem
 * inside a macro body, the call site in the search of the outermost macro), plus everything the CLI
 * prints about it: message, hints, the macro expansion chain and the rendered text with its caret.
 */
export interface EditorDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: "error" | "warning" | "info";
  /** The diagnostic code (`unknown-command`, `syntax-error`…). */
  readonly code: string;
  readonly message: string;
  readonly hints: string[];
  /** The macro expansion chain, outermost first: `in macro X, called at query:1:5`. */
  readonly backtrace: string[];
  /** As the CLI renders it (renderDiagnostic, no colour): caret, backtrace and hints included. */
  readonly rendered: string;
  /** The macros of `backtrace`, outermost first, as keyed (`name`, or `name(n)` with n arguments). */
  readonly macros?: readonly string[];
}
