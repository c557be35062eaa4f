/**
 * `table a b c*`: keeps only the listed fields, in that order (wildcards expand in input order).
 * A listed field with no values still gets its column, as Splunk's table shows it.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { rejectKinds } from "./args.js";
import { unknownFieldWarnings } from "../executor/field-hints.js";
import { expandFields, fieldList } from "./field-list.js";
import type { CommandDef } from "./types.js";

export const table: CommandDef<"table"> = {
  kind: "table",
  summary: "Keeps only the listed fields, in the listed order.",
  usage: "table <field>...",
  examples: ["| makeresults | eval a=1, b=2, c=3 | table c a"],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    const fields = fieldList(node, ctx);
    if (fields.length === 0) {
      ctx.report(diag("bad-argument", { command: "table", message: "needs at least one field" }, node.span));
      return null;
    }
    return { kind: "table", fields, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      if (input.length > 0) for (const w of unknownFieldWarnings("table", cmd.fields, input.fields, ctx.store, cmd.span)) ctx.warn(w);
      return input.project(expandFields(cmd.fields, input.fields, true));
    };
  },
};
