/**
 * The type conversion functions Splunk 10 added (Search Reference 10.0, "Conversion functions"):
 * tobool, todouble, toint, tomv, toarray, toobject. minispl carries a JSON array or object as its
 * text (json-value.ts), so toarray/toobject return normalised JSON text and tomv reads it.
 *
 * Documented rules followed here:
 * - tobool: "true"/"True" → true, "false"/"False" → false, 0 → false, any other number → true,
 *   anything else null.
 * - todouble: a number as it is, a string as tonumber(<value>, <base>), else null.
 * - toint: floor of the number, or of tonumber(<value>, <base>) for a string.
 * - tomv: a JSON array's elements as values; "The tomv function does not remove the quotation marks
 *   from the array values" (the page's table says json_array_to_mv, whose default removes them; the
 *   example output keeps them, and so does this). A multivalue field is returned as it is.
 * - toarray: a multivalue field as mv_to_json_array(<value>, true); a string parsed as a JSON array.
 * - toobject: a string parsed as a JSON object.
 */
import { isMulti, toList, type Atom, type EvalValue, type Value } from "../values/value.js";
import { first, isNumberLike } from "./args.js";
import { parseInBase } from "./conversion.js";
import { jsonDocument, jsonListToValue, isJsonObject, type Json } from "./json-value.js";
import type { FunctionDef } from "./types.js";

/** A value read as a number in `base`: numbers as they are, numeric text, or text in another base. */
function readNumber(a: Atom | boolean | null, base: number): number | null {
  if (a === null || typeof a === "boolean") return null;
  if (typeof a === "number") return a;
  // "If the todouble [toint] function can't parse a field value to a number, such as if the value
  // contains a leading and trailing space, the function returns null."
  if (a !== a.trim()) return null;
  if (base === 10) return isNumberLike(a) ? Number(a) : null;
  return parseInBase(a, base);
}

function baseOf(b: EvalValue | undefined): number | null {
  if (b === undefined) return 10;
  const n = first(b);
  const base = typeof n === "number" ? n : typeof n === "string" && isNumberLike(n) ? Number(n) : null;
  return base !== null && Number.isInteger(base) && base >= 2 && base <= 36 ? base : null;
}

/** Each value of a multivalue field as JSON, inferring its type ("removes one set of bracketing quote characters"); unknown text is null. */
export function inferJson(a: Atom): Json {
  if (typeof a === "number") return a;
  try {
    const j = JSON.parse(a) as Json;
    return j !== null && typeof j === "object" ? null : j;
  } catch {
    return null;
  }
}

/** mv_to_json_array(<field>, <infer_types>) over the values of `v`. */
export function mvToJsonArray(v: EvalValue | undefined, infer: boolean): Value {
  if (v === undefined || v === null || typeof v === "boolean") return null;
  const values = toList(v);
  return JSON.stringify(values.map((a) => (infer ? inferJson(a) : typeof a === "number" ? String(a) : a)));
}

/** The conversion functions added in Splunk 10. */
export const CONVERSION_MORE_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "tobool", category: "conversion", minArgs: 1, maxArgs: 1, signature: "tobool(<value>)",
    summary: 'true for "true"/"True" or a non-zero number, false for "false"/"False" or 0, else null.',
    examples: [{ expr: 'if(tobool("True"), "y", "n")', result: "y" }, { expr: 'if(tobool(0), "y", "n")', result: "n" }],
    impl: ([v]) => {
      const a = first(v);
      if (typeof a === "boolean") return a;
      if (a === "true" || a === "True") return true;
      if (a === "false" || a === "False") return false;
      const n = readNumber(a, 10);
      return n === null ? null : n !== 0;
    },
  },
  {
    name: "todouble", category: "conversion", minArgs: 1, maxArgs: 2, signature: "todouble(<value>, <base>)",
    summary: "The value as a double: a number as it is, a string read in <base> (default 10); else null.",
    examples: [{ expr: 'todouble("16.00")', result: 16 }, { expr: 'isnull(todouble("number"))', result: true }],
    impl: ([v, b]) => {
      const base = baseOf(b);
      return base === null ? null : readNumber(first(v), base);
    },
  },
  {
    name: "toint", category: "conversion", minArgs: 1, maxArgs: 2, signature: "toint(<value>, <base>)",
    summary: "The value rounded down to an integer: a number, or a string read in <base> (default 10); else null.",
    examples: [{ expr: 'toint("24")', result: 24 }, { expr: "toint(3.14)", result: 3 }],
    impl: ([v, b]) => {
      const base = baseOf(b);
      const n = base === null ? null : readNumber(first(v), base);
      return n === null ? null : Math.floor(n);
    },
  },
  {
    name: "tomv", category: "conversion", minArgs: 1, maxArgs: 1, signature: "tomv(<value>)",
    summary: "The elements of a JSON array as a multivalue field, strings keeping their quotes; a multivalue as it is.",
    examples: [{ expr: 'mvjoin(tomv(json_array("a", "b")), ";")', result: '"a";"b"' }],
    impl: ([v]) => {
      if (v === undefined || v === null || typeof v === "boolean") return null;
      if (isMulti(v)) return v;
      const doc = jsonDocument(v);
      return Array.isArray(doc) ? jsonListToValue(doc, true) : null;
    },
  },
  {
    name: "toarray", category: "conversion", minArgs: 1, maxArgs: 1, signature: "toarray(<value>)",
    summary: "A multivalue field or a JSON array string as a JSON array (values typed as JSON); else null.",
    examples: [{ expr: 'toarray(split("1, 2, 3", ","))', result: "[1,2,3]" }, { expr: 'isnull(toarray("somefield"))', result: true }],
    impl: ([v]) => {
      if (v === undefined || v === null || typeof v === "boolean") return null;
      if (isMulti(v)) return mvToJsonArray(v, true);
      const doc = jsonDocument(v);
      return Array.isArray(doc) ? JSON.stringify(doc) : null;
    },
  },
  {
    name: "toobject", category: "conversion", minArgs: 1, maxArgs: 1, signature: "toobject(<value>)",
    summary: "A string holding a JSON object as that object (compact JSON text); else null.",
    examples: [{ expr: 'toobject("{\\"a\\": 1}")', result: '{"a":1}' }],
    impl: ([v]) => {
      const doc = jsonDocument(v);
      return isJsonObject(doc) ? JSON.stringify(doc) : null;
    },
  },
  {
    name: "mv_to_json_array", category: "multivalue", minArgs: 1, maxArgs: 2, signature: "mv_to_json_array(<field>, <infer_types>)",
    summary: "The values of a multivalue field as a JSON array: strings, or with true() each value read as JSON (else null).",
    examples: [
      { expr: 'mv_to_json_array(mvappend("\\"a\\"", "true"))', result: '["\\"a\\"","true"]' },
      { expr: 'mv_to_json_array(mvappend("\\"a\\"", "true"), true())', result: '["a",true]' },
    ],
    impl: ([v, infer]) => mvToJsonArray(v, infer === true),
  },
];
