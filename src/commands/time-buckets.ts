/**
 * Time bins shared by bin, chart (a `_time` split) and timechart: the bin a time falls in, the
 * bin after it, `aligntime=`, and timechart's snap-to span.
 *
 * - Seconds spans (s/m/h and sub-second units) start at multiples of the span from epoch 0, or
 *   from `aligntime` (bin and timechart references, aligntime: "Align the bin times to something
 *   other than base UNIX time (epoch 0). The aligntime option is valid only when doing a
 *   time-based discretization. Ignored if span is in days, months, or years").
 * - Day and week spans start at local midnight (bin reference: "When a <span-length> of a day or
 *   more is used, the span is aligned to midnight in the timezone of the user"), counted in local
 *   days since 1970-01-01; month spans at the first of the month, counted from January 1970.
 * - timechart's `<snap-to-time>` span, `[+|-][<time_integer>]<relative_time_unit>@<snap_to_time_unit>`
 *   (timechart reference, span options), in the only form the page allows: "You can only use week
 *   spans with the snap-to span argument" (extended example 3, `span=w@w1`: "spans of 1 week, where
 *   the week begins on Monday"). A bin starts at local midnight of the snap weekday (`@w0`/`@w7`
 *   Sunday … `@w6`; `@w` is `@w0`, as in time modifiers). Choice where the page is silent: a
 *   span of N > 1 weeks counts its N-week blocks from the first such weekday on or after
 *   1970-01-01, as day spans count from the epoch.
 */
import { DateTime } from "luxon";
import type { BinSpan } from "../ast/commands-stream.js";
import type { TimeBucketSpan } from "../ast/commands-report.js";
import { zoneFor } from "../values/time-format.js";
import { relativeTime } from "../values/time-modifier.js";
import type { ExecContext } from "./types.js";

const WEEK_UNITS = new Set(["w", "week", "weeks"]);

/**
 * Reads a snap-to span such as `w@w1`, `2w@w0` or `+w@w`: the span, or an error message when the
 * text is a snap-to span the page does not allow; null when the text has no `@` (not this form).
 */
export function parseSnapSpan(text: string): TimeBucketSpan | string | null {
  const m = /^([+-])?(\d+)?([a-z]+)@([a-z]+?)(\d)?$/i.exec(text.trim());
  if (!text.includes("@")) return null;
  if (!m) return `bad snap-to span "${text}": use [<n>]w@w<0-7>, e.g. w@w1 for weeks starting on Monday`;
  const [, sign, n, unit = "", snap = "", day] = m;
  if (!WEEK_UNITS.has(unit.toLowerCase()) || snap.toLowerCase() !== "w") {
    return `snap-to span "${text}": only week spans can snap (timechart reference: "You can only use week spans with the snap-to span argument"), e.g. w@w1`;
  }
  if (sign === "-") return `snap-to span "${text}": a negative span has no meaning; use w@w${day ?? 0}`;
  const weeks = n === undefined ? 1 : Number(n);
  const weekday = day === undefined ? 0 : Number(day) % 7;
  if (!(weeks >= 1) || Number(day ?? 0) > 7) return `bad snap-to span "${text}": use [<n>]w@w<0-7>`;
  return { kind: "weeks", weeks, weekday };
}

/** The nominal length of a span in seconds (a month counts 30 days, as the span thresholds do). */
export function spanSeconds(s: TimeBucketSpan): number {
  switch (s.kind) {
    case "number": return s.size;
    case "seconds": return s.seconds;
    case "days": return s.days * 86400;
    case "weeks": return s.weeks * 7 * 86400;
    case "months": return s.months * 2592000;
  }
}

/**
 * The epoch `aligntime=` stands for: `earliest`/`latest` are the search's time range (all time:
 * earliest is 0, as addinfo's info_min_time, and latest is the search's now), anything else a
 * time modifier or epoch read against now (`@d+3h`). Null for text that is no time.
 */
