/**
 * Bitwise functions (Search Reference 10.0, "Bitwise functions"): bit_and, bit_or, bit_xor,
 * bit_not, bit_shift_left, bit_shift_right. The page's rule: "Only nonnegative integers in the
 * range of 0 to 2^53-1 are accepted … numbers that are negative or greater than 53 bits return
 * null"; results are masked to 53 bits ("Shifting left drops the 53rd bit"), and a shift offset of
 * 53 or more shifts every bit out (`bit_shift_left(1, 53)` is 0). JavaScript's bit operators are
 * 32-bit, so the arithmetic here is on BigInt.
 */
import type { EvalValue } from "../values/value.js";
import { num } from "./args.js";
import type { FunctionDef } from "./types.js";

const BITS = 53n;
const MASK = (1n << BITS) - 1n;

/** The argument as a 53-bit unsigned integer, or null when it is not one (negative, fractional, too large). */
function word(v: EvalValue | undefined): bigint | null {
  const n = num(v);
  if (n === null || !Number.isInteger(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) return null;
  return BigInt(n);
}

function fold(name: string, op: (a: bigint, b: bigint) => bigint, summary: string, example: string, result: number): FunctionDef {
  return {
    name, category: "bitwise", minArgs: 2, maxArgs: Infinity, signature: `${name}(<values>)`, summary,
    examples: [{ expr: example, result }],
    impl: (args) => {
      let acc: bigint | null = null;
      for (const a of args) {
        const w = word(a);
        if (w === null) return null;
        acc = acc === null ? w : op(acc, w);
      }
      return acc === null ? null : Number(acc & MASK);
    },
  };
}

function shift(name: string, left: boolean, example: string, result: number): FunctionDef {
  return {
    name, category: "bitwise", minArgs: 2, maxArgs: 2, signature: `${name}(<value>, <shift_offset>)`,
    summary: `Logical ${left ? "left" : "right"} shift within 53 bits; null for a negative or too large argument.`,
    examples: [{ expr: example, result }],
    impl: ([v, by]) => {
      const x = word(v);
      const k = word(by);
      if (x === null || k === null) return null;
      if (k >= BITS) return 0;
      return Number((left ? x << k : x >> k) & MASK);
    },
  };
}

/** The bitwise functions. */
export const BITWISE_FUNCTIONS: readonly FunctionDef[] = [
  fold("bit_and", (a, b) => a & b, "Bitwise AND of two or more nonnegative integers.", "bit_and(12, 9)", 8),
  fold("bit_or", (a, b) => a | b, "Bitwise OR of two or more nonnegative integers.", "bit_or(4, 2)", 6),
  fold("bit_xor", (a, b) => a ^ b, "Bitwise XOR of two or more nonnegative integers.", "bit_xor(3, 2)", 1),
  {
    name: "bit_not", category: "bitwise", minArgs: 1, maxArgs: 2, signature: "bit_not(<value>, <bitmask>)",
    summary: "Inverts the 53 bits of the number, then ANDs the optional <bitmask> (default 2^53-1).",
    examples: [{ expr: "bit_not(9)", result: 9007199254740982 }, { expr: 'bit_not(9, tonumber("1111", 2))', result: 6 }],
    impl: ([v, m]) => {
      const x = word(v);
      const mask = m === undefined ? MASK : word(m);
      if (x === null || mask === null) return null;
      return Number(~x & MASK & mask);
    },
  },
  shift("bit_shift_left", true, "bit_shift_left(2, 1)", 4),
  shift("bit_shift_right", false, "bit_shift_right(4, 1)", 2),
];
