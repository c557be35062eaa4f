/**
 * `streamstats [current=<bool>] [window=<n>] [global=<bool>] [reset_on_change=<bool>]
 * [reset_before="(<expr>)"] [reset_after="(<expr>)"] [time_window=<span>] [allnum=<bool>]
 * <aggregate>... [by <field>...]`: running statistics, added to each result as it streams past
 * (streamstats reference: "calculates statistics for each event at the time the event is seen").
 * BY keeps separate statistics per group. Documented: `current` (default true) includes the
 * current result; `window=N` uses only the last N results; `global` (default true): "If
 * global=false and window is set to a non-zero value, a separate window is used for each group";
 * `reset_on_change` resets all statistics when the BY values change ("Only events that have all of
 * the group by fields can trigger a reset"); reset_before/reset_after reset all statistics before /
 * after a result for which their eval expression is true (stream-reset.ts), and reset_after may
 * read the fields streamstats writes ("The eval-expression can reference fields that are returned
 * by the streamstats command"); allnum as in stats (stats-allnum.ts). Choices where the docs are
 * silent: a result missing a BY field gets no statistics; with current=false the window is the N
 * results before the current one; without a window the statistics are unbounded (Splunk caps them
 * at max_stream_window=10000 results); time_window keeps the earlier results whose _time is less
 * than the span away.
 */
