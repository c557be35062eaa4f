/**
 * `fillnull [value=<string>] [<field>...]`: replaces null values with `value` (default `0`).
 * FILLNULL (spl-semantics.md §7): "If you do not specify a field list, the value is applied to all
 * fields"; a named field that does not exist yet is created. The filler is stored as the text
 * written (a Splunk field value is a string; `value=0` gives "0"), which compares and sums like the
 * number. Wildcards in the field list match existing fields (docs silent; a choice).
 */
import { expandFields, fieldList } from "./field-list.js";
import { readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";
import type { Value } from "../values/value.js";

export const fillnull: CommandDef<"fillnull"> = {
  kind: "fillnull",
  summary: "Replaces null values with a value (default 0), in the listed fields or in all fields.",
  usage: "fillnull [value=<string>] [<field>...]",
  examples: ['| makeresults | eval a=1 | fillnull value=NULL a b', "| makeresults | eval a=null() | fillnull"],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["value"], ctx);
    const v = opts.get("value");
    const value = (v ? textOf(v.value, node, ctx, "a value") : null) ?? "0";
    return { kind: "fillnull", value, fields: fieldList(node, ctx), span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const fields = cmd.fields.length === 0 ? [...input.fields] : expandFields(cmd.fields, input.fields, true);
      let t = input;
      for (const f of fields) {
        const col = t.column(f);
        if (col && !col.includes(null)) continue;
        const out: Value[] = col ? col.map((x) => x ?? cmd.value) : new Array<Value>(t.length).fill(cmd.value);
        t = t.withColumn(f, out);
      }
      return t;
    };
  },
};
