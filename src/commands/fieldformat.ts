/**
 * `fieldformat <field>=<eval-expression>` (fieldformat reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/fieldformat): changes
 * "the format of a field value when the results render ... without changing the underlying value
 * of the field". The format travels with the results (Table.withFormat) and is applied when the
 * search's results are shown (Table.rendered, in runSearch), to the field's value at that point:
 * every later command, and exports such as outputlookup, see the value itself. A later
 * fieldformat of the same field replaces the earlier one. The field may be "a new or existing
 * field": a new one appears, holding the expression's value, only in the results as shown.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import type { Value } from "../values/value.js";
import { argsOf, rejectKinds } from "./args.js";
import { checkExpr, isBooleanExpr } from "./check-expr.js";
import type { CommandDef } from "./types.js";

export const fieldformat: CommandDef<"fieldformat"> = {
  kind: "fieldformat",
  summary: "Changes how a field's values are shown, not the values later commands see.",
  usage: "fieldformat <field>=<eval-expression>",
  examples: ['| makeresults | eval n=1234567 | fieldformat n=tostring(n, "commas")', '| makeresults | eval total=1234.5 | fieldformat total="$" . tostring(total, "commas")'],
  check(node, ctx) {
    rejectKinds(node, ["option", "positional", "by", "where", "expr", "search"], ctx);
    const assigns = argsOf(node, "assign");
    const a = assigns[0];
    if (!a) {
      ctx.report(diag("bad-argument", { command: "fieldformat", message: "needs <field>=<eval-expression>" }, node.span));
      return null;
    }
    for (const extra of assigns.slice(1)) ctx.report(diag("bad-argument", { command: "fieldformat", message: "formats one field; use another fieldformat for the next" }, extra.span));
    checkExpr(a.expr, ctx);
    if (isBooleanExpr(a.expr)) {
      ctx.report(diag("bad-argument", { command: "fieldformat", message: `the format of "${a.field}" would be a boolean; use if(<condition>, <then>, <else>)` }, a.expr.span));
    }
    return { kind: "fieldformat", field: a.field, expr: a.expr, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) =>
      input.withFormat({
        field: cmd.field,
        render(t) {
          const f = compileExpr(cmd.expr, t, ctx.fn);
          const out = new Array<Value>(t.length);
          for (let i = 0; i < t.length; i++) {
            const v = f(i);
            out[i] = typeof v === "boolean" ? null : v;
          }
          return out;
        },
      });
  },
};