import type { StreamstatsCommand } from "../ast/commands-stream.js";
import { diag } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import type { BoundAggregate } from "../executor/grouping.js";
import type { Table } from "../table/table.js";
import { toNumber, type Value } from "../values/value.js";
import { boolOption, byFields, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { parseSpan } from "./span.js";
import { applyAllnum } from "./stats-allnum.js";
import { expandWildcards } from "./stats-wildcards.js";
import { aggregateRows, bindAggregates, byKeys, readAggregates } from "./stream-aggregates.js";
import { ColumnWriter } from "./stream-columns.js";
import { gatherResets, readResetExpr } from "./stream-reset.js";
import type { CommandDef, ExecContext } from "./types.js";

const OPTIONS = ["current", "window", "global", "reset_on_change", "time_window", "allnum", "reset_before", "reset_after"];
const N = "| makeresults count=4 | streamstats count AS n";

export const streamstats: CommandDef<"streamstats"> = {
  kind: "streamstats",
  summary: "Adds running aggregates (over all earlier results, or a window) to each result.",
  usage: "streamstats [current=<bool>] [window=<n>] [global=<bool>] [reset_on_change=<bool>] [reset_before=\"(<expr>)\"] [reset_after=\"(<expr>)\"] [time_window=<span>] [allnum=<bool>] <aggregate>... [by <field>...]",
  examples: ["| makeresults count=3 | streamstats count AS n", "| makeresults count=4 | streamstats count AS n | streamstats window=2 current=f sum(n) AS prev2"],
  options: {
    current: { query: `${N} | streamstats current=f sum(n) AS s`, baseline: `${N} | streamstats sum(n) AS s` },
    window: { query: `${N} | streamstats window=2 sum(n) AS s`, baseline: `${N} | streamstats sum(n) AS s` },
    global: {
      query: `${N} | eval g=n%2 | streamstats window=2 global=f sum(n) AS s by g`,
      baseline: `${N} | eval g=n%2 | streamstats window=2 sum(n) AS s by g`,
    },
    reset_on_change: {
      query: `${N} | eval g=if(n<3,"a","b") | eval g=if(n==4,"a",g) | streamstats reset_on_change=t count AS c by g`,
      baseline: `${N} | eval g=if(n<3,"a","b") | eval g=if(n==4,"a",g) | streamstats count AS c by g`,
    },
    time_window: {
      query: `${N} | eval _time=n*60 | streamstats time_window=2m count AS c`,
      baseline: `${N} | eval _time=n*60 | streamstats count AS c`,
    },
    allnum: {
      query: `${N} | eval v=if(n==2,"x",n) | streamstats allnum=t sum(v) AS s`,
      baseline: `${N} | eval v=if(n==2,"x",n) | streamstats sum(v) AS s`,
    },
    reset_before: { query: `${N} | streamstats reset_before="(n==3)" count AS c`, baseline: `${N} | streamstats count AS c` },
    reset_after: { query: `${N} | streamstats reset_after="(n==2)" count AS c`, baseline: `${N} | streamstats count AS c` },
  },
  check(written, ctx) {
    const node = gatherResets(written);
    rejectKinds(node, ["where"], ctx);
    const opts = readOptions(node, OPTIONS, ctx);
    const w = opts.get("window");
    const window = w ? (intValue(w.value, node, ctx, "window") ?? 0) : 0;
    const tw = opts.get("time_window");
    const twText = tw ? textOf(tw.value, node, ctx, "a time span such as 5m") : null;
    const timeWindow = twText === null ? null : parseSpan(twText);
    if (tw && timeWindow === null) {
      ctx.report(diag("bad-argument", { command: "streamstats", message: `bad time_window "${twText ?? ""}"` }, tw.value.span));
    }
    const rb = opts.get("reset_before");
    const ra = opts.get("reset_after");
    const resetBefore = rb ? readResetExpr(rb, node, ctx) : null;
    const resetAfter = ra ? readResetExpr(ra, node, ctx) : null;
    const aggregates = readAggregates(node, ctx);
    if (!aggregates) return null;
    return {
      kind: "streamstats", aggregates, by: byFields(node).map((b) => b.name), window,
      current: boolOption(opts.get("current"), node, ctx, true),
      global: boolOption(opts.get("global"), node, ctx, true),
      resetOnChange: boolOption(opts.get("reset_on_change"), node, ctx, false),
      allnum: boolOption(opts.get("allnum"), node, ctx, false),
      ...(timeWindow !== null ? { timeWindow } : {}),
      ...(resetBefore ? { resetBefore } : {}),
      ...(resetAfter ? { resetAfter } : {}),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => run(cmd, input, ctx);
  },
};

function run(cmd: StreamstatsCommand, input: Table, ctx: ExecContext): Table {
  const specs = expandWildcards(cmd.aggregates, input.fields);
  const aggs: BoundAggregate[] = applyAllnum(bindAggregates(specs, input, ctx), input, cmd.allnum ?? false);
  const keys = byKeys(input, cmd.by);
  const timeCol = input.column("_time");
  const time = (r: number) => toNumber(timeCol?.[r] ?? null);
  const out = new ColumnWriter(input);
  const write = (r: number, results: readonly Value[]) => specs.forEach((a, i) => out.set(a.as, r, results[i] ?? null));
  const before = cmd.resetBefore ? compileExpr(cmd.resetBefore, input, ctx.fn) : null;
  // reset_after may read the fields written here: its columns are the writer's own arrays, made
  // before the loop and filled in place as each result is written.
  let after: ReturnType<typeof compileExpr> | null = null;
  if (cmd.resetAfter) {
    if (input.length > 0) for (const a of specs) out.set(a.as, 0, input.column(a.as)?.[0] ?? null);
    after = compileExpr(cmd.resetAfter, out.table(), ctx.fn);
  }
  const bounded = cmd.window > 0 || cmd.timeWindow !== undefined;
  // Unbounded: one incremental state per group. Bounded: the rows each window holds.
  let states = new Map<string, unknown[]>();
  let seen = new Map<string, number[]>();
  let all: number[] = [];
  let prevKey: string | null = null;
  const reset = () => {
    states = new Map();
    seen = new Map();
    all = [];
  };
  const step = (r: number, key: string) => {
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
      return;
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
  };
  for (let r = 0; r < input.length; r++) {
    if (before && truthy(before(r))) reset();
    const key = keys[r] ?? null;
    if (key !== null) {
      if (cmd.resetOnChange && prevKey !== null && key !== prevKey) reset();
      prevKey = key;
      step(r, key);
    }
    if (after && truthy(after(r))) reset();
  }
  return out.table();
}
