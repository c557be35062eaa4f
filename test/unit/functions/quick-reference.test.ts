/**
 * Every function of the Search Reference 10.0 "Evaluation functions" quick reference ("Function
 * list by category") is registered, or listed in functions/unsupported.ts with a reason: a search
 * never meets "unknown function" for a name Splunk documents.
 */
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../../src/functions/registry.js";
import { unsupportedFunctions } from "../../../src/functions/unsupported.js";

const QUICK_REFERENCE: Readonly<Record<string, readonly string[]>> = {
  "Bitwise functions": ["bit_and", "bit_or", "bit_not", "bit_xor", "bit_shift_left", "bit_shift_right"],
  "Comparison and Conditional functions": [
    "case", "cidrmatch", "coalesce", "false", "if", "in", "like", "lookup", "match", "null", "nullif", "searchmatch", "true", "validate",
  ],
  "Conversion functions": ["ipmask", "printf", "toarray", "tobool", "todouble", "toint", "tomv", "tonumber", "toobject", "tostring"],
  "Cryptographic functions": ["md5", "sha1", "sha256", "sha512"],
  "Date and Time functions": ["now", "relative_time", "strftime", "strptime", "time"],
  "Informational functions": ["isarray", "isbool", "isdouble", "isint", "ismv", "isnotnull", "isnull", "isnum", "isobject", "isstr", "typeof"],
  "JSON functions": [
    "json_object", "json", "json_append", "json_array", "json_array_to_mv", "json_delete", "json_entries", "json_extend",
    "json_extract", "json_extract_exact", "json_has_key_exact", "json_keys", "json_set", "json_set_exact", "json_valid",
  ],
  "Mathematical functions": ["abs", "ceiling", "exact", "exp", "floor", "ln", "log", "pi", "pow", "round", "sigfig", "sqrt", "sum"],
  "Multivalue eval functions": [
    "commands", "mvappend", "mvcount", "mvdedup", "mvfilter", "mvfind", "mvindex", "mvjoin", "mvmap", "mvrange", "mvsort", "mvzip",
    "mv_to_json_array", "split",
  ],
  "Statistical eval functions": ["avg", "max", "min", "random"],
  "Text functions": ["len", "lower", "ltrim", "replace", "rtrim", "spath", "substr", "trim", "upper", "urldecode"],
  "Trigonometry and Hyperbolic functions": [
    "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cos", "cosh", "hypot", "sin", "sinh", "tan", "tanh",
  ],
};

/** Documented on the category pages but not in the table: mvreverse (Multivalue), ceil and length (aliases). */
const ALSO_DOCUMENTED = ["mvreverse", "ceil", "length"];

describe("the 10.0 quick reference", () => {
  it.each(Object.entries(QUICK_REFERENCE))("%s: each function is implemented or unsupported with a reason", (_category, names) => {
    const missing = names.filter((n) => !FUNCTIONS.has(n) && !unsupportedFunctions().has(n));
    expect(missing).toEqual([]);
  });

  it("the functions the category pages add are implemented", () => {
    expect(ALSO_DOCUMENTED.filter((n) => !FUNCTIONS.has(n))).toEqual([]);
  });

  it("has 120 functions", () => {
    expect(Object.values(QUICK_REFERENCE).flat()).toHaveLength(120);
  });
});
