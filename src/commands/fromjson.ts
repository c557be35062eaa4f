/**
 * `fromjson <field> [prefix=<string>]`: fromjson reference: "If you give the fromjson command a
 * single field name that points to proper JSON objects, fromjson returns keys as fields and key
 * values as field values"; "Converts JSON-formatted objects into multivalue fields": a JSON array
 * becomes a multivalue field (one value per element, nested objects as their JSON text); a nested
 * object stays JSON text; `prefix` is prepended to each new field name. A value that is not a JSON
 * object extracts nothing; numbers keep their written form (stream-json.ts); a null value makes no
 * field (example 3).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { mv } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { ColumnWriter, texts } from "./stream-columns.js";
import { jsonText, parseJson } from "./stream-json.js";
import type { CommandDef } from "./types.js";

export const fromjson: CommandDef<"fromjson"> = {
  kind: "fromjson",
  summary: "Turns the top-level keys of a JSON object in a field into fields (arrays become multivalue).",
  usage: "fromjson <field> [prefix=<string>]",
  examples: ['| makeresults | eval object=json_object("name", "Albert", "age", 63) | fromjson object prefix=json_'],
  options: {
    prefix: { query: "| makeresults | eval o=json_object(\"a\", 1) | fromjson o prefix=j_", baseline: "| makeresults | eval o=json_object(\"a\", 1) | fromjson o" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["prefix"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "fromjson", message: "takes one field" }, p.span));
    const first = pos[0];
    if (!first) {
      ctx.report(diag("bad-argument", { command: "fromjson", message: "needs the field that holds the JSON" }, node.span));
      return null;
    }
    const field = textOf(first.value, node, ctx, "a field name");
    const p = opts.get("prefix");
    const prefix = (p ? textOf(p.value, node, ctx, "a prefix") : null) ?? "";
    return field === null ? null : { kind: "fromjson", field, prefix, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const col = input.column(cmd.field);
      if (!col) return input;
      const out = new ColumnWriter(input);
      for (let r = 0; r < input.length; r++) {
        const first = texts(col[r] ?? null)[0];
        const doc = first === undefined ? null : parseJson(first.trim());
        if (doc?.kind !== "object") continue;
        for (const [k, v] of doc.entries) {
          // A key whose value is null makes no field: the page's example 3 object has "null":null
          // and its result table no null column.
          if (v.kind === "scalar" && v.jsonNull) continue;
          out.set(cmd.prefix + k, r, v.kind === "array" ? mv(v.items.map(jsonText)) : jsonText(v));
        }
      }
      return out.table();
    };
  },
};
