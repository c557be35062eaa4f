/**
 * `| gentimes start=<timestamp> [end=<timestamp>] [increment=<int>[s|m|h|d]]` (gentimes reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/gentimes): "Generates
 * timestamp results starting with the exact time specified as start time. Each result describes an
 * adjacent, non-overlapping time range as indicated by the increment value. This terminates when
 * enough results are generated to pass the endtime value."
 *  - a timestamp is `MM/DD/YYYY`, `MM/DD/YYYY:HH:MM:SS` or an integer of days (`-5` = five days
 *    ago, at midnight), in the search's time zone; the page's own examples write the year with two
 *    digits (`start=4/4/21`), read as C's %y does (69-99 → 19xx, else 20xx);
 *  - end defaults to "midnight, prior to the current time";
 *  - increment defaults to 1d; a bare integer is seconds.
 * Each result has `starttime` and `endtime` (epoch seconds; endtime is one second before the next
 * range starts) and `starthuman`/`endhuman` in ctime form (`Sun Apr  4 00:00:00 2021`). "The gentimes
 * command generates events up to the end time, but not including the end time": a range is
 * generated while its start is before `end` (`start=4/4/21 end=4/7/21` gives three days), so a
 * future start without an end gives nothing ("To specify future dates, you must include the end
 * argument").
 */
import type { GentimesTime } from "../ast/commands-multi.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { strftime } from "../values/time-format.js";
import { relativeTime } from "../values/time-modifier.js";
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds, textOf, type OptionArg } from "./args.js";
import type { CheckContext, CommandDef } from "./types.js";

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?::(\d{1,2}):(\d{1,2}):(\d{1,2}))?$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };
const CTIME = "%a %b %e %H:%M:%S %Y";

export const gentimes: CommandDef<"gentimes"> = {
  kind: "gentimes",
  generating: true,
  summary: "Generates adjacent time ranges between a start and an end time.",
  usage: "| gentimes start=<MM/DD/YYYY[:HH:MM:SS]|days> [end=<MM/DD/YYYY[:HH:MM:SS]|days>] [increment=<int>[s|m|h|d]]",
  examples: ["| gentimes start=10/1/2020 end=10/5/2020", "| gentimes start=-3", "| gentimes start=10/1/2020 end=10/2/2020 increment=6h"],
  options: {
    start: { query: "| gentimes start=10/2/2020 end=10/5/2020", baseline: "| gentimes start=10/1/2020 end=10/5/2020" },
    end: { query: "| gentimes start=10/1/2020 end=10/3/2020", baseline: "| gentimes start=10/1/2020 end=10/5/2020" },
    increment: { query: "| gentimes start=10/1/2020 end=10/5/2020 increment=12h", baseline: "| gentimes start=10/1/2020 end=10/5/2020" },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["start", "end", "increment"], ctx);
    const startOpt = opts.get("start");
    if (!startOpt) {
      ctx.report(diag("bad-argument", { command: "gentimes", message: "needs start=<MM/DD/YYYY[:HH:MM:SS]> or start=<days, e.g. -5>" }, node.nameSpan));
      return null;
    }
    const start = readTime(startOpt, node, ctx);
    const endOpt = opts.get("end");
    const end = endOpt ? readTime(endOpt, node, ctx) : undefined;
    const increment = readIncrement(opts.get("increment"), node, ctx);
    if (!start || end === null || increment === null) return null;
    return { kind: "gentimes", start, ...(end ? { end } : {}), increment, span: node.span };
  },
  plan(cmd) {
    return (_input, ctx) => {
      const { now, tz } = ctx.fn;
      const start = resolve(cmd.start, now, tz, cmd);
      const end = cmd.end ? resolve(cmd.end, now, tz, cmd) : resolve({ kind: "days", days: 0 }, now, tz, cmd);
      const count = start < end ? Math.ceil((end - start) / cmd.increment) : 0;
      ctx.budget.rows(count, `gentimes over ${count} ranges`, cmd.span);
      const cols = new Map<string, Value[]>([["starttime", []], ["starthuman", []], ["endtime", []], ["endhuman", []]]);
      for (let i = 0; i < count; i++) {
        const s = start + i * cmd.increment;
        const e = s + cmd.increment - 1;
        (cols.get("starttime") as Value[]).push(s);
        (cols.get("starthuman") as Value[]).push(strftime(s, CTIME, tz));
        (cols.get("endtime") as Value[]).push(e);
        (cols.get("endhuman") as Value[]).push(strftime(e, CTIME, tz));
      }
      return Table.fromColumns([...cols.keys()], cols, count);
    };
  },
};

function readTime(o: OptionArg, node: CommandNode, ctx: CheckContext): GentimesTime | null {
  const t = textOf(o.value, node, ctx, "a timestamp");
  if (t === null) return null;
  if (/^[+-]?\d+$/.test(t)) return { kind: "days", days: Number(t) };
  const m = DATE.exec(t);
  const [month, day, hour, minute, second] = m ? [m[1], m[2], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(Number) as number[] : [];
  if (!m || !inRange(month, 1, 12) || !inRange(day, 1, 31) || !inRange(hour, 0, 23) || !inRange(minute, 0, 59) || !inRange(second, 0, 59)) {
    ctx.report(diag("bad-argument", { command: "gentimes", message: `${o.key} must be MM/DD/YYYY, MM/DD/YYYY:HH:MM:SS or a number of days such as -5, got "${t}"` }, o.value.span));
    return null;
  }
  // The page's examples write two-digit years (`4/4/21`): 00-68 are 20xx, 69-99 19xx, as C's %y.
  const y = m[3] as string;
  const year = y.length === 4 ? y : `${Number(y) < 69 ? "20" : "19"}${y}`;
  return { kind: "date", text: `${month}/${day}/${year}${m[4] === undefined ? "" : `:${hour}:${minute}:${second}`}` };
}

function inRange(n: number | undefined, lo: number, hi: number): boolean {
  return n !== undefined && Number.isInteger(n) && n >= lo && n <= hi;
}

function readIncrement(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext): number | null {
  if (!o) return UNIT_SECONDS["d"] as number;
  const t = textOf(o.value, node, ctx, "an increment such as 1d")?.toLowerCase();
  const m = t === undefined ? null : /^(\d+)([smhd]?)$/.exec(t);
  const n = m ? Number(m[1]) * (UNIT_SECONDS[m[2] || "s"] as number) : 0;
  if (!m || n <= 0) {
    ctx.report(diag("bad-argument", { command: "gentimes", message: `increment must be a positive <int>[s|m|h|d], got "${t ?? ""}"` }, o.value.span));
    return null;
  }
  return n;
}

/** Epoch seconds of a gentimes time: days are counted from today's midnight in `tz`. */
function resolve(t: GentimesTime, now: number, tz: string, cmd: { span: CommandNode["span"] }): number {
  const mod = t.kind === "date" ? t.text : `${t.days >= 0 ? "+" : ""}${t.days}d@d`;
  const r = t.kind === "days" && t.days === 0 ? relativeTime(now, "@d", tz) : relativeTime(now, mod, tz);
  if (r === null) throw new SplRuntimeError(diag("runtime-error", { message: `gentimes: cannot read the time "${t.kind === "date" ? t.text : t.days}"` }, cmd.span));
  return r;
}