export function resolveAligntime(spec: string, ctx: ExecContext): number | null {
  const key = spec.trim().toLowerCase();
  if (key === "earliest" || key === "latest") {
    const range = ctx.searchTime?.() ?? { earliest: Number.NEGATIVE_INFINITY, latest: Number.POSITIVE_INFINITY };
    if (key === "earliest") return Number.isFinite(range.earliest) ? range.earliest : 0;
    return Number.isFinite(range.latest) ? range.latest : ctx.fn.now;
  }
  return relativeTime(ctx.fn.now, spec, ctx.fn.tz);
}

/** Whether text is a valid aligntime (earliest, latest, an epoch or a time modifier). */
export function isAligntime(spec: string): boolean {
  const key = spec.trim().toLowerCase();
  return key === "earliest" || key === "latest" || relativeTime(1_700_000_000, spec, "UTC") !== null;
}

/** Start of the bin holding time t; `align` only moves seconds spans. A number span counts seconds. */
export function timeBucket(t: number, span: TimeBucketSpan | BinSpan, align: number, tz: string): number {
  switch (span.kind) {
    case "number": return Math.floor((t - align) / span.size) * span.size + align;
    case "seconds": return Math.floor((t - align) / span.seconds) * span.seconds + align;
    case "days": {
      // A fraction of a day (span=0.5d) has no midnight to keep: it is that many seconds.
      if (!Number.isInteger(span.days)) return timeBucket(t, { kind: "seconds", seconds: span.days * 86400 }, align, tz);
      return fromLocalDay(Math.floor(localDay(t, tz) / span.days) * span.days, tz);
    }
    case "weeks": {
      const first = (span.weekday - 4 + 7) % 7; // 1970-01-01 was a Thursday
      const block = Math.floor((localDay(t, tz) - first) / (7 * span.weeks));
      return fromLocalDay(first + block * 7 * span.weeks, tz);
    }
    case "months": return monthBucket(t, span.months, tz);
  }
}

/** Start of the bin after the one starting at b. */
export function nextBucket(b: number, span: TimeBucketSpan | BinSpan, tz: string): number {
  switch (span.kind) {
    case "number": return b + span.size;
    case "seconds": return b + span.seconds;
    case "days": return Number.isInteger(span.days) ? fromLocalDay(Math.round(localDay(b, tz)) + span.days, tz) : b + span.days * 86400;
    case "weeks": return fromLocalDay(Math.round(localDay(b, tz)) + 7 * span.weeks, tz);
    case "months": {
      const d = DateTime.fromMillis(Math.floor(b * 1000), { zone: zoneFor(tz) });
      return d.plus({ months: span.months }).startOf("month").toMillis() / 1000;
    }
  }
}

/** Local days since 1970-01-01 (fractional: the time of day) of time t in the zone. */
function localDay(t: number, tz: string): number {
  return (t + zoneFor(tz).offset(t * 1000) * 60) / 86400;
}

/** The epoch of local midnight starting local day `day`. */
function fromLocalDay(day: number, tz: string): number {
  const zone = zoneFor(tz);
  const local = Math.floor(day) * 86400;
  const guess = local - zone.offset(local * 1000) * 60;
  return local - zone.offset(guess * 1000) * 60;
}

/** Start of the n-month bin holding t, counting months from January 1970 in the zone. */
function monthBucket(t: number, months: number, tz: string): number {
  const d = DateTime.fromMillis(Math.floor(t * 1000), { zone: zoneFor(tz) });
  const index = (d.year - 1970) * 12 + (d.month - 1);
  const start = Math.floor(index / months) * months;
  const year = 1970 + Math.floor(start / 12);
  const month = start - (year - 1970) * 12 + 1;
  return DateTime.fromObject({ year, month, day: 1 }, { zone: zoneFor(tz) }).toMillis() / 1000;
}
