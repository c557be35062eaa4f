/**
 * `timewrap <timewrap-span> [align=end|now] [series=relative|exact|short] [time_format=<str>]`
 * (timewrap reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/timewrap):
 * "Displays, or wraps, the output of the timechart command so that every period of time is a
 * different series." The periods are counted back from the search's end time (align=end, the
 * default; for an all-time search, from now) or from now (align=now). Each result of a
 * timechart lands in its period, at the same offset into it; the output has one row per offset,
 * stamped with the time of that offset in the latest period, and one column per period and
 * series. Series names: relative (default) "latest_week", "1week_before", "2weeks_before", …;
 * short "s0", "s1", …; exact the period's start formatted with `time_format`. With several
 * series each name is prefixed by the series' field name and "_".
 * Choices (the page does not say): periods are half-open, [start, end); columns go from the
 * oldest period to the latest; exact names default to "%Y-%m-%d %H:%M:%S". Spans of months,
 * quarters and years (calendar periods) are rejected.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { strftime } from "../values/time-format.js";
import type { Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

const UNITS: readonly { names: readonly string[]; unit: string; seconds: number }[] = [
  { names: ["s", "sec", "secs", "second", "seconds"], unit: "second", seconds: 1 },
  { names: ["min", "mins", "minute", "minutes"], unit: "minute", seconds: 60 },
  { names: ["h", "hr", "hrs", "hour", "hours"], unit: "hour", seconds: 3600 },
  { names: ["d", "day", "days"], unit: "day", seconds: 86400 },
  { names: ["w", "week", "weeks"], unit: "week", seconds: 604800 },
];
const CALENDAR = /^(m|mon|month|months|q|qtr|qtrs|quarter|quarters|y|yr|yrs|year|years)$/i;
const ROWS = '| makeresults format=csv data="_time,count\\n0,1\\n86400,2\\n604800,3\\n691200,4"';

export const timewrap: CommandDef<"timewrap"> = {
  kind: "timewrap",
  summary: "Wraps a timechart so each period (day, week, …) becomes its own series.",
  usage: "timewrap <int><timescale> [align=end|now] [series=relative|exact|short] [time_format=<str>]",
  examples: [`${ROWS} | timewrap 1w align=now`],
  options: {
    align: { query: "latest=1699999000 | timechart span=10m count | timewrap 1h align=now", baseline: "latest=1699999000 | timechart span=10m count | timewrap 1h" },
    series: { query: `${ROWS} | timewrap 1w align=now series=short`, baseline: `${ROWS} | timewrap 1w align=now` },
    time_format: { query: `${ROWS} | timewrap 1w align=now series=exact time_format=%d`, baseline: `${ROWS} | timewrap 1w align=now series=exact` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["align", "series", "time_format"], ctx);
    const ps = argsOf(node, "positional");
    for (const extra of ps.slice(1)) ctx.report(diag("bad-argument", { command: "timewrap", message: "takes one span" }, extra.span));
    const first = ps[0];
    if (!first) {
      ctx.report(diag("bad-argument", { command: "timewrap", message: "needs a span such as 1week or 1d" }, node.span));
      return null;
    }
    const text = textOf(first.value, node, ctx, "a span");
    if (text === null) return null;
    const m = /^(\d*)([a-z]+)$/i.exec(text.trim());
    const count = m?.[1] ? Number(m[1]) : 1;
    const u = m ? UNITS.find((x) => x.names.includes((m[2] as string).toLowerCase())) : undefined;
    if (!m || !u || count <= 0) {
      const message = m && CALENDAR.test(m[2] as string)
        ? `span ${text} is not supported: minispl's timewrap wraps by seconds, minutes, hours, days or weeks (not calendar months, quarters or years)`
        : `expected a span such as 1week, 2d or 12h, got "${text}"`;
      ctx.report(diag("bad-argument", { command: "timewrap", message }, first.span));
      return null;
    }
    const choice = <T extends string>(k: string, allowed: readonly T[], dflt: T): T | null => {
      const o = opts.get(k);
      if (!o) return dflt;
      const t = textOf(o.value, node, ctx, allowed.join(" or "))?.toLowerCase();
      if (allowed.includes(t as T)) return t as T;
      ctx.report(diag("bad-argument", { command: "timewrap", message: `${k} must be ${allowed.join(" or ")}` }, o.value.span));
      return null;
    };
    const align = choice("align", ["end", "now"] as const, "end");
    const series = choice("series", ["relative", "exact", "short"] as const, "relative");
    const tf = opts.get("time_format");
    const timeFormat = tf ? textOf(tf.value, node, ctx, "a time format") : null;
    if (align === null || series === null || (tf && timeFormat === null)) return null;
    return { kind: "timewrap", period: count * u.seconds, count, unit: u.unit, align, series, timeFormat, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const latest = ctx.searchTime?.().latest ?? Number.POSITIVE_INFINITY;
      const end = cmd.align === "end" && Number.isFinite(latest) ? latest : Math.floor(ctx.fn.now);
      const P = cmd.period;
      const fields = input.fields.filter((f) => !f.startsWith("_"));
      // Each result's period (0 = latest) and its offset into that period.
      const cells = new Map<number, Map<number, number>>();
      let oldest = 0;
      for (let i = 0; i < input.length; i++) {
        const t = numberOf(input.get("_time", i));
        if (t === null) continue;
        const k = Math.max(0, Math.ceil((end - t) / P) - 1);
        const offset = t - (end - (k + 1) * P);
        oldest = Math.max(oldest, k);
        let byPeriod = cells.get(offset);
        if (!byPeriod) cells.set(offset, (byPeriod = new Map()));
        byPeriod.set(k, i);
      }
      // Checked before allocating: a short span over a long chart makes one column per period.
      ctx.budget.rows(cells.size * Math.max(1, fields.length) * (oldest + 1), `timewrap ${cmd.count}${cmd.unit} (rows × series × periods)`, cmd.span);
      const periods = Array.from({ length: oldest + 1 }, (_, j) => oldest - j);
      const name = (k: number) => seriesName(cmd, k, end, ctx.fn.tz);
      const columns: { field: string; k: number; name: string }[] = [];
      for (const f of fields) for (const k of periods) columns.push({ field: f, k, name: fields.length > 1 ? `${f}_${name(k)}` : name(k) });
      const offsets = [...cells.keys()].sort((a, b) => a - b);
      const cols = new Map<string, Value[]>([["_time", offsets.map((o) => end - P + o)]]);
      for (const c of columns) {
        cols.set(c.name, offsets.map((o) => {
          const i = cells.get(o)?.get(c.k);
          return i === undefined ? null : input.get(c.field, i);
        }));
      }
      return Table.fromColumns(["_time", ...columns.map((c) => c.name)], cols, offsets.length);
    };
  },
};

function seriesName(cmd: Parameters<CommandDef<"timewrap">["plan"]>[0], k: number, end: number, tz: string): string {
  if (cmd.series === "short") return `s${k}`;
  if (cmd.series === "exact") return strftime(end - (k + 1) * cmd.period, cmd.timeFormat ?? "%Y-%m-%d %H:%M:%S", tz);
  const unit = cmd.count === 1 ? cmd.unit : `${cmd.count}${cmd.unit}s`;
  if (k === 0) return `latest_${unit}`;
  const n = k * cmd.count;
  return `${n}${cmd.unit}${n === 1 ? "" : "s"}_before`;
}
