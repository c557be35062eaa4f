/**
 * The largest string an eval expression may produce. Splunk documents no such limit for eval (its
 * size limits are on events, e.g. props.conf TRUNCATE at 10,000 bytes, and on extraction, e.g.
 * limits.conf [kv] maxchars); JavaScript's own is ~512 Mi characters, past which a concatenation
 * throws. We choose 10 Mi characters (20 MB in memory): 1,000 times a 10 KB event, and small
 * enough that a few of them do not exhaust memory. A larger value is a warning and a null (for
 * that result only), so an event crafted to hit the limit cannot stop a detection.
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";

export const MAX_VALUE_LENGTH = 10 * 1024 * 1024;

const LIMIT_TEXT = `${MAX_VALUE_LENGTH.toLocaleString("en-US")} characters`;

/** Throws a `value-too-large` runtime error when `length` passes the limit. */
export function checkLength(length: number, what: string): void {
  if (length > MAX_VALUE_LENGTH) throw tooLarge(what);
}

export function tooLarge(what: string): SplRuntimeError {
  return new SplRuntimeError(diag("value-too-large", { what, limit: LIMIT_TEXT }));
}

/** True for the errors that mean "this one value is too large": ours, or JavaScript's own limit. */
export function isValueTooLarge(err: unknown): boolean {
  if (err instanceof SplRuntimeError) return err.diagnostic.code === "value-too-large";
  return err instanceof RangeError && /Invalid (string|array) length|Invalid typed array length|Array buffer allocation failed/.test(err.message);
}
