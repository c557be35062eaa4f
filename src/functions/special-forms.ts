/**
 * Functions whose arguments are not plain values: `mvfilter(<predicate>)` and `mvmap(<mv>, <expr>)`
 * evaluate an expression once per value of a multivalue field, `searchmatch("<search>")` evaluates
 * search-language terms against the result. The expression compiler (executor/compile-expr.ts)
 * implements them; these entries give them a signature, docs and examples like every other
 * function, and make a direct call an internal error.
 */
import type { FunctionDef } from "./types.js";

function specialForm(def: Omit<FunctionDef, "impl">): FunctionDef {
  return {
    ...def,
    impl: () => {
      throw new Error(`internal: ${def.name}() is a special form compiled by the evaluator`);
    },
  };
}

export const SPECIAL_FORM_FUNCTIONS: readonly FunctionDef[] = [
  specialForm({
    name: "mvfilter",
    signature: "mvfilter(<predicate>)",
    summary: "Keeps the values of a multivalue field for which the predicate (over that one field) is true.",
    category: "multivalue",
    minArgs: 1,
    maxArgs: 1,
    examples: [{ setup: 'f=split("a.exe,b.dll,c.exe", ",")', expr: 'mvjoin(mvfilter(match(f, "exe$")), ";")', result: "a.exe;c.exe" }],
  }),
  specialForm({
    name: "mvmap",
    signature: "mvmap(<mv>, <expression>)",
    summary: "Evaluates the expression once per value of the multivalue field, with the field bound to that value.",
    category: "multivalue",
    minArgs: 2,
    maxArgs: 2,
    examples: [{ setup: 'n=split("1,2,3", ",")', expr: 'mvjoin(mvmap(n, n * 10), ",")', result: "10,20,30" }],
  }),
  specialForm({
    name: "searchmatch",
    signature: 'searchmatch("<search terms>")',
    summary: "True when the result matches the search-language terms (case-insensitive values, wildcards).",
    category: "comparison",
    minArgs: 1,
    maxArgs: 1,
    examples: [
      { setup: 'user="Admin"', expr: 'searchmatch("user=admin")', result: true },
      { setup: 'user="Admin"', expr: 'searchmatch("user=root OR user=guest")', result: false },
    ],
  }),
];
