/**
 * `concurrency duration=<field> [start=<field>] [output=<field>]` (concurrency reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/concurrency): "Concurrency
 * measures the number of events which have spans that overlap with the start of each event", i.e.
 * an event's concurrency counts the events that started before it (in `start`, default `_time`)
 * and are still going on when it starts, plus itself. Written into `output` (default
 * "concurrency"). "concurrency is not calculated for events without the duration field"; an
 * event without a start time gets none either. Results keep their order.
 * Choice: an event that ends exactly when another starts does not overlap it (the page does not say).
 */
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds, textOf } from "./args.js";
import { numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";
import { diag } from "../diagnostics/diagnostic.js";

const ROWS = '| makeresults format=csv data="_time,d\\n100,10\\n105,10\\n120,1"';

export const concurrency: CommandDef<"concurrency"> = {
  kind: "concurrency",
  summary: "Counts, for each event, the events whose durations overlap its start.",
  usage: "concurrency duration=<field> [start=<field>] [output=<field>]",
  examples: [`${ROWS} | concurrency duration=d`],
  options: {
    duration: { query: `${ROWS} | eval d2=1 | concurrency duration=d`, baseline: `${ROWS} | eval d2=1 | concurrency duration=d2` },
    start: { query: `${ROWS} | eval s=200-_time | concurrency duration=d start=s`, baseline: `${ROWS} | eval s=200-_time | concurrency duration=d` },
    output: { query: `${ROWS} | concurrency duration=d output=c`, baseline: `${ROWS} | concurrency duration=d` },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["duration", "start", "output"], ctx);
    const text = (k: string, dflt: string | null): string | null => {
      const o = opts.get(k);
      return o ? textOf(o.value, node, ctx, "a field name") : dflt;
    };
    const duration = text("duration", null);
    if (duration === null) {
      if (!opts.has("duration")) ctx.report(diag("bad-argument", { command: "concurrency", message: "needs duration=<field>" }, node.span));
      return null;
    }
    const start = text("start", "_time");
    const output = text("output", "concurrency");
    if (start === null || output === null) return null;
    return { kind: "concurrency", duration, start, output, span: node.span };
  },
  plan(cmd) {
    return (input: Table) => {
      const n = input.length;
      const starts: (number | null)[] = [];
      const ends: (number | null)[] = [];
      for (let i = 0; i < n; i++) {
        const s = numberOf(input.get(cmd.start, i));
        const d = numberOf(input.get(cmd.duration, i));
        starts.push(s === null || d === null ? null : s);
        ends.push(s === null || d === null ? null : s + d);
      }
      // Events by start time, ties in input order.
      const order = [...starts.keys()].filter((i) => starts[i] !== null).sort((a, b) => (starts[a] as number) - (starts[b] as number) || a - b);
      const out = new Array<Value>(n).fill(null);
      // End times of the events still going on, in a min-heap: O(n log n) however many overlap.
      const running = new MinHeap();
      for (const i of order) {
        const s = starts[i] as number;
        while (running.size > 0 && running.peek() <= s) running.pop();
        out[i] = running.size + 1;
        running.push(ends[i] as number);
      }
      // Rows without a duration keep whatever the output field held.
      const prev = input.column(cmd.output);
      if (prev) for (let i = 0; i < n; i++) out[i] ??= prev[i] ?? null;
      return input.withColumn(cmd.output, out);
    };
  },
};

/** A binary min-heap of numbers. */
class MinHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): number {
    return this.a[0] as number;
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= x) break;
      a[i] = a[p] as number;
      a[p] = x;
      i = p;
    }
  }
  pop(): void {
    const a = this.a;
    const last = a.pop() as number;
    if (a.length === 0) return;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && (a[l] as number) < (a[m] as number)) m = l;
      if (r < a.length && (a[r] as number) < (a[m] as number)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m] as number, a[i] as number];
      i = m;
    }
  }
}
