/** Field lists of table/fields: words, strings and commas; wildcards expand against the input. */
import type { ArgValue, CommandNode } from "../ast/nodes.js";
import { fieldPattern } from "../executor/wildcard.js";
import { argsOf, textOf } from "./args.js";
import type { CheckContext } from "./types.js";

export function fieldList(node: CommandNode, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const p of argsOf(node, "positional")) {
    // A field named after an aggregate, written bare as the addtotals page's example 4 does
    // (`addtotals row=f col=t labelfield=quarter sum(quota)`), arrives parsed as a call.
    const call = p.value.kind === "call" ? aggregateFieldName(p.value) : null;
    if (call !== null) {
      out.push(call);
      continue;
    }
    const t = textOf(p.value, node, ctx, "a field name");
    if (t !== null) out.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
  }
  return out;
}

/** `sum(quota)` → "sum(quota)": the column name stats gives that aggregate; null for anything nested. */
function aggregateFieldName(v: Extract<ArgValue, { kind: "call" }>): string | null {
  const args: string[] = [];
  for (const a of v.args) {
    if (a.kind !== "word" && a.kind !== "string") return null;
    args.push(a.text);
  }
  return `${v.name}(${args.join(",")})`;
}

/** Expands patterns against existing fields, keeping pattern order and dropping duplicates. */
export function expandFields(patterns: readonly string[], existing: readonly string[], keepMissing: boolean): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    if (p.includes("*")) {
      const re = fieldPattern(p);
      for (const f of existing) if (re.test(f) && !out.includes(f)) out.push(f);
    } else if ((keepMissing || existing.includes(p)) && !out.includes(p)) out.push(p);
  }
  return out;
}
