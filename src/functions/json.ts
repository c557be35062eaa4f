/**
 * JSON functions that build, read and test JSON (Search Reference 10.0, "JSON functions"): json,
 * json_object, json_array, json_array_to_mv, json_entries, json_extract, json_extract_exact,
 * json_has_key_exact, json_keys, json_valid; the functions that edit a document are in
 * json-edit.ts. A JSON array or object is carried as its compact text (json-value.ts), so
 * `json_object("name", json_array("maria", "arun"))` nests the array.
 *
 * json_extract: one path gives the value there as a field value (an object or array as its text);
 * a path with `{}` or several paths give a JSON array ("Extracts all of the paths … and returns it
 * as a JSON array"; `json_extract(cities, "{}.name")` is `["London","Venice","San Francisco"]`).
 */
import { isMulti, toList, type EvalValue } from "../values/value.js";
import { text } from "./args.js";
import { pathSteps, select } from "./json-path.js";
import {
  isJsonObject, jsonDocument, jsonListToValue, jsonResult, jsonToAtom, parseJson, valueToJson, type Json,
} from "./json-value.js";
import type { FunctionDef } from "./types.js";

/** The JSON a value holds: its text parsed (a string when the text is not JSON), a number as it is. */
function anyJson(v: EvalValue | undefined): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean" || typeof v === "number") return v;
  if (isMulti(v)) return valueToJson(v);
  return parseJson(v);
}

/** Results of several lookups: one lookup gives its value, more give a JSON array of them. */
function oneOrArray(found: readonly (Json | undefined)[], forceArray: boolean): EvalValue {
  if (!forceArray && found.length === 1) return jsonResult(found[0]);
  const kept = found.filter((j): j is Json => j !== undefined);
  return kept.length === 0 ? null : JSON.stringify(kept);
}

function extractPath(doc: Json, path: string): { values: Json[]; many: boolean } | null {
  const steps = pathSteps(path);
  if (steps === null) return null;
  const { nodes, spread } = select(doc, steps);
  return { values: nodes, many: spread };
}

const jsonExtract: FunctionDef = {
  name: "json_extract", category: "json", minArgs: 1, maxArgs: Infinity, signature: "json_extract(<json>, <paths>)",
  summary: "The value at each path (a.b{0}.c, {} for every element) of a JSON document; several values as a JSON array.",
  examples: [
    { expr: 'json_extract("{\\"a\\":{\\"b\\":[1,2]}}", "a.b{1}")', result: 2 },
    { expr: 'json_extract("[{\\"n\\":\\"x\\"},{\\"n\\":\\"y\\"}]", "{}.n")', result: '["x","y"]' },
  ],
  impl: ([v, ...paths]) => {
    const doc = anyJson(v);
    if (doc === undefined) return null;
    if (paths.length === 0) return jsonToAtom(doc);
    const found: (Json | undefined)[] = [];
    let many = paths.length > 1;
    for (const p of paths) {
      const path = text(p);
      const r = path === null ? null : path === "" ? { values: [doc], many: false } : extractPath(doc, path);
      if (r === null || r.values.length === 0) {
        found.push(undefined);
        continue;
      }
      if (r.many) many = true;
      found.push(...(r.many ? r.values : [r.values[0]!]));
    }
    return oneOrArray(found, many);
  },
};

const jsonExtractExact: FunctionDef = {
  name: "json_extract_exact", category: "json", minArgs: 1, maxArgs: Infinity, signature: "json_extract_exact(<json>, <keys>)",
  summary: "The value of each top-level key, matched literally (dots are part of the key); several as a JSON array.",
  examples: [{ expr: 'json_extract_exact("{\\"system.splunk.path\\":\\"/opt/splunk/\\"}", "system.splunk.path")', result: "/opt/splunk/" }],
  impl: ([v, ...keys]) => {
    const doc = anyJson(v);
    if (doc === undefined) return null;
    if (keys.length === 0) return jsonToAtom(doc);
    const found = keys.map((k) => {
      const key = text(k);
      return key !== null && isJsonObject(doc) && Object.hasOwn(doc, key) ? doc[key] : undefined;
    });
    return oneOrArray(found, keys.length > 1);
  },
};

