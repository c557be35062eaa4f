/**
 * Splunk relative time modifiers (spl-semantics.md §8, TMOD, RELTIME2, SPAN2): `-24h`, `-7d@d`,
 * `@w0`, `+1mon`, `-h`, chained forms such as `@d-2h`, `now`, an epoch number, and the absolute
 * form `%m/%d/%Y:%H:%M:%S`. Used by `relative_time()` and by `earliest=`/`latest=`.
 *
 * Offsets in seconds, minutes and hours are exact durations; days, weeks, months, quarters and
 * years move the wall clock in the zone (so `-1d` across a DST change is 23 or 25 hours), and a
 * month offset from the 31st lands on the month's last day (luxon's rule; Splunk's is UNVERIFIED).
 */
import { DateTime } from "luxon";
import { strptime, zoneFor } from "./time-format.js";

type Unit = "s" | "m" | "h" | "d" | "w" | "mon" | "q" | "y" | "ms" | "us" | "cs" | "ds";

/** Unit spellings from SPAN2, plus the sub-second units Splunk accepts in offsets. */
const UNITS: Readonly<Record<string, Unit>> = {
  s: "s", sec: "s", secs: "s", second: "s", seconds: "s",
  m: "m", min: "m", mins: "m", minute: "m", minutes: "m",
  h: "h", hr: "h", hrs: "h", hour: "h", hours: "h",
  d: "d", day: "d", days: "d",
  w: "w", week: "w", weeks: "w",
  mon: "mon", month: "mon", months: "mon",
  q: "q", qtr: "q", qtrs: "q", quarter: "q", quarters: "q",
  y: "y", yr: "y", yrs: "y", year: "y", years: "y",
  ms: "ms", us: "us", cs: "cs", ds: "ds",
};

/** Exact durations in seconds; the calendar units are absent on purpose. */
const SECONDS: Partial<Record<Unit, number>> = { s: 1, m: 60, h: 3600, ms: 1e-3, us: 1e-6, cs: 1e-2, ds: 1e-1 };

const CALENDAR: Partial<Record<Unit, "days" | "weeks" | "months" | "quarters" | "years">> = {
  d: "days", w: "weeks", mon: "months", q: "quarters", y: "years",
};

const SNAP: Partial<Record<Unit, "second" | "minute" | "hour" | "day" | "month" | "quarter" | "year">> = {
  s: "second", m: "minute", h: "hour", d: "day", mon: "month", q: "quarter", y: "year",
};

function toDate(t: number, tz: string): DateTime {
  return DateTime.fromMillis(Math.floor(t * 1000), { zone: zoneFor(tz) });
}

function offset(t: number, sign: number, n: number, unit: Unit, tz: string): number {
  const exact = SECONDS[unit];
  if (exact !== undefined) return t + sign * n * exact;
  const key = CALENDAR[unit]!;
  const base = toDate(t, tz);
  const subMs = t - base.toMillis() / 1000;
  return base.plus({ [key]: sign * n }).toMillis() / 1000 + subMs;
}

/** `@w0`…`@w7` snap to the start of the most recent given weekday (Sunday = 0 and 7). */
function snap(t: number, unit: Unit, weekday: number | undefined, tz: string): number | null {
  const d = toDate(t, tz);
  if (unit === "w") {
    const target = (weekday ?? 0) % 7;
    const back = (d.weekday % 7 - target + 7) % 7;
    return d.startOf("day").minus({ days: back }).toMillis() / 1000;
  }
  const to = SNAP[unit];
  if (to === undefined || weekday !== undefined) return null;
  return d.startOf(to).toMillis() / 1000;
}

const STEP = /^(?:([+-])(\d*)([a-z]+)|@([a-z]+?)(\d?))(?=[+\-@]|$)/;

function applyChain(now: number, chain: string, tz: string): number | null {
  let t = now;
  let rest = chain;
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) return null;
    rest = rest.slice(m[0].length);
    const unit = UNITS[m[3] ?? m[4] ?? ""];
    if (unit === undefined) return null;
    if (m[1] !== undefined) {
      t = offset(t, m[1] === "-" ? -1 : 1, m[2] === "" ? 1 : Number(m[2]), unit, tz);
    } else {
      const snapped = snap(t, unit, m[5] === "" ? undefined : Number(m[5]), tz);
      if (snapped === null) return null;
      t = snapped;
    }
  }
  return t;
}

/**
 * Applies a Splunk time modifier to `now` (epoch seconds) in zone `tz`; returns epoch seconds or
 * null for a modifier it cannot read. Snapping rounds down to the start of the unit (RELTIME2).
 * @example relativeTime(1602155026, "-1d@d", "UTC") // 1602028800 (2020-10-07T00:00:00Z)
 */
export function relativeTime(now: number, modifier: string, tz: string): number | null {
  const mod = modifier.trim();
  if (!Number.isFinite(now) || mod === "") return null;
  if (mod.toLowerCase() === "now") return now;
  // `earliest=1` is epoch second 1 (TMOD2): a bare unsigned number is an absolute time.
  if (/^\d+(?:\.\d+)?$/.test(mod)) return Number(mod);
  if (/^\d/.test(mod)) {
    const format = mod.includes(":") ? "%m/%d/%Y:%H:%M:%S" : "%m/%d/%Y";
    const t = strptime(mod, format, tz);
    return t !== null && /^\d{1,2}\/\d{1,2}\/\d{4}(?::\d{1,2}:\d{1,2}:\d{1,2})?$/.test(mod) ? t : null;
  }
  return applyChain(now, mod.toLowerCase(), tz);
}
