/**
 * Run-time guards: where a value can be decided exactly in SQL except in a rare case only the data
 * reveals (a non-ASCII value whose case folding is JavaScript's, a number whose text JavaScript
 * writes differently), the compiled SQL checks for that case and, when a row meets it, raises
 * LOCAL_FALLBACK with ClickHouse's `throwIf`. The runner (run-on-backend.ts) then runs the whole
 * search in memory: the rows are the in-memory ones either way, and the common case stays pushed.
 * A guard raises more often than needed at worst (ClickHouse may evaluate it on rows a filter
 * drops later), never less: it wraps the value it protects, so the value cannot be read without it.
 */
import { sqlString } from "./sql-text.js";

/** The message a guard raises; the runner recognises it in the backend's error. */
export const LOCAL_FALLBACK = "minispl-run-locally";

/** `value`, read only after `unsafe` (a UInt8 SQL condition) was checked false on its row. */
export function guarded(unsafe: string, value: string): string {
  return `if(throwIf(${unsafe}, ${sqlString(LOCAL_FALLBACK)}) = 0, ${value}, ${value})`;
}

/** Whether a backend error is a guard's: the search must run in memory. */
export function isLocalFallback(e: unknown): boolean {
  return String((e as Error)?.message ?? e).includes(LOCAL_FALLBACK);
}
