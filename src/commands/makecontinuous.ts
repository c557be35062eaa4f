/**
 * `makecontinuous [<field>] span=<span> [start=<num>] [end=<num>]` (makecontinuous reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/makecontinuous): "Makes
 * a field on the x-axis numerically continuous by adding empty buckets for periods where there is
 * no data and quantifying the periods where there is data." The field (default `_time`) is put in
 * bins as `bin` does (a value becomes the start of its span-wide bin), and a result holding only
 * the field is added for every bin between the lowest and highest that has no result. `start` and
 * `end` "set the minimum and maximum extents for numerical bins. Data outside of the [start, end]
 * range is discarded" (this page; bin's page instead says they only widen the range, but bin is
 * not this command): they widen the range of bins, and a result whose value lies below start or
 * above end is dropped. Results come out in bin order; those whose field is not a number follow,
 * as they were.
 * Supported: span as a number or a time span in seconds, minutes or hours (bins aligned to
 * multiples of the span, as bin aligns spans under a day); day, week and month spans (aligned to
 * local midnight and calendar months) and bins=/minspan= are rejected.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { parseNumber, type Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="x,n\\n1,a\\n7,b"';
const UNITS: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
};
/** Time units rejected: their bins follow the time zone's days and the calendar. */
const CALENDAR = /^(d|day|days|w|week|weeks|mon|month|months|q|qtr|qtrs|quarter|quarters|y|yr|yrs|year|years)$/i;

export const makecontinuous: CommandDef<"makecontinuous"> = {
  kind: "makecontinuous",
  summary: "Fills the gaps of a binned numeric or time field with empty results.",
  usage: "makecontinuous [<field>] span=<span> [start=<num>] [end=<num>]",
  examples: [`${ROWS} | makecontinuous x span=2`, "| makeresults count=1 | eval _time=0 | append [| makeresults | eval _time=1800] | makecontinuous span=10m"],
  options: {
    span: { query: `${ROWS} | makecontinuous x span=3`, baseline: `${ROWS} | makecontinuous x span=2` },
    start: { query: `${ROWS} | makecontinuous x span=2 start=-4`, baseline: `${ROWS} | makecontinuous x span=2` },
    end: { query: `${ROWS} | makecontinuous x span=2 end=12`, baseline: `${ROWS} | makecontinuous x span=2` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["span", "start", "end"], ctx, {
      bins: "minispl's makecontinuous takes span= (bins= picks a span from the data's range in a way the page does not define)",
      minspan: "minispl's makecontinuous takes span= only",
    });
    const ps = argsOf(node, "positional");
    for (const extra of ps.slice(1)) ctx.report(diag("bad-argument", { command: "makecontinuous", message: "takes one field" }, extra.span));
    const first = ps[0];
    const field = first ? textOf(first.value, node, ctx, "a field name") : "_time";
    const so = opts.get("span");
    if (!so) {
      ctx.report(diag("bad-argument", { command: "makecontinuous", message: "needs span=<span>" }, node.span));
      return null;
    }
    const st = textOf(so.value, node, ctx, "a span");
    if (field === null || st === null) return null;
    const step = spanOf(st);
    if (step === null) {
      const unit = /^[\d.]*([a-z]+)$/i.exec(st)?.[1] ?? "";
      const message = CALENDAR.test(unit)
        ? `span=${st} is not supported: minispl's makecontinuous bins by seconds, minutes or hours only`
        : `span must be a positive number or a time span such as 10m, got "${st}"`;
      ctx.report(diag("bad-argument", { command: "makecontinuous", message }, so.value.span));
      return null;
    }
    const bound = (k: string): number | null | undefined => {
      const o = opts.get(k);
      if (!o) return null;
      const t = textOf(o.value, node, ctx, "a number");
      const n = t === null ? Number.NaN : parseNumber(t);
      if (Number.isNaN(n)) {
        ctx.report(diag("bad-argument", { command: "makecontinuous", message: `${k} must be a number` }, o.value.span));
        return undefined;
      }
      return n;
    };
    const start = bound("start");
    const end = bound("end");
    if (start === undefined || end === undefined) return null;
    return { kind: "makecontinuous", field, step, start, end, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const col = input.column(cmd.field);
      const binOf = (x: number) => Math.floor(x / cmd.step) * cmd.step;
      const binned: Value[] = [];
      const numbered: { i: number; b: number }[] = [];
      const rest: number[] = [];
      for (let i = 0; i < input.length; i++) {
        const x = numberOf(col?.[i] ?? null);
        // The page: "Data outside of the [start, end] range is discarded."
        if (x !== null && ((cmd.start !== null && x < cmd.start) || (cmd.end !== null && x > cmd.end))) {
          binned.push(null);
          continue;
        }
        if (x === null) {
          binned.push(col?.[i] ?? null);
          rest.push(i);
        } else {
          binned.push(binOf(x));
          numbered.push({ i, b: binOf(x) });
        }
      }
      if (numbered.length === 0 && rest.length === input.length) return input;
      const none = numbered.length === 0;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const r of numbered) {
        lo = Math.min(lo, r.b);
        hi = Math.max(hi, r.b);
      }
      if (cmd.start !== null) lo = Math.min(lo, binOf(cmd.start));
      // `end` is the bins' upper extent: the last added bin starts before it.
      if (cmd.end !== null) hi = Math.max(hi, binOf(cmd.end) === cmd.end ? cmd.end - cmd.step : binOf(cmd.end));
      // Checked before the loop: a tiny span over a wide range ends here, not after the allocation.
      const bins = none ? 0 : Math.floor((hi - lo) / cmd.step) + 1;
      ctx.budget.rows(input.length + bins, `makecontinuous span over ${bins} bins`, cmd.span);
      const have = new Set(numbered.map((r) => r.b));
      const added: number[] = [];
      for (let k = 0; k < bins; k++) {
        const b = lo + k * cmd.step;
        if (!have.has(b)) added.push(b);
      }
      const table = input.withColumn(cmd.field, binned);
      // Existing rows and empty bins in bin order; a bin's own results keep their order.
      const order: { b: number; i: number | null }[] = [...numbered.map((r) => ({ b: r.b, i: r.i as number | null })), ...added.map((b) => ({ b, i: null }))];
      order.sort((a, b) => a.b - b.b || (a.i ?? -1) - (b.i ?? -1));
      const fields = table.fields;
      const cols = new Map<string, Value[]>(fields.map((f) => [f, [] as Value[]]));
      const push = (i: number | null, b: number | null) => {
        for (const f of fields) cols.get(f)?.push(i === null ? (f === cmd.field ? b : null) : table.get(f, i));
      };
      for (const o of order) push(o.i, o.b);
      for (const i of rest) push(i, null);
      return Table.fromColumns(fields, cols, order.length + rest.length);
    };
  },
};

function spanOf(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  const k = unit === "" ? 1 : UNITS[unit];
  return k === undefined || !(n > 0) ? null : n * k;
}
