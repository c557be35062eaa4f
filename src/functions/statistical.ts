/**
 * Statistical eval functions over their arguments (Search Reference 10.0, "Statistical eval
 * functions" and the sum() entry of "Mathematical functions"): avg, sum, min, max. random() stays
 * in math.ts.
 *
 * avg and sum: "Each argument must be either a field (single or multi value) or an expression that
 * evaluates to a number … each numeric value of the field is included … The eval command ignores
 * arguments that don't exist in an event or can't be converted to a number", so
 * `eval a="somedata", c=sum(a, 2, 3)` is 5, while a quoted string written in the call,
 * `sum(1, 2, "3")`, "returns an error" (checkArgs, before the search runs).
 *
 * min and max: "Strings are greater than numbers"; numbers compare numerically, strings
 * lexicographically, and a field value that reads as a number is a number (`min(3, 6, 7, "maria",
 * size)` is 1 when size is "1").
 */
import type { Expr } from "../ast/nodes.js";
import { toList, toNumber, type Atom, type EvalValue } from "../values/value.js";
import { isNumberLike } from "./args.js";
import type { FunctionDef } from "./types.js";

/** All values of all arguments, multivalue values included; booleans are not values here. */
function allValues(args: readonly EvalValue[]): Atom[] {
  return args.flatMap((a) => (typeof a === "boolean" ? [] : toList(a)));
}

function numbers(args: readonly EvalValue[]): number[] {
  return allValues(args).filter(isNumberLike).map((a) => toNumber(a));
}

/** The first argument written as a quoted string: Splunk refuses it in sum() and avg(). */
function quotedStringArgument(args: readonly Expr[]): { message: string; at: Expr } | null {
  const bad = args.find((a) => a.kind === "literal" && typeof a.value === "string");
  return bad === undefined ? null
    : { message: "a quoted string is not a number here; use tonumber(\"…\") or a field", at: bad };
}

const sum: FunctionDef = {
  name: "sum", category: "statistical", minArgs: 1, maxArgs: Infinity,
  signature: "sum(<num>, ...)",
  summary: "Sum of the numeric values among the arguments (multivalue fields included); others are ignored.",
  examples: [{ expr: "sum(1, 2, 3)", result: 6 }, { setup: 'a="somedata"', expr: "sum(a, 2, 3)", result: 5 }],
  checkArgs: quotedStringArgument,
  impl: (args) => {
    const ns = numbers(args);
    return ns.length === 0 ? null : ns.reduce((x, y) => x + y, 0);
  },
};

const avg: FunctionDef = {
  name: "avg", category: "statistical", minArgs: 1, maxArgs: Infinity,
  signature: "avg(<values>)",
  summary: "Mean of the numeric values among the arguments (multivalue fields included); others are ignored.",
  examples: [{ expr: "avg(1, 2, 3)", result: 2 }, { setup: 'a="somedata"', expr: "avg(a, 2, 3)", result: 2.5 }],
  checkArgs: quotedStringArgument,
  impl: (args) => {
    const ns = numbers(args);
    return ns.length === 0 ? null : ns.reduce((x, y) => x + y, 0) / ns.length;
  },
};

const min: FunctionDef = {
  name: "min", category: "statistical", minArgs: 1, maxArgs: Infinity,
  signature: "min(<values>)",
  summary: "The smallest value; numbers are smaller than strings, strings compare lexicographically.",
  examples: [{ expr: "min(3, 1, 2)", result: 1 }, { expr: 'min(3, "abc")', result: 3 }, { expr: 'min("b", "a")', result: "a" }],
  impl: (args) => {
    const vs = allValues(args);
    const nums = vs.filter(isNumberLike).map((a) => toNumber(a));
    if (nums.length > 0) return nums.reduce((a, b) => (b < a ? b : a));
    return vs.length === 0 ? null : vs.map(String).reduce((a, b) => (b < a ? b : a));
  },
};

const max: FunctionDef = {
  name: "max", category: "statistical", minArgs: 1, maxArgs: Infinity,
  signature: "max(<values>)",
  summary: "The largest value; strings are greater than numbers and compare lexicographically.",
  examples: [{ expr: "max(3, 1, 2)", result: 3 }, { expr: 'max(7, "foo")', result: "foo" }],
  impl: (args) => {
    const vs = allValues(args);
    const strs = vs.filter((a) => !isNumberLike(a)).map(String);
    if (strs.length > 0) return strs.reduce((a, b) => (b > a ? b : a));
    return vs.length === 0 ? null : vs.map((a) => toNumber(a)).reduce((a, b) => (b > a ? b : a));
  },
};

/** The statistical eval functions of the 10.0 quick reference: avg, max, min, sum. */
export const STATISTICAL_FUNCTIONS: readonly FunctionDef[] = [sum, avg, min, max];
