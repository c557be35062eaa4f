/**
 * Informational functions: isnull, isnotnull, isnum, isint, isstr, isbool, typeof.
 *
 * Splunk types a field value that looks like a number as a number, and minispl stores extracted
 * values as strings, so a numeric-looking string counts as a number here (`isnum("5")` is true).
 * A string literal in the query is typed the same way; that differs from Splunk only for literals
 * such as `typeof("5")`, which no ESCU search writes. A multivalue value is judged by its first
 * value, except typeof, which names it "Multivalue" (docs silent; a choice).
 */
import { isMulti, type EvalValue } from "../values/value.js";
import { first, isNumberLike } from "./args.js";
import type { FunctionDef } from "./types.js";

function typeName(v: EvalValue | undefined): string {
  if (v === undefined || v === null) return "Invalid";
  if (isMulti(v)) return "Multivalue";
  if (typeof v === "boolean") return "Boolean";
  return isNumberLike(v) ? "Number" : "String";
}

function isNum(v: EvalValue | undefined): boolean {
  const f = first(v);
  return f !== null && typeof f !== "boolean" && isNumberLike(f);
}

const isnull: FunctionDef = {
  name: "isnull", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isnull(<value>)", summary: "True when the value is null (a missing field).",
  examples: [{ expr: "isnull(null())", result: true }, { expr: 'isnull("")', result: false }],
  impl: ([v]) => v === undefined || v === null,
};

const isnotnull: FunctionDef = {
  name: "isnotnull", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isnotnull(<value>)", summary: "True when the value is not null; an empty string is not null.",
  examples: [{ expr: 'isnotnull("x")', result: true }, { expr: "isnotnull(null())", result: false }],
  impl: ([v]) => v !== undefined && v !== null,
};

const isnum: FunctionDef = {
  name: "isnum", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isnum(<value>)", summary: "True when the value is a number (numeric-looking strings included).",
  examples: [{ expr: "isnum(3.5)", result: true }, { expr: 'isnum("abc")', result: false }],
  impl: ([v]) => isNum(v),
};

const isint: FunctionDef = {
  name: "isint", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isint(<value>)", summary: "True when the value is an integer.",
  examples: [{ expr: "isint(42)", result: true }, { expr: "isint(4.2)", result: false }],
  impl: ([v]) => {
    const f = first(v);
    return f !== null && typeof f !== "boolean" && isNumberLike(f) && Number.isInteger(Number(f));
  },
};

const isstr: FunctionDef = {
  name: "isstr", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isstr(<value>)", summary: "True when the value is a string that does not read as a number.",
  examples: [{ expr: 'isstr("abc")', result: true }, { expr: "isstr(1)", result: false }],
  impl: ([v]) => {
    const f = first(v);
    return typeof f === "string" && !isNumberLike(f);
  },
};

const isbool: FunctionDef = {
  name: "isbool", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isbool(<value>)", summary: "True when the value is a Boolean, i.e. the result of a comparison.",
  examples: [{ expr: "isbool(1 == 2)", result: true }, { expr: 'isbool("true")', result: false }],
  impl: ([v]) => typeof v === "boolean",
};

const typeofFn: FunctionDef = {
  name: "typeof", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "typeof(<value>)",
  summary: 'The type name: "Number", "String", "Boolean", "Multivalue", or "Invalid" for null.',
  examples: [
    { expr: "typeof(12)", result: "Number" }, { expr: 'typeof("abc")', result: "String" },
    { expr: "typeof(1 == 2)", result: "Boolean" }, { expr: "typeof(null())", result: "Invalid" },
  ],
  impl: ([v]) => typeName(v),
};

/** The informational functions. */
export const INFORMATIONAL_FUNCTIONS: readonly FunctionDef[] = [isnull, isnotnull, isnum, isint, isstr, isbool, typeofFn];
