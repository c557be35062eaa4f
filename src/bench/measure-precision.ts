/**
 * Issue 12's numbers row: what eval's numeric precision model costs (values/numeric-precision.ts:
 * the eval page's "Rounding", where `8.250 * 0.2` is 2 and `8.250 * exact(0.2)` is 1.650). The
 * figure is eval arithmetic throughput, rows per second, of `a * b` and `a * b + c` compiled by
 * the real compiler (executor/compile-expr.ts: precision tracked beside each value, the result
 * rounded to it and kept as text when it ends on zeros), over 300,000 rows of decimal fields, once
 * as event text ("8.250", precision read from the text) and once as doubles (precision from the
 * shortest round-trip text). The anchor, measured in the same run and interleaved with it, is the
 * same expression through the same operators (executor/eval-ops.ts `applyBinary`: numeric reading
 * of text, null rules) without the model; the plain-double loop below it is the floor. Medians of
 * `runs` repetitions after a warm-up; ratio = tracked / anchor time. CPU work only, no store or
 * index, so it runs in the bench process: `node dist/bench/measure-precision.js [rows] [runs]`
 * prints it alone.
 */
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import type { Expr } from "../ast/nodes.js";
import { compileExpr } from "../executor/compile-expr.js";
import { applyBinary } from "../executor/eval-ops.js";
import { parseSearch } from "../frontend.js";
import type { FnContext } from "../functions/types.js";
import { Table } from "../table/table.js";
import type { EvalValue, Value } from "../values/value.js";
import { rng } from "./rng.js";
import { median, round } from "./stats.js";

const FN: FnContext = { now: 0, tz: "UTC" };

/** The expression of `| eval x=<text>`, parsed as a search writes it. */
function parseExpr(text: string): Expr {
  const p = parseSearch(`| eval x=${text}`).pipeline;
  const arg = p?.commands[0]?.args[0];
  if (arg?.kind !== "assign") throw new Error(`not an eval assignment: ${text}`);
  return arg.expr;
}

/** Columns a (3 decimals), b (2) and c (1), as event text or as the doubles that text reads as. */
function columns(rows: number, seed: number, asText: boolean): Table {
  const rnd = rng(seed);
  const a: Value[] = new Array(rows);
  const b: Value[] = new Array(rows);
  const c: Value[] = new Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const ta = (1 + rnd() * 999).toFixed(3);
    const tb = (rnd() * 10).toFixed(2);
    const tc = (rnd() * 100).toFixed(1);
    a[i] = asText ? ta : Number(ta);
    b[i] = asText ? tb : Number(tb);
    c[i] = asText ? tc : Number(tc);
  }
  return Table.fromColumns(["a", "b", "c"], new Map([["a", a], ["b", b], ["c", c]]), rows);
}

/** Milliseconds to fill a result column of `rows` values from `f`. */
function timeColumn(rows: number, f: (r: number) => EvalValue): number {
  const out: EvalValue[] = new Array(rows);
  const t = performance.now();
  for (let r = 0; r < rows; r += 1) out[r] = f(r);
  const ms = performance.now() - t;
  if (out.length !== rows) throw new Error("lost rows");
  return ms;
}

interface Case {
  readonly tracked: (r: number) => EvalValue;
  readonly anchor: (r: number) => EvalValue;
  readonly floor: (r: number) => EvalValue;
}

/** The compiled expression and its two anchors over the table's a, b, c. */
function cases(table: Table, withPlus: boolean): Case {
  const col = (n: string): readonly Value[] => {
    const c = table.column(n);
    if (!c) throw new Error(`no column ${n}`);
    return c;
  };
  const [a, b, c] = [col("a"), col("b"), col("c")];
  const tracked = compileExpr(parseExpr(withPlus ? "a * b + c" : "a * b"), table, FN);
  const anchor = withPlus
    ? (r: number): EvalValue => applyBinary("+", applyBinary("*", a[r] ?? null, b[r] ?? null), c[r] ?? null)
    : (r: number): EvalValue => applyBinary("*", a[r] ?? null, b[r] ?? null);
  const floor = withPlus
    ? (r: number): EvalValue => Number(a[r]) * Number(b[r]) + Number(c[r])
    : (r: number): EvalValue => Number(a[r]) * Number(b[r]);
  return { tracked, anchor, floor };
}

function measureCase(rows: number, runs: number, k: Case): Record<string, number> {
  // Warm-up: every closure compiled by the JIT before the timed runs.
  timeColumn(rows, k.tracked);
  timeColumn(rows, k.anchor);
  timeColumn(rows, k.floor);
  const t: number[] = [];
  const a: number[] = [];
  const f: number[] = [];
  // Interleaved, so a busy moment of the machine weighs on all three alike.
  for (let i = 0; i < runs; i += 1) {
    t.push(timeColumn(rows, k.tracked));
    a.push(timeColumn(rows, k.anchor));
    f.push(timeColumn(rows, k.floor));
  }
  const tm = median(t);
  const am = median(a);
  const fm = median(f);
  return {
    tracked_ms: round(tm, 2), anchor_ms: round(am, 2), floor_ms: round(fm, 2),
    tracked_rows_per_s: round(rows / (tm / 1000)), anchor_rows_per_s: round(rows / (am / 1000)),
    ratio_tracked_vs_anchor: round(tm / Math.max(am, 1e-6), 2), ratio_tracked_vs_floor: round(tm / Math.max(fm, 1e-6), 2),
  };
}

export function measurePrecision(rows = 300_000, runs = 7, seed = 12): Record<string, unknown> {
  const out: Record<string, unknown> = { rows, runs };
  for (const [name, asText] of [["text_fields", true], ["number_fields", false]] as const) {
    const table = columns(rows, seed, asText);
    out[name] = {
      "a * b": measureCase(rows, runs, cases(table, false)),
      "a * b + c": measureCase(rows, runs, cases(table, true)),
    };
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 300_000);
  const runs = Number(process.argv[3] ?? 7);
  process.stdout.write(`${JSON.stringify(measurePrecision(rows, runs), null, 2)}\n`);
}
