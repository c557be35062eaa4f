/**
 * `filldown [<wc-field-list>]` (filldown reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/filldown): "Replaces
 * null values with the last non-null value for a field or set of fields. If no list of fields is
 * given, the filldown command will be applied to all fields. If there were not any previous values
 * for a field, it is left blank (NULL)." Wildcards in the list match the fields of the results.
 */
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds } from "./args.js";
import { expandFields, fieldList } from "./field-list.js";
import type { CommandDef } from "./types.js";

export const filldown: CommandDef<"filldown"> = {
  kind: "filldown",
  summary: "Replaces null values with the last non-null value of the field above them.",
  usage: "filldown [<field>...]",
  examples: ['| makeresults format=csv data="a,b\n1,x\n,\n3," | filldown', '| makeresults format=csv data="a,b\n1,x\n,\n3," | filldown b'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    readOptions(node, [], ctx);
    return { kind: "filldown", fields: fieldList(node, ctx), span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const fields = cmd.fields.length === 0 ? input.fields : expandFields(cmd.fields, input.fields, false);
      let t = input;
      for (const f of fields) {
        const col = t.column(f);
        if (!col || !col.includes(null)) continue;
        const out = new Array<Value>(col.length);
        let last: Value = null;
        for (let i = 0; i < col.length; i++) {
          const v = col[i] ?? null;
          if (v !== null) last = v;
          out[i] = v ?? last;
        }
        t = t.withColumn(f, out);
      }
      return t;
    };
  },
};
