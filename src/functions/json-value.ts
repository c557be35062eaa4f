/**
 * JSON values for the eval functions. minispl has no array or object value type (Splunk 10 added
 * them): a JSON array or object is carried as its compact JSON text, and these helpers convert
 * between that text, JSON data and field values.
 */
import { isMulti, mv, type Atom, type EvalValue, type Value } from "../values/value.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The parsed JSON text, or undefined when it is not valid JSON. */
export function parseJson(s: string): Json | undefined {
  try {
    return JSON.parse(s) as Json;
  } catch {
    return undefined;
  }
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(j: Json | undefined): j is { [key: string]: Json } {
  return j !== null && j !== undefined && typeof j === "object" && !Array.isArray(j);
}

/** A JSON value as a field value: strings and numbers as they are, true/false as text, arrays and objects as compact JSON text, null as null. */
export function jsonToAtom(j: Json): Atom | null {
  if (j === null) return null;
  if (typeof j === "string" || typeof j === "number") return j;
  if (typeof j === "boolean") return j ? "true" : "false";
  return JSON.stringify(j);
}

/**
 * A field value as JSON, for building documents: text that is a JSON array or object nests as
 * that structure (so `json_object("name", json_array("maria", "arun"))` nests the array), other
 * text is a string, a multivalue field is an array, a boolean is a boolean.
 */
export function valueToJson(v: EvalValue | undefined): Json {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v;
  if (isMulti(v)) return v.map((a) => valueToJson(a));
  if (typeof v === "number") return v;
  const t = v.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) {
    const j = parseJson(v);
    if (j !== undefined && j !== null && typeof j === "object") return j;
  }
  return v;
}

/** The text of the (first) value parsed as a JSON document (array or object), or undefined. */
export function jsonDocument(v: EvalValue | undefined): Json[] | { [key: string]: Json } | undefined {
  if (v === undefined || v === null || typeof v === "boolean") return undefined;
  const s = isMulti(v) ? v[0] : v;
  if (typeof s !== "string") return undefined;
  const j = parseJson(s);
  return j !== null && j !== undefined && typeof j === "object" ? j : undefined;
}

/** JSON data as the field value a function returns: null stays null, anything else its atom. */
export function jsonResult(j: Json | undefined): Value {
  return j === undefined ? null : jsonToAtom(j);
}

/** A list of JSON elements as a multivalue field (null elements dropped). */
export function jsonListToValue(items: readonly Json[], keepQuotes: boolean): Value {
  const out: Atom[] = [];
  for (const j of items) {
    if (j === null) continue;
    out.push(keepQuotes && typeof j === "string" ? JSON.stringify(j) : (jsonToAtom(j) as Atom));
  }
  return mv(out);
}
