/**
 * `streamstats [current=<bool>] [window=<n>] [global=<bool>] [reset_on_change=<bool>]
 * [time_window=<span>] <aggregate>... [by <field>...]`: running statistics, added to each result
 * as it streams past (streamstats reference: "calculates statistics for each event at the time the
 * event is seen … up to the current event"). BY keeps separate statistics per group. Documented:
 * `current` (default true) includes the current result; `window=N` uses only the last N results;
 * `global` (default true): "If global=false and window is set to a non-zero value, a separate
 * window is used for each group of values of the group by fields"; `reset_on_change` resets all
 * statistics when the BY values change ("Only events that have all of the group by fields can
 * trigger a reset"). Choices where the docs are silent: a result missing a BY field gets no
 * statistics; with current=false the window is the N results before the current one; without a
 * window the statistics are unbounded (Splunk caps them at max_stream_window=10000 results);
 * time_window keeps the earlier results whose _time is less than the span away.
 * reset_before/reset_after take eval expressions and are not supported yet.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { toNumber, type Value } from "../values/value.js";
import { boolOption, byFields, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { parseSpan } from "./span.js";
import { aggregateRows, bindAggregates, byKeys, readAggregates } from "./stream-aggregates.js";
import { ColumnWriter } from "./stream-columns.js";
import type { CommandDef } from "./types.js";

const OPTIONS = ["current", "window", "global", "reset_on_change", "time_window", "allnum", "reset_before", "reset_after"];

export const streamstats: CommandDef<"streamstats"> = {
  kind: "streamstats",
  summary: "Adds running aggregates (over all earlier results, or a window) to each result.",
  usage: "streamstats [current=<bool>] [window=<n>] [global=<bool>] [reset_on_change=<bool>] [time_window=<span>] <aggregate>... [by <field>...]",
  examples: ["| makeresults count=3 | streamstats count AS n", "| makeresults count=4 | streamstats count AS n | streamstats window=2 current=f sum(n) AS prev2"],
  check(node, ctx) {
    rejectKinds(node, ["where"], ctx);
    const opts = readOptions(node, OPTIONS, ctx);
    for (const key of ["reset_before", "reset_after"]) {
      const o = opts.get(key);
      if (o) ctx.report(diag("bad-argument", { command: "streamstats", message: `${key} is not supported yet` }, o.keySpan));
    }
    boolOption(opts.get("allnum"), node, ctx, false);
    const w = opts.get("window");
    const window = w ? (intValue(w.value, node, ctx, "window") ?? 0) : 0;
    const tw = opts.get("time_window");
    const twText = tw ? textOf(tw.value, node, ctx, "a time span such as 5m") : null;
    const timeWindow = twText === null ? null : parseSpan(twText);
    if (tw && timeWindow === null) {
      ctx.report(diag("bad-argument", { command: "streamstats", message: `bad time_window "${twText ?? ""}"` }, tw.value.span));
    }
    const aggregates = readAggregates(node, ctx);
    if (!aggregates) return null;
    return {
      kind: "streamstats", aggregates, by: byFields(node).map((b) => b.name), window,
      current: boolOption(opts.get("current"), node, ctx, true),
      global: boolOption(opts.get("global"), node, ctx, true),
      resetOnChange: boolOption(opts.get("reset_on_change"), node, ctx, false),
      ...(timeWindow !== null ? { timeWindow } : {}),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => {
      const aggs = bindAggregates(cmd.aggregates, input, ctx);
      const keys = byKeys(input, cmd.by);
      const timeCol = input.column("_time");
      const time = (r: number) => toNumber(timeCol?.[r] ?? null);
      const out = new ColumnWriter(input);
      const write = (r: number, results: readonly Value[]) => cmd.aggregates.forEach((a, i) => out.set(a.as, r, results[i] ?? null));
      const bounded = cmd.window > 0 || cmd.timeWindow !== undefined;
      // Unbounded: one incremental state per group. Bounded: the rows each window holds.
      let states = new Map<string, unknown[]>();
      let seen = new Map<string, number[]>();
      let all: number[] = [];
      let prevKey: string | null = null;
      for (let r = 0; r < input.length; r++) {
        const key = keys[r] ?? null;
        if (key === null) continue;
        if (cmd.resetOnChange && prevKey !== null && key !== prevKey) {
          states = new Map();
          seen = new Map();
          all = [];
        }
        prevKey = key;
        if (!bounded) {
          let st = states.get(key);
          if (!st) {
            st = aggs.map((a) => a.init());
            states.set(key, st);
          }
          const s = st;
          const read = () => aggs.map((a, i) => a.result(s[i]));
          if (!cmd.current) write(r, read());
          aggs.forEach((a, i) => a.add(s[i], r));
          if (cmd.current) write(r, read());
          continue;
        }
        const pool = cmd.global ? all : (seen.get(key) ?? []);
        let earlier = pool.filter((j) => keys[j] === key);
        if (cmd.timeWindow !== undefined) {
          const t = time(r);
          earlier = earlier.filter((j) => Math.abs(time(j) - t) < (cmd.timeWindow as number));
        }
        if (cmd.window > 0) {
          // The window counts results of the pool (all results when global), not only this group's.
          const size = cmd.current ? cmd.window - 1 : cmd.window;
          const recent = new Set(pool.slice(Math.max(0, pool.length - size)));
          earlier = earlier.filter((j) => recent.has(j));
        }
        write(r, aggregateRows(aggs, cmd.current ? [...earlier, r] : earlier));
        pool.push(r);
        if (!cmd.global) seen.set(key, pool);
        if (cmd.window > 0 && pool.length > cmd.window) pool.shift();
      }
      return out.table();
    };
  },
};
