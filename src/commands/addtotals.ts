/**
 * `addtotals [row=<bool>] [col=<bool>] [labelfield=<field>] [label=<string>] [fieldname=<field>]
 * [<field>...]` (addtotals reference): "computes the arithmetic sum of all numeric fields for each
 * search result" into `fieldname` (default `Total`); with a field list (wildcards allowed) "Only
 * the fields specified in the <field-list> are summed". `col=true` appends a result holding the sum
 * of each summed field, with `label` (default `Total`) in `labelfield` when one is given.
 * Choices where the docs are silent: the default field set leaves out internal `_` fields (such as
 * `_time`) and the total field itself; a multivalue value is not numeric; a result with no numeric
 * value among the fields gets no total.
 */
import { Table } from "../table/table.js";
import { isMulti, parseNumber, type Value } from "../values/value.js";
import { boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { expandFields, fieldList } from "./field-list.js";
import type { CommandDef } from "./types.js";

export const addtotals: CommandDef<"addtotals"> = {
  kind: "addtotals",
  summary: "Adds the sum of the numeric fields of each result (and optionally a totals row).",
  usage: "addtotals [row=<bool>] [col=<bool>] [labelfield=<field>] [label=<string>] [fieldname=<field>] [<field>...]",
  examples: ["| makeresults | eval a=1, b=2, c=\"x\" | addtotals", "| makeresults count=2 | eval a=1 | addtotals fieldname=Score col=t labelfield=name a"],
  options: {
    row: { query: "| makeresults | eval a=1, b=2 | addtotals row=false", baseline: "| makeresults | eval a=1, b=2 | addtotals" },
    col: { query: "| makeresults | eval a=1, b=2 | addtotals col=true", baseline: "| makeresults | eval a=1, b=2 | addtotals" },
    labelfield: { query: "| makeresults count=2 | eval a=1, name=\"x\" | addtotals col=true labelfield=name", baseline: "| makeresults count=2 | eval a=1, name=\"x\" | addtotals col=true" },
    label: { query: "| makeresults count=2 | eval a=1, name=\"x\" | addtotals col=true labelfield=name label=Sum", baseline: "| makeresults count=2 | eval a=1, name=\"x\" | addtotals col=true labelfield=name" },
    fieldname: { query: "| makeresults | eval a=1, b=2 | addtotals fieldname=sum", baseline: "| makeresults | eval a=1, b=2 | addtotals" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["row", "col", "labelfield", "label", "fieldname"], ctx);
    const text = (k: string) => {
      const o = opts.get(k);
      return o ? (textOf(o.value, node, ctx, "a name") ?? undefined) : undefined;
    };
    const labelfield = text("labelfield");
    return {
      kind: "addtotals",
      row: boolOption(opts.get("row"), node, ctx, true),
      col: boolOption(opts.get("col"), node, ctx, false),
      fieldname: text("fieldname") ?? "Total",
      label: text("label") ?? "Total",
      ...(labelfield !== undefined ? { labelfield } : {}),
      fields: fieldList(node, ctx),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const fields = cmd.fields.length
        ? expandFields(cmd.fields, input.fields, false)
        : input.fields.filter((f) => !f.startsWith("_") && f !== cmd.fieldname);
      const cols = fields.map((f) => input.column(f) ?? []);
      let t = input;
      if (cmd.row) {
        const totals = Array.from({ length: input.length }, (_, r): Value => {
          let sum = 0;
          let found = false;
          for (const c of cols) {
            const x = numeric(c[r] ?? null);
            if (x === null) continue;
            sum += x;
            found = true;
          }
          return found ? sum : null;
        });
        t = t.withColumn(cmd.fieldname, totals);
      }
      if (!cmd.col) return t;
      const summary: Record<string, Value> = {};
      const summed = cmd.row && !fields.includes(cmd.fieldname) ? [...fields, cmd.fieldname] : fields;
      for (const f of summed) {
        let sum = 0;
        let found = false;
        for (const v of t.column(f) ?? []) {
          const x = numeric(v);
          if (x === null) continue;
          sum += x;
          found = true;
        }
        if (found) summary[f] = sum;
      }
      if (cmd.labelfield !== undefined) summary[cmd.labelfield] = cmd.label;
      return Table.concat(t, Table.fromRows([summary]));
    };
  },
};

function numeric(v: Value): number | null {
  if (v === null || isMulti(v)) return null;
  const x = typeof v === "number" ? v : parseNumber(v as string);
  return Number.isNaN(x) ? null : x;
}
