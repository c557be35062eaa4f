/**
 * `_time` as Splunk shows it. The store keeps `_time` as epoch seconds; printing that number
 * (`1651380126.656542`) is what the printers did, and nobody reads it. Splunk Web's results
 * table shows `_time` as `2022-05-01 04:42:06.656` in the user's zone, and its JSON export as
 * ISO-8601 with the offset (`2022-05-01T04:42:06.656+00:00`); these are the two renderings.
 *
 * Only `_time` is a time to Splunk's UI: `min(_time) AS firstTime` is shown as the epoch number
 * until something (`security_content_ctime`, i.e. `convert ctime()`, or `strftime`) turns it into
 * text, and text is shown as it is. A `_time` that is already text (`convert ctime(_time)`) is
 * left alone too, as Splunk leaves it.
 */
import { isValidEpoch, strftime } from "../values/time-format.js";
import type { Value } from "../values/value.js";

/** The one field the printers render as a time. */
export const TIME_FIELD = "_time";

/** How results' `_time` is rendered: in which zone (an IANA name; `--tz`, default UTC). */
export interface TimeDisplay {
  readonly tz: string;
}

export const UTC_DISPLAY: TimeDisplay = { tz: "UTC" };

/** Splunk Web's results-table form: milliseconds, truncated as Splunk's %3N truncates. */
const UI_FORMAT = "%Y-%m-%d %H:%M:%S.%3N";
/** ISO-8601 with milliseconds and the zone's offset, as Splunk's JSON export writes `_time`. */
const ISO_FORMAT = "%Y-%m-%dT%H:%M:%S.%3N%:z";

/**
 * Epoch seconds as Splunk Web shows `_time`, in `tz`.
 * @example uiTime(1554315119, "UTC") // "2019-04-03 18:11:59.000"
 */
export function uiTime(epoch: number, tz: string): string {
  return isValidEpoch(epoch) ? strftime(epoch, UI_FORMAT, tz) : String(epoch);
}

/**
 * Epoch seconds as ISO-8601 with the offset of `tz`.
 * @example isoTime(1554315119, "America/New_York") // "2019-04-03T14:11:59.000-04:00"
 */
export function isoTime(epoch: number, tz: string): string {
  return isValidEpoch(epoch) ? strftime(epoch, ISO_FORMAT, tz) : String(epoch);
}

/** A `_time` value rendered with `render` (each value of a multivalue one); anything but a number stays as it is. */
export function timeValue(v: Value, render: (epoch: number, tz: string) => string, tz: string): Value {
  if (typeof v === "number") return render(v, tz);
  if (Array.isArray(v)) return v.map((x) => (typeof x === "number" ? render(x, tz) : x));
  return v;
}

/** The column of `field` as the text printers show it: `_time` in the UI form, any other as it is. */
export function displayColumn(field: string, col: readonly Value[] | undefined, time: TimeDisplay): (i: number) => Value {
  if (!col) return () => null;
  if (field !== TIME_FIELD) return (i) => col[i] ?? null;
  return (i) => timeValue(col[i] ?? null, uiTime, time.tz);
}
