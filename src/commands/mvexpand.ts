/**
 * `mvexpand <field> [limit=<int>]`: mvexpand reference: "Expands the values of a multivalue field
 * into separate events, one event for each value in the multivalue field"; `limit` caps the values
 * expanded per result (the rest are dropped). A single value stays one result. A result without the
 * field is dropped (UNVERIFIED: the commonly reported behaviour, docs silent).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { toList, type Value } from "../values/value.js";
import { argsOf, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const mvexpand: CommandDef<"mvexpand"> = {
  kind: "mvexpand",
  summary: "Turns each value of a multivalue field into a result of its own.",
  usage: "mvexpand <field> [limit=<int>]",
  examples: ['| makeresults | eval x=split("a,b,c", ",") | mvexpand x', '| makeresults | eval x=split("a,b,c", ",") | mvexpand x limit=2'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["limit"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "mvexpand", message: "takes one field" }, p.span));
    if (!pos[0]) {
      ctx.report(diag("bad-argument", { command: "mvexpand", message: "needs a field" }, node.span));
      return null;
    }
    const field = textOf(pos[0].value, node, ctx, "a field name");
    const l = opts.get("limit");
    const limit = l ? (intValue(l.value, node, ctx, "limit") ?? undefined) : undefined;
    return field === null ? null : { kind: "mvexpand", field, ...(limit !== undefined && limit > 0 ? { limit } : {}), span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      if (!col) return input.select([]);
      const rows: number[] = [];
      const values: Value[] = [];
      for (let r = 0; r < input.length; r++) {
        const vals = toList(col[r] ?? null).slice(0, cmd.limit ?? Number.POSITIVE_INFINITY);
        for (const v of vals) {
          rows.push(r);
          values.push(v);
        }
      }
      const out = input.select(rows);
      return out.withColumn(cmd.field, values);
    };
  },
};

