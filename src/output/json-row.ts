/**
 * A result row as the JSON printers write it: the row's non-null fields (a multivalue field as an
 * array) with `_time` as ISO-8601 with the zone's offset, as Splunk's JSON export writes it
 * (time-display.ts), instead of epoch seconds. The library's rows (`Table.row`) keep the number.
 */
import type { Table } from "../table/table.js";
import { formatNumber, type Value } from "../values/value.js";
import { isoTime, TIME_FIELD, timeValue, UTC_DISPLAY, type TimeDisplay } from "./time-display.js";

export function jsonRow(t: Table, i: number, time: TimeDisplay = UTC_DISPLAY): Record<string, Value> {
  const row = t.row(i);
  const at = row[TIME_FIELD];
  if (at !== undefined) row[TIME_FIELD] = timeValue(at, isoTime, time.tz);
  for (const k in row) {
    const v = row[k];
    if (typeof v === "number" ? !Number.isFinite(v) : Array.isArray(v) && v.some((x) => typeof x === "number" && !Number.isFinite(x))) row[k] = finiteJson(v as Value);
  }
  return row;
}

/**
 * JSON has no infinities: `inf`, `-inf` and `nan` as text, as the eval page says they are
 * "represented in your results" (JSON.stringify would write null, a missing value).
 */
function finiteJson(v: Value): Value {
  return Array.isArray(v) ? v.map((x) => (typeof x === "number" ? (Number.isFinite(x) ? x : formatNumber(x)) : x)) : formatNumber(v as number);
}
