/**
 * `bin`/`bucket _time span=…` between an event search and its stats (row-steps.ts), as SQL over
 * the event's time with the IEEE operations commands/time-buckets.ts timeBucket performs.
 */
import type { BinOptions, BinSpan } from "../ast/commands-stream.js";
import { NotPushable } from "./compile-where.js";
import { sqlFloat } from "./sql-text.js";

/**
 * bin/bucket of `_time` by a fixed span as timeBucket computes it, over the time `t`; anything
 * else (another field, AS, bins=, aligntime=, start/end, month spans, day spans outside UTC) throws.
 */
export function binSql(t: string, b: BinOptions, tz: string): string {
  if (b.field !== "_time") throw new NotPushable(`bin of ${b.field} (only _time)`);
  if (b.as !== undefined && b.as !== "_time") throw new NotPushable("bin _time AS another field");
  if (!b.binSpan) throw new NotPushable("bin without span= (the span depends on the data)");
  if (b.aligntime !== undefined || b.start !== undefined || b.end !== undefined) throw new NotPushable("bin with aligntime=, start= or end=");
  return timeBucketSql(t, b.binSpan, tz);
}

/**
 * The start of the bin of `span` holding the time `t`, as timeBucket computes it with no
 * aligntime (bin, and tstats' `by _time span=`); month spans and day spans outside UTC throw.
 */
export function timeBucketSql(t: string, span: BinSpan, tz: string): string {
  // A number span of _time counts seconds (bin.ts runBin).
  const seconds = span.kind === "number" ? span.size : span.kind === "seconds" ? span.seconds : null;
  if (seconds !== null) {
    if (!(seconds > 0) || !Number.isFinite(seconds)) throw new NotPushable(`bin span ${seconds}`);
    const s = sqlFloat(seconds);
    return `(floor((${t} - 0) / ${s}) * ${s} + 0)`;
  }
  if (span.kind === "days") {
    if (tz !== "UTC") throw new NotPushable(`bin by days in the time zone ${tz} (local midnight)`);
    // timeBucket → fromLocalDay(floor(localDay(t) / d) * d) with a zero offset; a fraction of a day is seconds.
    if (!Number.isInteger(span.days)) return timeBucketSql(t, { kind: "seconds", seconds: span.days * 86400 }, tz);
    if (span.days <= 0) throw new NotPushable(`bin span ${span.days}d`);
    const d = sqlFloat(span.days);
    return `(floor(((${t} + 0) / 86400) / ${d}) * ${d} * 86400 - 0)`;
  }
  throw new NotPushable("bin by months (calendar months)");
}
