/**
 * Informational functions (Search Reference 10.0, "Informational functions"): isarray, isbool,
 * isdouble, isint, ismv, isnotnull, isnull, isnum, isobject, isstr, typeof. typeof names the types
 * as the page's example spells them: `typeof(12) + typeof("string") + typeof(1==2) +
 * typeof(badfield)` is "NumberStringBoolInvalid".
 *
 * minispl has no array or object value: a JSON array or object is its text, so isarray/isobject
 * test whether a value is the text of one (`isarray("[1, 2, 3]")` is true, as on the page).
 *
 * Splunk types a field value that looks like a number as a number, and minispl stores extracted
 * values as strings, so a numeric-looking string counts as a number here (a field holding "5":
 * `isnum(field)` is true). A quoted string literal written in the call is a String, whatever it
 * reads as ("when a "NaN" value is present as a literal string in an evaluator expression, it is
 * considered a string, not a number"; `sum(1, 2, "3")` fails "because one of the arguments in the
 * function is a string"): `typeof("5")` is "String", `isnum("5")` false, `isstr("5")` true. That is
 * decided from the written argument (`specialize`), as minispl's values carry no such mark.
 *
 * NaN (page section "Using isnum/isstr in searches with NaN"): a field holding "NaN" "behaves as
 * both a string and a number", so isnum and isstr are both true for it, for arithmetic on it
 * (`strval % 1` keeps the text NaN, executor/eval-ops.ts) and for a computed NaN, while the
 * literal `isnum("NaN")` is false. A multivalue value is judged by its
 * first value, except typeof, which names it "Multivalue" (docs silent; a choice).
 */
import type { Expr } from "../ast/nodes.js";
import { isMulti, isNumericNaN, type EvalValue } from "../values/value.js";
import { parseJson } from "./json-value.js";
import { first, isNumberLike } from "./args.js";
import type { FunctionDef } from "./types.js";

function typeName(v: EvalValue | undefined): string {
  if (v === undefined || v === null) return "Invalid";
  if (isMulti(v)) return "Multivalue";
  if (typeof v === "boolean") return "Bool";
  return isNumberLike(v) || isNumericNaN(v) ? "Number" : "String";
}

/** A quoted string literal (`"5"`), which the functions below type as a String. */
function quoted(e: Expr | undefined): boolean {
  return e?.kind === "literal" && typeof e.value === "string";
}

/** `impl` answering `answer` for a quoted literal argument (see the header). */
function forLiteral(answer: EvalValue): FunctionDef["specialize"] {
  return ([a]) => (quoted(a) ? () => answer : null);
}

function isNum(v: EvalValue | undefined): boolean {
  const f = first(v);
  return f !== null && typeof f !== "boolean" && (isNumberLike(f) || isNumericNaN(f));
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
  signature: "isnum(<value>)", summary: "True when the value is a number (a field's numeric-looking text included; a quoted literal is a string).",
  examples: [{ expr: "isnum(3.5)", result: true }, { expr: 'isnum("abc")', result: false }, { expr: 'isnum("5")', result: false }, { setup: 'f="5"', expr: "isnum(f)", result: true }],
  impl: ([v]) => isNum(v),
  specialize: forLiteral(false),
};

const isint: FunctionDef = {
  name: "isint", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isint(<value>)", summary: "True when the value is an integer.",
  examples: [{ expr: "isint(42)", result: true }, { expr: "isint(4.2)", result: false }],
  impl: ([v]) => {
    const f = first(v);
    return f !== null && typeof f !== "boolean" && isNumberLike(f) && Number.isInteger(Number(f));
  },
  specialize: forLiteral(false),
};

const isstr: FunctionDef = {
  name: "isstr", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isstr(<value>)", summary: "True when the value is a string: a quoted literal, or a field value that does not read as a number (NaN is both).",
  examples: [{ expr: 'isstr("abc")', result: true }, { expr: "isstr(1)", result: false }, { expr: 'isstr("5")', result: true }],
  impl: ([v]) => {
    const f = first(v);
    if (typeof f === "number") return Number.isNaN(f);
    return typeof f === "string" && (!isNumberLike(f) || isNumericNaN(f));
  },
  specialize: forLiteral(true),
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
  summary: 'The type name: "Number", "String", "Bool", "Multivalue", or "Invalid" for null.',
  examples: [
    { expr: "typeof(12)", result: "Number" }, { expr: 'typeof("abc")', result: "String" },
    { expr: "typeof(1 == 2)", result: "Bool" }, { expr: "typeof(null())", result: "Invalid" },
    { expr: 'typeof("5")', result: "String" }, { setup: 'f="5"', expr: "typeof(f)", result: "Number" },
  ],
  impl: ([v]) => typeName(v),
  specialize: forLiteral("String"),
};

/** True when the (first) value is the text of a JSON value of the given shape. */
function jsonShape(v: EvalValue | undefined, array: boolean): boolean {
  const f = first(v);
  if (typeof f !== "string") return false;
  const j = parseJson(f);
  return j !== undefined && j !== null && typeof j === "object" && Array.isArray(j) === array;
}

const isarray: FunctionDef = {
  name: "isarray", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isarray(<value>)", summary: "True when the value is a JSON array (minispl: the text of one).",
  examples: [{ expr: 'isarray("[1, 2, 3]")', result: true }, { expr: "isarray(1)", result: false }],
  impl: ([v]) => jsonShape(v, true),
};

const isobject: FunctionDef = {
  name: "isobject", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isobject(<value>)", summary: "True when the value is a valid JSON object (minispl: the text of one).",
  examples: [{ expr: 'isobject("{\\"a\\": 1}")', result: true }, { expr: 'isobject("{cities: 3}")', result: false }],
  impl: ([v]) => jsonShape(v, false),
};

/**
 * A double is a number that is not an integer, or numeric text written with a decimal point or an
 * exponent (`isdouble(3.546)` true, `isdouble(1000000)` false). A number is handed as eval stores
 * it (numbersAsStored), so a literal's written decimal point counts: `isdouble(5.0)` is true.
 */
const isdouble: FunctionDef = {
  name: "isdouble", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "isdouble(<value>)", summary: "True when the value is a double (not an integer).",
  examples: [{ expr: "isdouble(3.546)", result: true }, { expr: "isdouble(1000000)", result: false }, { expr: "isdouble(5.0)", result: true }],
  numbersAsStored: true,
  impl: ([v]) => {
    const f = first(v);
    if (typeof f === "number") return !Number.isInteger(f);
    return typeof f === "string" && isNumberLike(f) && /[.eE]/.test(f);
  },
  specialize: forLiteral(false),
};

const ismv: FunctionDef = {
  name: "ismv", category: "informational", minArgs: 1, maxArgs: 1,
  signature: "ismv(<value>)", summary: "True when the field holds more than one value.",
  examples: [{ expr: 'ismv(split("1, 2, 3", ","))', result: true }, { expr: 'ismv("1")', result: false }],
  impl: ([v]) => v !== undefined && isMulti(v),
};

/** The informational functions. */
export const INFORMATIONAL_FUNCTIONS: readonly FunctionDef[] = [
  isarray, isbool, isdouble, isint, ismv, isnotnull, isnull, isnum, isobject, isstr, typeofFn,
];
