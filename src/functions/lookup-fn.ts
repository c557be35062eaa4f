/**
 * The lookup() eval function (Search Reference 10.0, "Comparison and Conditional functions"):
 * `lookup("<lookup_table>", json_object("<input_field>", <match_field>, …), json_array("<output_field>", …))`
 * "performs a CSV lookup. It returns the output field or fields in the form of a JSON object": one
 * matching value is a string (`{"status_description":"OK"}`), several are an array
 * (`{"status_description":["OK","Created",…]}`). The table is a CSV file name or a lookup
 * definition of the search's lookups, matched like the lookup command (lookups/matcher.ts: match
 * types, case sensitivity, max_matches). No matching row, or a table that is not loaded, gives null.
 */
import { LookupMatcher } from "../lookups/matcher.js";
import type { LookupTable } from "../lookups/table.js";
import { text } from "./args.js";
import { isJsonObject, jsonDocument, jsonToAtom, type Json } from "./json-value.js";
import type { FnContext, FunctionDef } from "./types.js";

/** Matchers by table and input fields, so a lookup() over many results builds its index once. */
const matchers = new WeakMap<LookupTable, Map<string, LookupMatcher>>();

function matcherFor(ctx: FnContext, name: string, inputs: readonly string[]): { m: LookupMatcher; table: LookupTable } | null {
  const r = ctx.lookups?.resolve(name);
  if (!r || r.table === null || r.definition === null) return null;
  const table = r.table;
  if (!inputs.every((f) => table.fields.includes(f))) return null;
  let byFields = matchers.get(table);
  if (!byFields) matchers.set(table, (byFields = new Map()));
  const key = `${name}\u0000${inputs.join("\u0000")}`;
  let m = byFields.get(key);
  if (!m) byFields.set(key, (m = new LookupMatcher(table, r.definition, inputs)));
  return { m, table };
}

/** The match values of one input field: text of each value of the JSON member. */
function matchValues(j: Json): string[] {
  const list = Array.isArray(j) ? j : [j];
  return list.flatMap((x) => {
    const a = x === null ? null : jsonToAtom(x);
    return a === null ? [] : [String(a)];
  });
}

export const LOOKUP_FUNCTION: FunctionDef = {
  name: "lookup", category: "comparison", minArgs: 3, maxArgs: 3,
  signature: 'lookup("<lookup_table>", json_object("<input_field>", <match_field>, ...), json_array("<output_field>", ...))',
  summary: "A CSV lookup inside eval: the output fields of the matching rows, as a JSON object.",
  examples: [{ expr: 'isnull(lookup("no_such.csv", json_object("a", 1), json_array("b")))', result: true }],
  impl: ([t, inputs, outputs], ctx) => {
    const name = text(t);
    const input = jsonDocument(inputs);
    const output = jsonDocument(outputs);
    if (name === null || !isJsonObject(input) || !Array.isArray(output)) return null;
    const fields = Object.keys(input);
    if (fields.length === 0) return null;
    const found = matcherFor(ctx, name, fields);
    if (found === null) return null;
    const values = fields.map((f) => matchValues(input[f]!));
    if (values.some((v) => v.length === 0)) return null;
    const rows = found.m.match(values);
    if (rows.length === 0) return null;
    const result: Record<string, Json> = {};
    for (const o of output) {
      if (typeof o !== "string") continue;
      const col = found.table.fields.indexOf(o);
      if (col < 0) continue;
      const cells = rows.map((r) => found.table.rows[r]?.[col] ?? null).filter((c): c is string => c !== null && c !== "");
      if (cells.length > 0) result[o] = cells.length === 1 ? cells[0]! : cells;
    }
    return JSON.stringify(result);
  },
};
