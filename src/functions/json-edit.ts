/**
 * JSON functions that return an edited copy of a document (Search Reference 10.0, "JSON
 * functions"): json_append, json_extend, json_set, json_set_exact, json_delete. Path/value pairs are
 * applied left to right, each to the result of the one before; a path that selects nothing is
 * ignored, and a first argument that is not a JSON document gives null ("outputs nothing").
 */
import type { EvalValue } from "../values/value.js";
import { text } from "./args.js";
import { pathSteps, updateAt, type Step } from "./json-path.js";
import { isJsonObject, jsonDocument, valueToJson, type Json } from "./json-value.js";
import type { FunctionDef } from "./types.js";

type Edit = (doc: Json, steps: readonly Step[], value: EvalValue | undefined) => Json;

/** Applies `edit` for each (path, value) pair; null when the document or a path is not valid. */
function pairs(edit: Edit, literalKeys = false): FunctionDef["impl"] {
  return ([v, ...rest]) => {
    let doc: Json | undefined = jsonDocument(v);
    if (doc === undefined) return null;
    for (let i = 0; i + 1 < rest.length; i += 2) {
      const path = text(rest[i]);
      if (path === null) continue;
      const steps = literalKeys ? [{ key: path }] : pathSteps(path);
      if (steps === null) continue;
      doc = edit(doc, steps, rest[i + 1]);
    }
    return JSON.stringify(doc);
  };
}

/** The target as an array to add to: an array as it is, a scalar or object wrapped ("autowraps"). */
const asArray = (old: Json): Json[] => (Array.isArray(old) ? old : [old]);

const append: Edit = (doc, steps, value) =>
  updateAt(doc, steps, false, (old) => (old === undefined ? undefined : [...asArray(old), valueToJson(value)]));

const extend: Edit = (doc, steps, value) => {
  const add = valueToJson(value);
  if (!Array.isArray(add)) return doc;
  return updateAt(doc, steps, false, (old) => (old === undefined ? undefined : [...asArray(old), ...add]));
};

const set: Edit = (doc, steps, value) => updateAt(doc, steps, true, () => valueToJson(value));

/** Removes the key at the end of the path (a nested key through dots; arrays are not indexed). */
function deleteKey(doc: Json, path: string): Json {
  const keys = path.split(".");
  const last = keys.pop()!;
  return updateAt(doc, keys.map((key) => ({ key })), false, (node) => {
    if (!isJsonObject(node) || !Object.hasOwn(node, last)) return undefined;
    const { [last]: _removed, ...kept } = node;
    return kept;
  });
}

/** The JSON editing functions. */
export const JSON_EDIT_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "json_append", category: "json", minArgs: 3, maxArgs: Infinity, signature: "json_append(<json>, <path>, <value>, ...)",
    summary: "Appends each value (an array as one element) to the array at its path; a scalar there is wrapped in an array.",
    examples: [{ expr: 'json_append("{\\"l\\":[\\"a\\"]}", "l", "b")', result: '{"l":["a","b"]}' }],
    impl: pairs(append),
  },
  {
    name: "json_extend", category: "json", minArgs: 3, maxArgs: Infinity, signature: "json_extend(<json>, <path>, <array>, ...)",
    summary: "Appends the elements of each array to the array at its path.",
    examples: [{ expr: 'json_extend("{\\"l\\":[\\"a\\"]}", "l", json_array("b", "c"))', result: '{"l":["a","b","c"]}' }],
    impl: pairs(extend),
  },
  {
    name: "json_set", category: "json", minArgs: 3, maxArgs: Infinity, signature: "json_set(<json>, <path>, <value>, ...)",
    summary: "Sets the value at each path, creating missing keys; a path that does not fit the document is skipped.",
    examples: [{ expr: 'json_set("{}", "a.b", 1)', result: '{"a":{"b":1}}' }],
    impl: pairs(set),
  },
  {
    name: "json_set_exact", category: "json", minArgs: 3, maxArgs: Infinity, signature: "json_set_exact(<json>, <key>, <value>, ...)",
    summary: "Sets each top-level key, taken literally (dots are part of the key).",
    examples: [{ expr: 'json_set_exact(json_object(), "a.b", 1)', result: '{"a.b":1}' }],
    impl: pairs(set, true),
  },
  {
    name: "json_delete", category: "json", minArgs: 2, maxArgs: Infinity, signature: "json_delete(<object>, <keys>)",
    summary: "The object without the given keys (a dotted key reaches into nested objects; a JSON array lists keys).",
    examples: [{ expr: 'json_delete("{\\"a\\":1,\\"b\\":2}", "a")', result: '{"b":2}' }],
    impl: ([v, ...keys]) => {
      let doc: Json | undefined = jsonDocument(v);
      if (!isJsonObject(doc)) return null;
      for (const k of keys) {
        const listed = jsonDocument(k);
        const names = Array.isArray(listed) ? listed.filter((x): x is string => typeof x === "string") : [text(k)];
        for (const name of names) if (name !== null) doc = deleteKey(doc, name);
      }
      return JSON.stringify(doc);
    },
  },
];
