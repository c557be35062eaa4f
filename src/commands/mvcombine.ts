/**
 * `mvcombine [delim=<string>] <field>` (mvcombine reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/mvcombine): "Takes a
 * group of events that are identical except for the specified field, which contains a single value,
 * and combines those events into a single event. The specified field becomes a multivalue field
 * that contains all of the single values from the combined events." The combined result takes the
 * place of the group's first result; values keep their order, duplicates included (docs silent).
 *
 * delim: "The mvcombine command creates a multivalue version of the field you specify, as well as a
 * single value version of the field … separated by a space or by the delimiter that you specify",
 * shown by `nomv` ("To see the output of the delim argument, you must use the nomv command
 * immediately after the mvcombine command"). The multivalue field is what every other command
 * sees; the single value version's delimiter is kept beside the output table (single-value.ts),
 * so `nomv` reads it only when it gets mvcombine's output directly. "The mvcombine command does not apply
 * to internal fields": `mvcombine _time` is an error.
 */
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { mv, toList, type Atom, type Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { keepSingleValueDelim } from "./single-value.js";
import { texts } from "./stream-columns.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="h,n\nw,1\nw,2"';

export const mvcombine: CommandDef<"mvcombine"> = {
  kind: "mvcombine",
  summary: "Merges results that differ only in one field, collecting that field's values.",
  usage: "mvcombine [delim=<string>] <field>",
  examples: ['| makeresults count=3 | streamstats count AS n | eval host="h1" | mvcombine n', `${ROWS} | mvcombine delim="," n | nomv n`],
  options: { delim: { query: `${ROWS} | mvcombine delim="," n | nomv n`, baseline: `${ROWS} | mvcombine n | nomv n` } },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["delim"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "mvcombine", message: "takes one field" }, p.span));
    if (!pos[0]) {
      ctx.report(diag("bad-argument", { command: "mvcombine", message: "needs a field" }, node.span));
      return null;
    }
    const field = textOf(pos[0].value, node, ctx, "a field name");
    if (field?.startsWith("_")) {
      ctx.report(diag("bad-argument", { command: "mvcombine", message: `does not apply to internal fields such as ${field}` }, pos[0].span));
      return null;
    }
    const d = opts.get("delim");
    const delim = (d ? textOf(d.value, node, ctx, "a delimiter") : null) ?? " ";
    return field === null ? null : { kind: "mvcombine", field, delim, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const out = combine(input, cmd.field);
      return out === input ? out : keepSingleValueDelim(out, (f) => (f === cmd.field ? cmd.delim : undefined));
    };
  },
};

function combine(input: Table, field: string): Table {
  const col = input.column(field);
  if (!col) return input;
  const others = input.fields.filter((f) => f !== field).map((f) => input.column(f) ?? []);
  const groups = new Map<string, { first: number; values: Atom[] }>();
  for (let r = 0; r < input.length; r++) {
    const key = JSON.stringify(others.map((c) => {
      const v = c[r] ?? null;
      return v === null ? null : texts(v);
    }));
    const g = groups.get(key);
    const vals = toList(col[r] ?? null);
    if (g) g.values.push(...vals);
    else groups.set(key, { first: r, values: vals });
  }
  const list = [...groups.values()];
  // A fresh table even when nothing merged: the delimiter belongs to this output only.
  return input.select(list.map((g) => g.first)).withColumn(field, list.map((g): Value => mv(g.values)));
}
