/**
 * Reading aggregate inputs as numbers. Field values arrive as strings or numbers; a value that
 * does not read as a number is skipped by the numeric aggregates (sum, avg, stdev, perc…), as
 * Splunk ignores non-numeric values in them.
 */
import { formatNumber, parseNumber, type Atom } from "../values/value.js";

/** The number an atom reads as, or null for non-numeric text. */
export function numberOf(a: Atom): number | null {
  const n = typeof a === "number" ? a : parseNumber(a);
  return Number.isFinite(n) ? n : null;
}

/** Text key of an atom, for distinct counting and string ordering. */
export function keyOf(a: Atom): string {
  return typeof a === "number" ? formatNumber(a) : a;
}
