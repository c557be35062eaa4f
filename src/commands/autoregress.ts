/**
 * `autoregress <field> [AS <newfield>] [p=<int> | p=<int>-<int>]` (autoregress reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/autoregress): copies
 * the value of `field` from earlier results into each result, to compute a moving average or an
 * autoregression. `p=3` copies the third result back; `p=2-4` the second, third and fourth, into
 * `<field>_p2`, `<field>_p3`, `<field>_p4`. `AS <newfield>` names the single copy, and is
 * "Invalid if p is set to a range" (an error here). "The first few events will lack the
 * augmentation of prior values, since the prior values do not exist."
 */
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds, textOf, type OptionArg } from "./args.js";
import { fieldAs } from "./series-args.js";
import type { CheckContext, CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="n\n1\n2\n3\n4"';

export const autoregress: CommandDef<"autoregress"> = {
  kind: "autoregress",
  summary: "Copies a field's values from earlier results into each result (for moving averages).",
  usage: "autoregress <field> [AS <newfield>] [p=<int> | p=<int>-<int>]",
  examples: [`${ROWS} | autoregress n p=1-2`, `${ROWS} | autoregress n AS before p=2`],
  options: { p: { query: `${ROWS} | autoregress n p=2`, baseline: `${ROWS} | autoregress n` } },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["p"], ctx);
    const fa = fieldAs(node, ctx);
    const po = opts.get("p");
    const range = po ? readRange(po, node, ctx) : { from: 1, to: 1, isRange: false };
    if (!fa || !range) return null;
    if (range.isRange && fa.as !== undefined) {
      ctx.report(diag("bad-argument", { command: "autoregress", message: "AS <newfield> cannot be used when p is a range" }, node.span));
      return null;
    }
    return { kind: "autoregress", field: fa.field, ...(fa.as !== undefined ? { as: fa.as } : {}), from: range.from, to: range.to, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const col = input.column(cmd.field);
      // p=1-10000 over a million results would be ten billion copies: checked before any is made.
      ctx.budget.rows((cmd.to - cmd.from + 1) * input.length, `autoregress p=${cmd.from}-${cmd.to} (values copied)`, cmd.span);
      let t = input;
      for (let k = cmd.from; k <= cmd.to; k++) {
        ctx.budget.tick(input.length, cmd.span);
        const out = new Array<Value>(input.length).fill(null);
        if (col) for (let i = k; i < input.length; i++) out[i] = col[i - k] ?? null;
        t = t.withColumn(cmd.as ?? `${cmd.field}_p${k}`, out);
      }
      return t;
    };
  },
};

/** The most copies one autoregress may make (p=1-10000): each is a column as long as the input. */
const MAX_P = 10_000;

function readRange(o: OptionArg, node: CommandNode, ctx: CheckContext): { from: number; to: number; isRange: boolean } | null {
  const text = textOf(o.value, node, ctx, "p=<int> or p=<int>-<int>");
  if (text === null) return null;
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  const from = m ? Number(m[1]) : Number.NaN;
  const to = m?.[2] !== undefined ? Number(m[2]) : from;
  if (!m || from < 1 || to < from || to > MAX_P) {
    ctx.report(diag("bad-argument", { command: "autoregress", message: `p must be <int> or <int>-<int> with 1 <= start <= end <= ${MAX_P}, got "${text}"` }, o.value.span));
    return null;
  }
  return { from, to, isRange: m[2] !== undefined };
}
