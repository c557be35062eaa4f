/**
 * `rangemap field=<field> (<name>=<start>-<end>)... [default=<string>]` (rangemap reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/rangemap): sets a new
 * field `range` of each result to the name of the numeric range its `field` value falls in, both
 * ends included (`low=0-0` is exactly 0); a value in no range, or not a number, gets `default`
 * (default `None`). "The values can be integers or floating point numbers. The first value must be
 * lower than the second" (a range that starts above its end is an error; equal ends are allowed, as
 * in the page's `low=0-0`); "The <numeric_range> can include negative values" (`Dislike=-5--1`).
 * "The ranges that you set can overlap. If you have overlapping values, the range field is created
 * as a multivalue field containing all the values that apply", in the order the ranges are written.
 */
import { diag } from "../diagnostics/diagnostic.js";
import type { Atom, Value } from "../values/value.js";
import { argsOf, rejectKinds, textOf } from "./args.js";
import { numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="a,b\n0,50\n5,0"';
const OPTIONS = ["field", "default"];
const NUM = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)`;
const RANGE = new RegExp(`^(${NUM})-(${NUM})$`);

export const rangemap: CommandDef<"rangemap"> = {
  kind: "rangemap",
  summary: "Names the numeric range a field's value falls in, in a new field called range.",
  usage: "rangemap field=<field> (<name>=<start>-<end>)... [default=<string>]",
  examples: [`${ROWS} | rangemap field=a low=0-0 elevated=1-100 default=severe`, `${ROWS} | rangemap field=b green=1-30 blue=31-39 red=40-59 default=gray`],
  options: {
    field: { query: `${ROWS} | rangemap field=b low=0-0 high=1-100`, baseline: `${ROWS} | rangemap field=a low=0-0 high=1-100` },
    default: { query: `${ROWS} | rangemap field=a low=0-0 default=other`, baseline: `${ROWS} | rangemap field=a low=0-0` },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    let field: string | null = null;
    let dflt = "None";
    const ranges: { name: string; start: number; end: number }[] = [];
    for (const o of argsOf(node, "option")) {
      const key = o.key.toLowerCase();
      const text = textOf(o.value, node, ctx, key === "field" ? "a field name" : key === "default" ? "a range name" : "<start>-<end>");
      if (text === null) continue;
      if (key === "field") field = text;
      else if (key === "default") dflt = text;
      else {
        const m = RANGE.exec(text);
        if (!m) {
          const message = `"${o.key}" is neither an option (${OPTIONS.join(", ")}) nor a range: "${text}" is not <start>-<end>, such as 0-10`;
          ctx.report(diag("bad-argument", { command: "rangemap", message, allowed: OPTIONS }, o.span));
          continue;
        }
        const start = Number(m[1]);
        const end = Number(m[2]);
        // "The first value must be lower than the second" — or equal: the page's own `low=0-0`.
        if (start > end) {
          ctx.report(diag("bad-argument", { command: "rangemap", message: `the range ${o.key}=${text} starts above its end` }, o.value.span));
          continue;
        }
        ranges.push({ name: o.key, start, end });
      }
    }
    if (field === null) {
      ctx.report(diag("bad-argument", { command: "rangemap", message: "needs field=<field>" }, node.span));
      return null;
    }
    return { kind: "rangemap", field, ranges, dflt, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      const out = new Array<Value>(input.length);
      for (let i = 0; i < input.length; i++) {
        const x = col ? numberOf(col[i] ?? null) : null;
        const names: Atom[] = [];
        if (x !== null) for (const r of cmd.ranges) if (r.start <= x && x <= r.end) names.push(r.name);
        out[i] = names.length === 0 ? cmd.dflt : names.length === 1 ? (names[0] as Atom) : names;
      }
      return input.withColumn("range", out);
    };
  },
};
