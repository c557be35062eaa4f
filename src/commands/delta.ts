/**
 * `delta <field> [AS <newfield>] [p=<int>]` (delta reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/delta): "For each event
 * where <field> is a number", the difference, in search order, between its value and the value
 * `p` results earlier (default 1), written into `newfield` (default `delta(<field>)`). "If <field>
 * is not a numeric field, no output field is generated": a result whose value or whose p-th
 * earlier result's value is not a number (or that has no p-th earlier result, such as the first)
 * gets no delta. The order is the order the results arrive in, so "values ascending over time show
 * negative deltas" for events, which come newest first.
 */
import { diag } from "../diagnostics/diagnostic.js";
import type { Value } from "../values/value.js";
import { intValue, readOptions, rejectKinds } from "./args.js";
import { fieldAs, numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="n\n1\n3\n6\n10"';

export const delta: CommandDef<"delta"> = {
  kind: "delta",
  summary: "Computes the difference between a numeric field's value and its value in an earlier result.",
  usage: "delta <field> [AS <newfield>] [p=<int>]",
  examples: [`${ROWS} | delta n AS change p=2`, `${ROWS} | delta n`],
  options: { p: { query: `${ROWS} | delta n p=2`, baseline: `${ROWS} | delta n` } },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["p"], ctx);
    const fa = fieldAs(node, ctx);
    const po = opts.get("p");
    const p = po ? intValue(po.value, node, ctx, "p") : 1;
    if (p === 0 && po) ctx.report(diag("bad-argument", { command: "delta", message: "p must be at least 1" }, po.value.span));
    if (!fa || p === null || p === 0) return null;
    return { kind: "delta", field: fa.field, as: fa.as ?? `delta(${fa.field})`, p, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      const out = new Array<Value>(input.length).fill(null);
      if (col) {
        for (let i = cmd.p; i < input.length; i++) {
          const now = numberOf(col[i] ?? null);
          const before = now === null ? null : numberOf(col[i - cmd.p] ?? null);
          if (now !== null && before !== null) out[i] = now - before;
        }
      }
      // Overwriting the field itself (`delta x AS x`) keeps the rows that get no delta as they were.
      if (cmd.as === cmd.field && col) for (let i = 0; i < out.length; i++) out[i] ??= col[i] ?? null;
      return input.withColumn(cmd.as, out);
    };
  },
};
