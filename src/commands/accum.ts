/**
 * `accum <field> [AS <newfield>]` (accum reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/accum): "For each
 * event where <field> is a number, the accum command calculates a running total or sum of the
 * numbers", returned in the same field or in `newfield`. A result whose value is not a number adds
 * nothing and gets no total (with no AS it keeps its value); the total carries on past it.
 */
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds } from "./args.js";
import { fieldAs, numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

export const accum: CommandDef<"accum"> = {
  kind: "accum",
  summary: "Keeps a running total of a numeric field, in the field itself or in a new field.",
  usage: "accum <field> [AS <newfield>]",
  examples: ['| makeresults format=csv data="views\n1796\n1642\n1482" | accum views AS TotalViews', "| makeresults count=4 | streamstats count AS n | accum n"],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    readOptions(node, [], ctx);
    const fa = fieldAs(node, ctx);
    if (!fa) return null;
    return { kind: "accum", field: fa.field, as: fa.as ?? fa.field, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      const out = new Array<Value>(input.length).fill(null);
      let sum = 0;
      for (let i = 0; i < input.length; i++) {
        const x = col ? numberOf(col[i] ?? null) : null;
        if (x === null) {
          if (cmd.as === cmd.field) out[i] = col?.[i] ?? null;
          continue;
        }
        sum += x;
        out[i] = sum;
      }
      return input.withColumn(cmd.as, out);
    };
  },
};
