/**
 * `trendline (<trendtype><period>(<field>) [AS <newfield>])...` (trendline reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/trendline): moving
 * averages over the results in order — simple (`sma`), weighted (`wma`, "more weight on recent
 * values") and exponential (`ema`) — each into `newfield`, by default `<trendtype><period>(<field>)`.
 * The period is "an integer between 2 and 10000".
 *
 * EMA follows the page's formula as written: EMA(t) = alpha * EMA(t-1) + (1 - alpha) * field(t),
 * alpha = 2/(period + 1) (the textbook EMA puts alpha on field(t); the page says otherwise, and
 * the page is what this follows), seeded with the first value.
 * Choices where the page is silent: results whose value is not a number are skipped (they get no
 * trend and do not enter the window); a trend appears once `period` numbers have been seen; WMA
 * weighs the newest value `period`, the oldest 1.
 */
import type { TrendType } from "../ast/commands-series.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds } from "./args.js";
import { numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

export const trendline: CommandDef<"trendline"> = {
  kind: "trendline",
  summary: "Computes simple, weighted or exponential moving averages of numeric fields.",
  usage: "trendline (sma|ema|wma)<period>(<field>) [AS <newfield>] ...",
  examples: ['| makeresults format=csv data="foo\n1\n2\n3\n4" | trendline sma2(foo) AS smoothed_foo wma3(foo) ema2(foo)'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    readOptions(node, [], ctx);
    const trends: { type: TrendType; period: number; field: string; as: string }[] = [];
    for (const p of argsOf(node, "positional")) {
      const v = p.value;
      const m = v.kind === "call" ? /^(sma|ema|wma)(\d+)$/i.exec(v.name) : null;
      const arg = v.kind === "call" ? v.args[0] : undefined;
      if (!m || v.kind !== "call" || v.args.length !== 1 || !arg || (arg.kind !== "word" && arg.kind !== "string")) {
        ctx.report(diag("bad-argument", { command: "trendline", message: "expected <trendtype><period>(<field>), such as sma5(bytes); trend types are sma, ema, wma" }, v.span));
        continue;
      }
      const period = Number(m[2]);
      if (period < 2 || period > 10_000) {
        ctx.report(diag("bad-argument", { command: "trendline", message: `the period must be an integer between 2 and 10000, got ${m[2]}` }, v.span));
        continue;
      }
      const type = (m[1] as string).toLowerCase() as TrendType;
      trends.push({ type, period, field: arg.text, as: p.alias?.name ?? `${type}${period}(${arg.text})` });
    }
    if (trends.length === 0) {
      if (argsOf(node, "positional").length === 0) ctx.report(diag("bad-argument", { command: "trendline", message: "needs a trend such as sma5(<field>)" }, node.span));
      return null;
    }
    return { kind: "trendline", trends, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      let t = input;
      const tick = (work: number) => ctx.budget.tick(work, cmd.span);
      for (const tr of cmd.trends) t = t.withColumn(tr.as, trend(input.column(tr.field), input.length, tr.type, tr.period, tick));
      return t;
    };
  },
};

/**
 * Windows up to this size are summed afresh for each result, oldest value first, so a trend is the
 * average of exactly its window (a running sum drifts: over 0.1, 0.7, 0.2, 0.3 the sma2 of the last
 * two came out 0.24999999999999997, and after a value of 1e6 leaves the window its rounding stays).
 * Larger windows keep running sums, so a period of 10000 over a million results stays linear.
 */
const EXACT_WINDOW = 1000;

/** `tick` counts the work against the search's budget (up to EXACT_WINDOW additions per result). */
function trend(col: readonly Value[] | undefined, length: number, type: TrendType, period: number, tick: (work: number) => void): Value[] {
  const out = new Array<Value>(length).fill(null);
  if (!col) return out;
  // The last `period` numbers, as a ring; `seen` counts every number so far.
  const ring = new Float64Array(period);
  let seen = 0;
  let sum = 0;
  let weighted = 0;
  let ema = 0;
  const alpha = 2 / (period + 1);
  const weights = (period * (period + 1)) / 2;
  for (let i = 0; i < length; i++) {
    const x = numberOf(col[i] ?? null);
    if (x === null) continue;
    const slot = seen % period;
    const oldest = seen >= period ? (ring[slot] as number) : 0;
    // Running sums (large windows): the weighted sum loses the old sum and gains period * x.
    weighted += seen >= period ? period * x - sum : (seen + 1) * x;
    sum += x - oldest;
    ring[slot] = x;
    ema = seen === 0 ? x : alpha * ema + (1 - alpha) * x;
    seen++;
    if (seen < period) continue;
    if (type === "ema") {
      out[i] = ema;
      continue;
    }
    if (period > EXACT_WINDOW) {
      out[i] = type === "sma" ? sum / period : weighted / weights;
      continue;
    }
    tick(period);
    // Oldest (weight 1) to newest (weight period): the ring from the slot after the newest.
    let s = 0;
    let w = 0;
    for (let k = 1; k <= period; k++) {
      const v = ring[(slot + k) % period] as number;
      s += v;
      w += k * v;
    }
    out[i] = type === "sma" ? s / period : w / weights;
  }
  return out;
}
