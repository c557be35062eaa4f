/**
 * `nomv <field>` (nomv reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/nomv): "Converts values
 * of the specified multivalue field into one single value. Separates the values using a new line
 * "\n" delimiter." Right after `mvcombine` it shows mvcombine's single value version instead, whose
 * values are separated by mvcombine's delim (a space by default): mvcombine reference, "To see
 * the output of the delim argument, you must use the nomv command immediately after the mvcombine
 * command" (`mvcombine delim="," host | nomv host` gives `www1,www2,www3`).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { isMulti, toText, type Value } from "../values/value.js";
import { argsOf, rejectKinds, textOf } from "./args.js";
import { singleValueDelim } from "./single-value.js";
import type { CommandDef } from "./types.js";

export const nomv: CommandDef<"nomv"> = {
  kind: "nomv",
  summary: "Joins the values of a multivalue field into one value, one per line (mvcombine's delim right after mvcombine).",
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
      const delim = singleValueDelim(input, cmd.field) ?? "\n";
      return input.withColumn(cmd.field, col.map((v): Value => (v !== null && isMulti(v) ? v.map((a) => toText(a)).join(delim) : v)));
    };
  },
};
