/**
 * Mathematical eval functions: abs, ceil/ceiling, floor, round, sqrt, pow, exp, ln, log, pi,
 * random, sigfig, exact (min, max, avg and sum: statistical.ts). Numbers are doubles and any NaN/Infinity
 * result is null (spl-semantics.md §2.1, §6). One-argument functions apply to each value of a
 * multivalue field (args.ts).
 */
import { toNumber } from "../values/value.js";
import { lsdOfValue, roundToLsd } from "../values/numeric-precision.js";
import { roundDecimal } from "../values/numeric-round.js";
import { finite, liftNumber, num } from "./args.js";
import type { FunctionDef } from "./types.js";

function unary(
  name: string, summary: string, f: (n: number) => number, examples: FunctionDef["examples"],
): FunctionDef {
  return {
    name, category: "math", minArgs: 1, maxArgs: 1, signature: `${name}(<num>)`, summary, examples,
    impl: ([v]) => liftNumber(v, f),
  };
}

/**
 * round(): on the number's decimal text (values/numeric-round.ts), so `round(2.555, 2)` is the
 * doc's 2.56 and `round(3.5)` its 4; a tie goes towards +∞ (-4.5 → -4). "You cannot specify a
 * negative number for the decimal places": a negative <digits> gives null.
 */
const round: FunctionDef = {
  name: "round", category: "math", minArgs: 1, maxArgs: 2,
  signature: "round(<num>, <digits>)",
  summary: "Rounds to <digits> decimal places (default 0), on its decimal digits; a half goes up.",
  examples: [{ expr: "round(3.14159, 2)", result: 3.14 }, { expr: "round(2.5)", result: 3 }, { expr: "round(-2.5)", result: -2 }],
  impl: ([v, d]) => {
    const digits = d === undefined ? 0 : num(d);
    if (digits === null || digits < 0) return null;
    return liftNumber(v, (n) => roundDecimal(n, Math.trunc(digits)));
  },
};

/**
 * sigfig(<num>): "rounds that number to the appropriate number of significant figures": for `*` and
 * `/` the fewest significant figures of the operands, for `+` and `-` the fewest decimal places
 * (Mathematical functions, sigfig). Evaluated with the precision of its argument's expression by
 * the evaluator; alone (a field), a value has the precision of its text.
 */
const sigfig: FunctionDef = {
  name: "sigfig", category: "math", minArgs: 1, maxArgs: 1, signature: "sigfig(<num>)",
  summary: "Rounds to the significant figures its inputs carry: 1.00*1111 → 1110, 123.0 + 4.567 → 127.6.",
  // The doc's examples (sigfig(1.00*1111) → 1110) need the evaluator's precision: golden cases
  // test/cases/numbers/sigfig-*.json.
  examples: [{ expr: "sigfig(1234)", result: 1234 }],
  impl: ([v]) => liftNumber(v, (n) => roundToLsd(n, lsdOfValue(n))),
};

/**
 * exact(<expression>): "renders the result of a numeric expression with a larger amount of
 * precision": its value with no precision limit, so `8.250 * exact(0.2)` keeps 8.250's four
 * significant figures (eval command, "Rounding").
 */
const exact: FunctionDef = {
  name: "exact", category: "math", minArgs: 1, maxArgs: 1, signature: "exact(<expression>)",
  summary: "The expression's value without precision rounding: 8.250 * exact(0.2) → 1.65 (Splunk prints 1.650).",
  examples: [{ expr: "exact(2 * 3)", result: 6 }],
  impl: ([v]) => liftNumber(v, (n) => n),
};

const pow: FunctionDef = {
  name: "pow", category: "math", minArgs: 2, maxArgs: 2,
  signature: "pow(<num>, <exp>)", summary: "Raises <num> to the power <exp>.",
  examples: [{ expr: "pow(2, 10)", result: 1024 }],
  impl: ([x, y]) => {
    const a = num(x);
    const b = num(y);
    return a === null || b === null ? null : finite(a ** b);
  },
};

const log: FunctionDef = {
  name: "log", category: "math", minArgs: 1, maxArgs: 2,
  signature: "log(<num>, <base>)", summary: "Logarithm of <num> in <base> (default 10).",
  examples: [{ expr: "log(100)", result: 2 }, { expr: "log(8, 2)", result: 3 }],
  impl: ([x, b]) => {
    const base = b === undefined ? 10 : num(b);
    if (base === null || base <= 0 || base === 1) return null;
    return liftNumber(x, (n) => (n > 0 ? (base === 10 ? Math.log10(n) : Math.log2(n) / Math.log2(base)) : Number.NaN));
  },
};

const constant = (name: string, summary: string, value: () => number, examples: FunctionDef["examples"]): FunctionDef => ({
  name, category: "math", minArgs: 0, maxArgs: 0, signature: `${name}()`, summary, examples, impl: value,
});

export const MATH_FUNCTIONS: readonly FunctionDef[] = [
  unary("abs", "Absolute value.", Math.abs, [{ expr: "abs(-5)", result: 5 }]),
  unary("ceil", "Rounds up to the next integer.", Math.ceil, [{ expr: "ceil(1.2)", result: 2 }]),
  unary("ceiling", "Same as ceil().", Math.ceil, [{ expr: "ceiling(1.2)", result: 2 }]),
  unary("floor", "Rounds down to the integer below.", Math.floor, [{ expr: "floor(1.8)", result: 1 }]),
  unary("sqrt", "Square root; null for a negative number.", Math.sqrt, [{ expr: "sqrt(9)", result: 3 }]),
  unary("exp", "e raised to the power of the number.", Math.exp, [{ expr: "exp(0)", result: 1 }]),
  unary("ln", "Natural logarithm; null for zero or less.", (n) => (n > 0 ? Math.log(n) : Number.NaN), [{ expr: "ln(1)", result: 0 }]),
  // sigfig() and exact() act on the precision eval tracks beside a value (values/numeric-precision.ts),
  // so the evaluator reads them itself (executor/compile-expr.ts); these entries give their names,
  // arity and docs, and the value-only meaning: a value's precision is that of its text.
  sigfig, exact,
  round, pow, log,
  constant("pi", "The constant pi.", () => Math.PI, [{ expr: "round(pi(), 4)", result: 3.1416 }]),
  constant("random", "A pseudo-random integer from 0 to 2^31-1.", () => Math.floor(Math.random() * 2 ** 31), [
    { expr: "random() >= 0", result: true },
  ]),
];
