/**
 * Trigonometry and hyperbolic functions (Splunk's "Trig and Hyperbolic functions"). Angles are in
 * radians; out-of-domain inputs give null (NaN is not a Splunk value).
 */
import { finite, liftNumber, num } from "./args.js";
import type { FunctionDef } from "./types.js";

function trig(name: string, f: (n: number) => number, example: string, result: number): FunctionDef {
  return {
    name, category: "trig", minArgs: 1, maxArgs: 1, signature: `${name}(<num>)`,
    summary: `Math.${name} of the number (radians).`,
    examples: [{ expr: example, result }],
    impl: ([v]) => liftNumber(v, f),
  };
}

function binary(name: string, summary: string, f: (a: number, b: number) => number, example: string, result: number): FunctionDef {
  return {
    name, category: "trig", minArgs: 2, maxArgs: 2, signature: `${name}(<num>, <num>)`, summary,
    examples: [{ expr: example, result }],
    impl: ([x, y]) => {
      const a = num(x);
      const b = num(y);
      return a === null || b === null ? null : finite(f(a, b));
    },
  };
}

/** The trigonometric and hyperbolic functions. */
export const TRIG_FUNCTIONS: readonly FunctionDef[] = [
  trig("acos", Math.acos, "acos(1)", 0),
  trig("acosh", Math.acosh, "acosh(1)", 0),
  trig("asin", Math.asin, "asin(0)", 0),
  trig("asinh", Math.asinh, "asinh(0)", 0),
  trig("atan", Math.atan, "atan(0)", 0),
  trig("atanh", Math.atanh, "atanh(0)", 0),
  trig("cos", Math.cos, "cos(0)", 1),
  trig("cosh", Math.cosh, "cosh(0)", 1),
  trig("sin", Math.sin, "sin(0)", 0),
  trig("sinh", Math.sinh, "sinh(0)", 0),
  trig("tan", Math.tan, "tan(0)", 0),
  trig("tanh", Math.tanh, "tanh(0)", 0),
  binary("atan2", "Arc tangent of <y>/<x> in radians, using the signs of both.", Math.atan2, "atan2(0, 1)", 0),
  binary("hypot", "Square root of the sum of squares of the two numbers.", Math.hypot, "hypot(3, 4)", 5),
];
