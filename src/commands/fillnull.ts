/**
 * `fillnull [value=<string>] [<field>...]` (fillnull reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/fillnull): replaces
 * null values with `value` (default `0`). "If you specify a field that didn't previously exist, the
 * field is created. If you do not specify a field list, the value is applied to all fields" — all
 * fields that exist: "In order for a field to exist in the schema, it must have at least one
 * non-null value in the event set", so a field that is null in every result (`eval test2=null()`,
 * or a `table` column no result has) is left alone when no list is given (the page's worked
 * example: `| table test test2 | fillnull value=NULL` leaves test2 empty). The filler is stored
 * as the text written (a Splunk field value is a string; `value=0` gives "0"), which compares and
 * sums like the number. Wildcards in the field list match existing fields (docs silent; a choice).
 */
import { expandFields, fieldList } from "./field-list.js";
import { readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";
import type { Value } from "../values/value.js";

const ROWS = '| makeresults format=csv data="a,b\n1,\n,2"';

export const fillnull: CommandDef<"fillnull"> = {
  kind: "fillnull",
  summary: "Replaces null values with a value (default 0), in the listed fields or in all fields.",
  usage: "fillnull [value=<string>] [<field>...]",
  examples: ['| makeresults | eval a=1 | fillnull value=NULL a b', "| makeresults | eval a=null() | fillnull"],
  options: { value: { query: `${ROWS} | fillnull value=NULL`, baseline: `${ROWS} | fillnull` } },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["value"], ctx);
    const v = opts.get("value");
    const value = (v ? textOf(v.value, node, ctx, "a value") : null) ?? "0";
    return { kind: "fillnull", value, fields: fieldList(node, ctx), span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const all = cmd.fields.length === 0;
      const fields = all ? [...input.fields] : expandFields(cmd.fields, input.fields, true);
      let t = input;
      for (const f of fields) {
        const col = t.column(f);
        if (col && !col.includes(null)) continue;
        // No field list: a field with no value in any result does not exist, and is not filled.
        if (all && (!col || col.every((x) => x === null))) continue;
        const out: Value[] = col ? col.map((x) => x ?? cmd.value) : new Array<Value>(t.length).fill(cmd.value);
        t = t.withColumn(f, out);
      }
      return t;
    };
  },
};
