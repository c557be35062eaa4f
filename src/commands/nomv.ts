/**
 * `nomv <field>`: nomv reference: "Converts values of the specified multivalue field into one single
 * value. Separates the values using a new line "\n" delimiter."
 */
import { diag } from "../diagnostics/diagnostic.js";
import { isMulti, toText, type Value } from "../values/value.js";
import { argsOf, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const nomv: CommandDef<"nomv"> = {
  kind: "nomv",
  summary: "Joins the values of a multivalue field into one value, one per line.",
  usage: "nomv <field>",
  examples: ['| makeresults | eval x=split("a,b", ",") | nomv x'],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "nomv", message: "takes one field" }, p.span));
    if (!pos[0]) {
      ctx.report(diag("bad-argument", { command: "nomv", message: "needs a field" }, node.span));
      return null;
    }
    const field = textOf(pos[0].value, node, ctx, "a field name");
    return field === null ? null : { kind: "nomv", field, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      if (!col || !col.some((v) => v !== null && isMulti(v))) return input;
      return input.withColumn(cmd.field, col.map((v): Value => (v !== null && isMulti(v) ? v.map((a) => toText(a)).join("\n") : v)));
    };
  },
};
