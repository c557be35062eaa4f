/**
 * `tojson [<type>(<wc-field>)|<wc-field>]... [default_type=<type>] [fill_null=<bool>]
 * [include_internal=<bool>] [output_field=<field>]` (tojson reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tojson): "Converts
 * events into JSON objects." Named fields (exact or wildcard) limit the object to those fields; with
 * none, every field is converted ("it applies none(*)"). A field named without a datatype function
 * gets `default_type` (default none). Multivalue fields become JSON arrays. A value a datatype
 * skips (num of "abc", json of bad JSON) is left out, or written as null with fill_null=true.
 * Internal fields (`_time`, `_raw`, …) are left out unless include_internal=true. The object is
 * written, compact, into `output_field` (default `_raw`). Datatype rules: tojson-values.ts.
 * Choice: keys follow the order of the field specs, then the input's field order.
 */
import type { JsonType } from "../ast/commands-extra.js";
import { diag } from "../diagnostics/diagnostic.js";
import { fieldPattern } from "../executor/wildcard.js";
import { isMulti, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { jsonAtom, type Json } from "./tojson-values.js";
import type { CommandDef } from "./types.js";

const TYPES: readonly JsonType[] = ["auto", "bool", "json", "none", "num", "str"];
const ROW = '| makeresults | eval name="Amy", age="30", ok="true", tags=split("a,b", ",")';

export const tojson: CommandDef<"tojson"> = {
  kind: "tojson",
  summary: "Writes each result's fields as a JSON object into a field (_raw by default).",
  usage: "tojson [auto|bool|json|none|num|str(<wc-field>)|<wc-field>]... [default_type=<type>] [fill_null=<bool>] [include_internal=<bool>] [output_field=<field>]",
  examples: [`${ROW} | tojson`, `${ROW} | tojson auto(*) output_field=doc`],
  options: {
    default_type: { query: `${ROW} | tojson ok default_type=bool`, baseline: `${ROW} | tojson ok` },
    fill_null: { query: `${ROW} | tojson num(name) fill_null=true`, baseline: `${ROW} | tojson num(name)` },
    include_internal: { query: `${ROW} | tojson include_internal=true output_field=doc`, baseline: `${ROW} | tojson output_field=doc` },
    output_field: { query: `${ROW} | tojson output_field=doc`, baseline: `${ROW} | tojson` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["default_type", "fill_null", "include_internal", "output_field"], ctx);
    const dt = opts.get("default_type");
    let defaultType: JsonType = "none";
    if (dt) {
      const t = textOf(dt.value, node, ctx, "a datatype")?.toLowerCase();
      if (!TYPES.includes(t as JsonType)) {
        ctx.report(diag("bad-argument", { command: "tojson", message: `default_type must be one of ${TYPES.join(", ")}` }, dt.value.span));
        return null;
      }
      defaultType = t as JsonType;
    }
    const specs: { type: JsonType; pattern: string }[] = [];
    for (const p of argsOf(node, "positional")) {
      const v = p.value;
      if (v.kind === "call") {
        const type = v.name.toLowerCase() as JsonType;
        if (!TYPES.includes(type)) {
          ctx.report(diag("bad-argument", { command: "tojson", message: `unknown datatype function ${v.name}(); use ${TYPES.join(", ")}` }, v.span));
          return null;
        }
        if (v.args.length === 0) {
          ctx.report(diag("bad-argument", { command: "tojson", message: `${v.name}() needs a field name or wildcard` }, v.span));
          return null;
        }
        for (const a of v.args) {
          const f = textOf(a, node, ctx, "a field name");
          if (f === null) return null;
          specs.push({ type, pattern: f });
        }
        continue;
      }
      const t = textOf(v, node, ctx, "a field name or datatype function");
      if (t === null) return null;
      for (const f of t.split(",").map((s) => s.trim()).filter(Boolean)) specs.push({ type: defaultType, pattern: f });
    }
    if (specs.length === 0) specs.push({ type: defaultType, pattern: "*" });
    const of = opts.get("output_field");
    const outputField = of ? textOf(of.value, node, ctx, "a field name") : "_raw";
    if (outputField === null) return null;
    return {
      kind: "tojson", specs, defaultType,
      fillNull: boolOption(opts.get("fill_null"), node, ctx, false),
      includeInternal: boolOption(opts.get("include_internal"), node, ctx, false),
      outputField, span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      // Which fields go in, with which type: the first spec that names a field decides.
      const chosen = new Map<string, JsonType>();
      const candidates = input.fields.filter((f) => cmd.includeInternal || !f.startsWith("_"));
      for (const s of cmd.specs) {
        const re = fieldPattern(s.pattern);
        for (const f of candidates) if (!chosen.has(f) && re.test(f)) chosen.set(f, s.type);
      }
      const out = new Array<Value>(input.length);
      for (let i = 0; i < input.length; i++) {
        const obj: Record<string, Json> = {};
        for (const [f, type] of chosen) {
          const j = toJson(input.get(f, i), type, cmd.fillNull);
          if (j !== undefined) obj[f] = j;
        }
        out[i] = JSON.stringify(obj);
      }
      return input.withColumn(cmd.outputField, out);
    };
  },
};

/** A field's JSON value: undefined leaves the key out (a missing field, or a skipped value). */
function toJson(v: Value, type: JsonType, fillNull: boolean): Json | undefined {
  if (v === null) return undefined;
  if (isMulti(v)) {
    const items: Json[] = [];
    for (const a of v) {
      const j = jsonAtom(a, type);
      if (j !== undefined) items.push(j);
      else if (fillNull) items.push(null);
    }
    return items;
  }
  const j = jsonAtom(v, type);
  return j === undefined && fillNull ? null : j;
}
