/**
 * `setfields <field>="<value>"[, <field>="<value>"]...` (setfields reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/setfields): "Sets the
 * value of the given fields to the specified values for each event in the result set." "Missing
 * fields are added, present fields are overwritten."
 */
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const setfields: CommandDef<"setfields"> = {
  kind: "setfields",
  summary: "Sets fields to the same given value in every result.",
  usage: 'setfields <field>="<value>"[, <field>="<value>"]...',
  examples: ['| makeresults count=2 | setfields ip="10.10.10.10", foo="foo bar"'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    for (const p of argsOf(node, "positional")) {
      const t = p.value.kind === "word" ? p.value.text : null;
      if (t !== ",") ctx.report(diag("bad-argument", { command: "setfields", message: 'expected <field>="<value>"' }, p.span));
    }
    const assignments: { field: string; value: string }[] = [];
    for (const o of argsOf(node, "option")) {
      const v = textOf(o.value, node, ctx, "a quoted value");
      if (v === null) return null;
      assignments.push({ field: o.key, value: v.replace(/,$/, "") });
    }
    if (assignments.length === 0) {
      ctx.report(diag("bad-argument", { command: "setfields", message: 'needs at least one <field>="<value>"' }, node.span));
      return null;
    }
    return { kind: "setfields", assignments, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      let t = input;
      for (const a of cmd.assignments) t = t.withColumn(a.field, new Array(t.length).fill(a.value));
      return t;
    };
  },
};
