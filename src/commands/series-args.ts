/**
 * Argument readers and the numeric test shared by the series commands (delta, accum,
 * autoregress, trendline): one `<field> [AS <newfield>]` positional, and "is this value a number".
 */
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { isMulti, parseNumber, type Value } from "../values/value.js";
import { argsOf, textOf } from "./args.js";
import type { CheckContext } from "./types.js";

/** The single `<field> [AS <newfield>]` of delta/accum/autoregress; extra positionals are reported. */
export function fieldAs(node: CommandNode, ctx: CheckContext): { field: string; as?: string } | null {
  const ps = argsOf(node, "positional");
  const first = ps[0];
  if (!first) {
    ctx.report(diag("bad-argument", { command: node.name, message: "needs a field name" }, node.span));
    return null;
  }
  for (const extra of ps.slice(1)) ctx.report(diag("bad-argument", { command: node.name, message: "takes one field" }, extra.span));
  const field = textOf(first.value, node, ctx, "a field name");
  if (field === null) return null;
  return first.alias ? { field, as: first.alias.name } : { field };
}

/**
 * The number a field value stands for, or null: a number, or text that reads as a decimal number.
 * A multivalue field is not a number (as in addtotals).
 */
export function numberOf(v: Value): number | null {
  if (v === null || isMulti(v)) return null;
  if (typeof v === "number") return Number.isNaN(v) ? null : v;
  const x = parseNumber(v as string);
  return Number.isNaN(x) ? null : x;
}
