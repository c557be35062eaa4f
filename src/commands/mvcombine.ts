/**
 * `mvcombine [delim=<string>] <field>`: mvcombine reference: "Takes a group of events that are
 * identical except for the specified field, which contains a single value, and combines those events
 * into a single event. The specified field becomes a multivalue field that contains all of the
 * single values from the combined events." The combined result takes the place of the group's first
 * result; values keep their order, duplicates included (docs silent). `delim` only shapes Splunk's
 * single-value rendering of the field, which this engine does not keep (use nomv or mvjoin).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { mv, toList, type Atom, type Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { texts } from "./stream-columns.js";
import type { CommandDef } from "./types.js";

export const mvcombine: CommandDef<"mvcombine"> = {
  kind: "mvcombine",
  summary: "Merges results that differ only in one field, collecting that field's values.",
  usage: "mvcombine [delim=<string>] <field>",
  examples: ['| makeresults count=3 | streamstats count AS n | eval host="h1" | mvcombine n'],
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
    const d = opts.get("delim");
    const delim = (d ? textOf(d.value, node, ctx, "a delimiter") : null) ?? " ";
    return field === null ? null : { kind: "mvcombine", field, delim, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      if (!col) return input;
      const others = input.fields.filter((f) => f !== cmd.field).map((f) => input.column(f) ?? []);
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
      if (groups.size === input.length) return input;
      const list = [...groups.values()];
      return input.select(list.map((g) => g.first)).withColumn(cmd.field, list.map((g): Value => mv(g.values)));
    };
  },
};
