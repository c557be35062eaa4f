/**
 * Bin options on chart's split fields (chart reference, "Bin options": `bins=`, `span=` as a span
 * length or a log span `[<coef>]log[<base>]`, `start=`/`end=`, and `aligntime=` of a time split,
 * basic example 7: `chart count BY _time span=12h aligntime=@d+5h`). The bin reference says "The bin
 * command is automatically called by the chart and the timechart commands", so span lengths and
 * `bins` go through bin's own plan (same labels `<low>-<high>`, same time alignment); only log
 * spans, which bin does not take yet, are binned here: a value x > 0 falls in
 * [coef·base^k, coef·base^(k+1)) and is labelled `<low>-<high>` (the chart page's
 * `span=log2` example: 1-2, 2-4, 4-8, …). Choices where the page is silent: a value ≤ 0 under a
 * log span is labelled "0"; a row split named `_time` is binned by default, as timechart does.
 */
import type { ChartBins, ChartSplit } from "../ast/commands-report.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { compareLexical, formatNumber, parseNumber, toNumber, type Value } from "../values/value.js";
import { intValue, textOf, type OptionArg } from "./args.js";
import { bin, parseBinSpan } from "./bin.js";
import { isAligntime } from "./time-buckets.js";
import type { CheckContext, ExecContext } from "./types.js";

export const BIN_OPTIONS = ["bins", "span", "start", "end", "aligntime"];

/** Reads the bin options given for one split field; undefined when none is. */
export function readChartBins(node: CommandNode, given: readonly OptionArg[], ctx: CheckContext): ChartBins | undefined {
  if (given.length === 0) return undefined;
  let out: { -readonly [K in keyof ChartBins]: ChartBins[K] } = {};
  for (const o of given) {
    const key = o.key.toLowerCase();
    const t = textOf(o.value, node, ctx, "a value");
    if (t === null) continue;
    if (key === "bins") {
      const n = intValue(o.value, node, ctx, "bins");
      if (n !== null && n >= 1) out = { ...out, bins: n };
      else if (n !== null) ctx.report(diag("bad-argument", { command: node.name, message: "bins must be at least 1" }, o.value.span));
    } else if (key === "span") {
      const log = /^(\d+(?:\.\d+)?)?log(\d+(?:\.\d+)?)?$/i.exec(t);
      const coef = log ? Number(log[1] ?? 1) : 0;
      const base = log ? Number(log[2] ?? 10) : 0;
      const span = log ? null : parseBinSpan(t);
      if (log && base > 1 && coef >= 1 && coef < base) out = { ...out, logSpan: { coef, base } };
      else if (span) out = { ...out, binSpan: span };
      else ctx.report(diag("bad-argument", { command: node.name, message: `bad span "${t}": use a length such as 10 or 1h, or a log span such as log2 or 2log10 (1 <= coefficient < base)` }, o.value.span));
    } else if (key === "aligntime") {
      if (isAligntime(t)) out = { ...out, aligntime: t };
      else ctx.report(diag("bad-argument", { command: node.name, message: `bad aligntime "${t}": use earliest, latest, an epoch time or a time modifier such as @d+5h` }, o.value.span));
    } else {
      const n = parseNumber(t);
      if (Number.isNaN(n)) ctx.report(diag("bad-argument", { command: node.name, message: `${key} must be a number` }, o.value.span));
      else out = { ...out, [key]: n };
    }
  }
  return out;
}

/** Whether a split field's values are binned. */
export function isBinned(s: ChartSplit): boolean {
  return s.bins !== undefined || s.field === "_time";
}

/** The split field's values, binned when its options (or `_time`) ask for it. */
export function splitValues(input: Table, s: ChartSplit, ctx: ExecContext): readonly Value[] {
  const raw = input.column(s.field) ?? new Array<Value>(input.length).fill(null);
  if (!isBinned(s)) return raw;
  const b = s.bins ?? {};
  if (b.logSpan) return raw.map((v) => logBin(v, b.logSpan as NonNullable<ChartBins["logSpan"]>));
  const out = "\u0000chart-bin";
  const step = bin.plan({
    kind: "bin", field: s.field, as: out, span: { start: 0, end: 0 },
    ...(b.binSpan ? { binSpan: b.binSpan } : {}), ...(b.bins !== undefined ? { bins: b.bins } : {}),
    ...(b.start !== undefined ? { start: b.start } : {}), ...(b.end !== undefined ? { end: b.end } : {}),
    ...(b.aligntime !== undefined ? { aligntime: b.aligntime } : {}),
  } as Parameters<typeof bin.plan>[0]);
  return step(input, ctx).column(out) ?? raw;
}

function logBin(v: Value, { coef, base }: { coef: number; base: number }): Value {
  if (v === null || Array.isArray(v)) return v;
  const x = toNumber(v);
  if (Number.isNaN(x)) return v;
  if (x <= 0) return "0";
  const k = Math.floor(Math.log(x / coef) / Math.log(base) + 1e-12);
  const lo = coef * base ** k;
  return `${formatNumber(lo)}-${formatNumber(lo * base)}`;
}

/** The low end of a bin label (`10-20` → 10), or the value itself as a number. */
export function binLow(key: string): number {
  const m = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)-/.exec(key);
  return m ? Number(m[1]) : parseNumber(key);
}

/** Bins by their low end; values that are no bin (text bin leaves as it is) after them, lexically. */
export function compareBins(a: string, b: string): number {
  const x = binLow(a);
  const y = binLow(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? compareLexical(a, b) : Number.isNaN(x) ? 1 : -1;
  return x - y || compareLexical(a, b);
}

/**
 * cont=true: every bin between the first and the last, in order ("bins that have no values will
 * display with a count of 0 or null values"). Only labels `<low>-<high>` of one width (or of one
 * log ratio) and numeric time bins of a known span can be filled; others are returned as given.
 */
export function fillBins(sorted: readonly string[], s: ChartSplit): readonly string[] {
  if (sorted.length < 2 || sorted.some((k) => Number.isNaN(binLow(k)))) return sorted;
  const first = sorted[0] as string;
  const last = sorted[sorted.length - 1] as string;
  const limit = 100_000;
  const m = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/.exec(first);
  const log = s.bins?.logSpan;
  const out: string[] = [];
  if (m && log) {
    const lastLow = binLow(last);
    for (let lo = Number(m[1]); lo <= lastLow * (1 + 1e-12) && out.length < limit; lo *= log.base) out.push(`${formatNumber(lo)}-${formatNumber(lo * log.base)}`);
    return sorted.includes("0") ? ["0", ...out] : out;
  }
  if (m) {
    const lo = Number(m[1]);
    const size = Number(m[2]) - lo;
    const n = Math.round((binLow(last) - lo) / size);
    if (!(size > 0) || n > limit) return sorted;
    for (let i = 0; i <= n; i++) {
      const a = Number((lo + i * size).toPrecision(15));
      out.push(`${formatNumber(a)}-${formatNumber(Number((a + size).toPrecision(15)))}`);
    }
    return out;
  }
  const span = s.bins?.binSpan;
  const seconds = span?.kind === "seconds" ? span.seconds : span?.kind === "number" && s.field === "_time" ? span.size : undefined;
  if (seconds !== undefined && /^-?\d+$/.test(first) && (Number(last) - Number(first)) / seconds <= limit) {
    for (let t = Number(first); t <= Number(last); t += seconds) out.push(String(t));
    return out;
  }
  return sorted;
}
