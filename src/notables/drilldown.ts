/**
 * A detection's `drilldown_searches` entry made runnable for one notable: tokens substituted and
 * its time range resolved. Pure text work; notables.ts executes the result.
 *
 * Choices (src/notables/README.md): `$field$` becomes the row's first value, double-quoted so
 * values with spaces or backslashes stay one search term; `%original_detection_search%` the
 * detection's search as written; the detection's search window is all time (minispl runs
 * detections unbounded: Splunk's all-time `info_min_time=0`, `info_max_time=+Infinity`, here null).
 */
import type { Detection, DrilldownSearch } from "../detections/detection.js";
import { fillMessage } from "../detections/message.js";
import { relativeTime } from "../values/time-modifier.js";
import type { Value } from "../values/value.js";
import { valuesOf } from "./risk-events.js";

/** A time range in epoch seconds; null = unbounded. Earliest inclusive, latest exclusive (§8). */
export interface TimeRange {
  readonly earliest: number | null;
  readonly latest: number | null;
}

/** The window a detection searched: all time, as minispl never bounds a detection's search. */
export const ALL_TIME: TimeRange = { earliest: 0, latest: null };

export interface ResolvedDrilldown {
  readonly name: string;
  /** The search text to run (tokens substituted, legacy hours-ago terms removed). */
  readonly search: string;
  readonly earliest: number | null;
  readonly latest: number | null;
  /** What minispl did that Splunk might not (ignored terms, unresolved tokens). */
  readonly notes: readonly string[];
}

/** Quotes a value as one SPL search term. */
export function quoteTerm(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `$field$` → the row's value, quoted; `%original_detection_search%` → the detection's search. */
export function substituteTokens(template: string, row: Readonly<Record<string, Value>>, originalSearch: string, window: TimeRange = ALL_TIME): string {
  // One pass so a substituted value containing `$x$` or `%…%` is never substituted again.
  return template.replace(/%original_detection_search%|\$([^$\s]+)\$/g, (tok, name: string | undefined) => {
    if (name === undefined) return originalSearch;
    if (name === "info_min_time") return String(window.earliest ?? 0);
    if (name === "info_max_time") return window.latest === null ? "+Infinity" : String(window.latest);
    return quoteTerm(valuesOf(row, name)[0] ?? "");
  });
}

const AGO_UNITS: Readonly<Record<string, number>> = { minutes: 60, hours: 3600, days: 86400 };
const AGO = /(?<![\w.])(start|end)(minutes|hours|days)ago\s*=\s*(\d+(?:\.\d+)?)(?![\w.])/gi;

/**
 * Removes the legacy `starthoursago=`/`endhoursago=` (and minutes/days) terms. Their semantics are
 * UNVERIFIED (spl-semantics.md §8); minispl reads `start…ago=N` as earliest = now − N and ignores
 * `end…ago`: a drilldown here is opened the moment the detection ran, so ESCU's `endhoursago=1`
 * would hide exactly the risk events the drilldown exists to show.
 */
export function takeHoursAgo(search: string, now: number): { search: string; earliest: number | null; notes: string[] } {
  let earliest: number | null = null;
  const notes: string[] = [];
  const out = search.replace(AGO, (term, edge: string, unit: string, n: string) => {
    if (edge.toLowerCase() === "start") earliest = now - Number(n) * (AGO_UNITS[unit.toLowerCase()] ?? 3600);
    else notes.push(`ignored ${term} (the run's own risk events would fall outside it)`);
    return "";
  });
  return { search: out.replace(/[ \t]{2,}/g, " "), earliest, notes };
}

/** An `earliest_offset`/`latest_offset` value: the window tokens, epoch seconds or a relative modifier. */
export function resolveOffset(text: string | undefined, bound: "earliest" | "latest", window: TimeRange, now: number, tz: string): { at: number | null; note?: string } {
  if (text === undefined || text.trim() === "") return { at: bound === "earliest" ? window.earliest : window.latest };
  const t = text.trim();
  if (t === "$info_min_time$") return { at: window.earliest };
  if (t === "$info_max_time$") return { at: window.latest };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { at: Number(t) };
  const at = relativeTime(now, t, tz);
  return at === null ? { at: null, note: `unreadable ${bound}_offset ${JSON.stringify(t)}: unbounded` } : { at };
}

export function resolveDrilldown(
  dd: DrilldownSearch, det: Detection, row: Readonly<Record<string, Value>>, now: number, tz = "UTC", window: TimeRange = ALL_TIME,
): ResolvedDrilldown {
  const lo = resolveOffset(dd.earliestOffset, "earliest", window, now, tz);
  const hi = resolveOffset(dd.latestOffset, "latest", window, now, tz);
  const ago = takeHoursAgo(substituteTokens(dd.search, row, det.search, window), now);
  const notes = [lo.note, hi.note, ...ago.notes].filter((n): n is string => n !== undefined);
  return {
    name: fillMessage(dd.name, row),
    search: ago.search.trim(),
    // A time modifier in the search string overrides the range picker (TMOD, spl-semantics.md §8).
    earliest: ago.earliest ?? lo.at,
    latest: hi.at,
    notes,
  };
}