const jsonObject: FunctionDef = {
  name: "json_object", category: "json", minArgs: 0, maxArgs: Infinity, signature: "json_object(<key>, <value>, ...)",
  summary: "A JSON object built from key/value pairs; a value that is a JSON array or object nests.",
  examples: [
    { expr: 'json_object("name", "maria", "n", 2)', result: '{"name":"maria","n":2}' },
    { expr: 'json_object("name", json_array("maria", "arun"))', result: '{"name":["maria","arun"]}' },
  ],
  impl: (args) => {
    const obj: Record<string, Json> = {};
    for (let i = 0; i + 1 < args.length; i += 2) {
      const k = text(args[i]);
      if (k !== null) obj[k] = valueToJson(args[i + 1]);
    }
    return JSON.stringify(obj);
  },
};

const jsonArray: FunctionDef = {
  name: "json_array", category: "json", minArgs: 0, maxArgs: Infinity, signature: "json_array(<values>)",
  summary: "A JSON array of the arguments; a value that is a JSON array or object nests.",
  examples: [{ expr: 'json_array("a", 1)', result: '["a",1]' }],
  impl: (args) => JSON.stringify(args.map((a) => valueToJson(a))),
};

const jsonArrayToMv: FunctionDef = {
  name: "json_array_to_mv", category: "json", minArgs: 1, maxArgs: 2, signature: "json_array_to_mv(<json_array>, <boolean>)",
  summary: "The elements of a JSON array as a multivalue field; true() keeps the quotes of strings.",
  examples: [{ expr: 'json_array_to_mv(json_array("a", "b"))', result: ["a", "b"] }],
  impl: ([v, keep]) => {
    const doc = jsonDocument(v);
    return Array.isArray(doc) ? jsonListToValue(doc, keep === true) : null;
  },
};

const jsonEntries: FunctionDef = {
  name: "json_entries", category: "json", minArgs: 1, maxArgs: 1, signature: "json_entries(<value>)",
  summary: 'The top-level members of a JSON object as a JSON array of {"key":…,"value":…} objects.',
  examples: [{ expr: 'json_entries("{\\"a\\": 1}")', result: '[{"key":"a","value":1}]' }],
  impl: ([v]) => {
    const doc = jsonDocument(v);
    return isJsonObject(doc) ? JSON.stringify(Object.entries(doc).map(([key, value]) => ({ key, value }))) : null;
  },
};

const jsonHasKeyExact: FunctionDef = {
  name: "json_has_key_exact", category: "json", minArgs: 2, maxArgs: 2, signature: "json_has_key_exact(<object>, <key>)",
  summary: "True when the JSON object has the top-level key, matched literally.",
  examples: [{ expr: 'json_has_key_exact("{\\"a.b\\":10}", "a.b")', result: true }],
  impl: ([v, k]) => {
    const doc = jsonDocument(v);
    const key = text(k);
    return key !== null && isJsonObject(doc) && Object.hasOwn(doc, key);
  },
};

const jsonKeys: FunctionDef = {
  name: "json_keys", category: "json", minArgs: 1, maxArgs: 1, signature: "json_keys(<json>)",
  summary: "The keys of a JSON object, as JSON array text.",
  examples: [{ expr: 'json_keys("{\\"a\\":1,\\"b\\":2}")', result: '["a","b"]' }],
  impl: ([v]) => {
    const doc = jsonDocument(v);
    return isJsonObject(doc) ? JSON.stringify(Object.keys(doc)) : null;
  },
};

const jsonValid: FunctionDef = {
  name: "json_valid", category: "json", minArgs: 1, maxArgs: 1, signature: "json_valid(<json>)",
  summary: "True when the string is valid JSON.",
  examples: [{ expr: 'json_valid("{\\"a\\":1}")', result: true }, { expr: 'json_valid("{a")', result: false }],
  impl: ([v]) => {
    const s = text(v);
    return s === null ? null : parseJson(s) !== undefined;
  },
};

const json: FunctionDef = {
  name: "json", category: "json", minArgs: 1, maxArgs: 1, signature: "json(<value>)",
  summary: "The value when it is valid JSON, else null.",
  examples: [{ expr: 'json("{\\"animal\\":\\"pony\\"}")', result: '{"animal":"pony"}' }, { expr: 'isnull(json("Golden Gate"))', result: true }],
  impl: ([v]) => {
    if (v === undefined || v === null || typeof v === "boolean") return null;
    return toList(v).every((a) => typeof a === "number" || parseJson(a) !== undefined) ? v : null;
  },
};

/** The JSON functions that build, read and test documents. */
export const JSON_FUNCTIONS: readonly FunctionDef[] = [
  json, jsonObject, jsonArray, jsonArrayToMv, jsonEntries, jsonExtract, jsonExtractExact, jsonHasKeyExact, jsonKeys, jsonValid,
];
