/**
 * `fields [+|-] a b*`: keeps or removes fields. Keeping leaves internal `_*` fields in place, as
 * Splunk does unless they are removed explicitly.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { rejectKinds } from "./args.js";
import { unknownFieldWarnings } from "../executor/field-hints.js";
import { expandFields, fieldList } from "./field-list.js";
import type { CommandDef } from "./types.js";

export const fields: CommandDef<"fields"> = {
  kind: "fields",
  summary: "Keeps (+, the default) or removes (-) fields.",
  usage: "fields [+|-] <field>...",
  examples: ["| makeresults | eval a=1, b=2 | fields - b", "| makeresults | eval a=1, b=2 | fields a"],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    let list = fieldList(node, ctx);
    let remove = false;
    if (list[0] === "-" || list[0] === "+") {
      remove = list[0] === "-";
      list = list.slice(1);
    } else if (list[0]?.startsWith("-") && list[0].length > 1) {
      remove = true;
      list = [list[0].slice(1), ...list.slice(1)];
    }
    if (list.length === 0) {
      ctx.report(diag("bad-argument", { command: "fields", message: "needs at least one field" }, node.span));
      return null;
    }
    return { kind: "fields", remove, fields: list, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      if (input.length > 0) for (const w of unknownFieldWarnings("fields", cmd.fields, input.fields, ctx.store, cmd.span)) ctx.warn(w);
      const named = expandFields(cmd.fields, input.fields, false);
      if (cmd.remove) return input.project(input.fields.filter((f) => !named.includes(f)));
      const internal = input.fields.filter((f) => f.startsWith("_") && !named.includes(f));
      return input.project([...named, ...internal]);
    };
  },
};
