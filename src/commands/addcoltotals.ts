/**
 * `addcoltotals [labelfield=<field>] [label=<string>] [<wc-field-list>]` (addcoltotals reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/addcoltotals):
 * "appends a new result to the end of the search result set. The result contains the sum of each
 * numeric field or you can specify which fields to summarize" (wildcards allowed). `labelfield`
 * names a field whose value in the new result is `label` (default `Total`); "If the labelfield
 * argument is absent, the label argument has no effect."
 * Choices where the page is silent (as in addtotals): values that are not numbers are skipped, a
 * field with no number gets no sum, internal `_` fields such as `_time` are not summed unless
 * listed, and the label field itself is never summed.
 */
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds, textOf } from "./args.js";
import { expandFields, fieldList } from "./field-list.js";
import { numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="name,a,b\nx,1,10\ny,2,20"';

export const addcoltotals: CommandDef<"addcoltotals"> = {
  kind: "addcoltotals",
  summary: "Appends a result holding the sum of each numeric field (or of the listed fields).",
  usage: "addcoltotals [labelfield=<field>] [label=<string>] [<field>...]",
  examples: [`${ROWS} | addcoltotals`, `${ROWS} | addcoltotals labelfield=name label=ALL a`],
  options: {
    labelfield: { query: `${ROWS} | addcoltotals labelfield=name`, baseline: `${ROWS} | addcoltotals` },
    label: { query: `${ROWS} | addcoltotals labelfield=name label=ALL`, baseline: `${ROWS} | addcoltotals labelfield=name` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["labelfield", "label"], ctx);
    const text = (k: string) => {
      const o = opts.get(k);
      return o ? (textOf(o.value, node, ctx, "a name") ?? undefined) : undefined;
    };
    const labelfield = text("labelfield");
    return {
      kind: "addcoltotals", label: text("label") ?? "Total", ...(labelfield !== undefined ? { labelfield } : {}),
      fields: fieldList(node, ctx), span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const fields = (cmd.fields.length ? expandFields(cmd.fields, input.fields, false) : input.fields.filter((f) => !f.startsWith("_")))
        .filter((f) => f !== cmd.labelfield);
      const summary: Record<string, Value> = {};
      for (const f of fields) {
        let sum = 0;
        let found = false;
        for (const v of input.column(f) ?? []) {
          const x = numberOf(v);
          if (x === null) continue;
          sum += x;
          found = true;
        }
        if (found) summary[f] = sum;
      }
      if (cmd.labelfield !== undefined) summary[cmd.labelfield] = cmd.label;
      return Table.concat(input, Table.fromRows([summary]));
    };
  },
};
