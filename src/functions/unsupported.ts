/**
 * Eval functions Splunk has that minispl deliberately does not run, each with the reason a search
 * that calls one is told ("function x() is not supported: <reason>", diagnostic
 * `unsupported-function`) instead of "unknown function", which reads as a typo. check-expr.ts
 * reports it before the search runs; compile-expr.ts reports the same if one slips through.
 *
 * Every function of the 10.0 "Evaluation functions" quick reference is implemented (README, "Eval
 * functions"), so the list is empty today; a function that is dropped or cannot be offered goes
 * here, never silently missing.
 */
const UNSUPPORTED: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Why the named function is not supported (names as written or lower-cased), or undefined. */
export function unsupportedFunctionReason(name: string): string | undefined {
  return UNSUPPORTED.get(name) ?? UNSUPPORTED.get(name.toLowerCase());
}

/** The unsupported functions and their reasons, for the README list and tests. */
export function unsupportedFunctions(): ReadonlyMap<string, string> {
  return UNSUPPORTED;
}
