/**
 * A result row as the JSON printers write it: the row's non-null fields (a multivalue field as an
 * array) with `_time` as ISO-8601 with the zone's offset, as Splunk's JSON export writes it
 * (time-display.ts), instead of epoch seconds. The library's rows (`Table.row`) keep the number.
 */
import type { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { isoTime, TIME_FIELD, timeValue, UTC_DISPLAY, type TimeDisplay } from "./time-display.js";

export function jsonRow(t: Table, i: number, time: TimeDisplay = UTC_DISPLAY): Record<string, Value> {
  const row = t.row(i);
  const at = row[TIME_FIELD];
  if (at !== undefined) row[TIME_FIELD] = timeValue(at, isoTime, time.tz);
  return row;
}
