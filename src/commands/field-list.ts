/** Field lists of table/fields: words, strings and commas; wildcards expand against the input. */
import type { CommandNode } from "../ast/nodes.js";
import { fieldPattern } from "../executor/wildcard.js";
import { argsOf, textOf } from "./args.js";
import type { CheckContext } from "./types.js";

export function fieldList(node: CommandNode, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const p of argsOf(node, "positional")) {
    const t = textOf(p.value, node, ctx, "a field name");
    if (t !== null) out.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
  }
  return out;
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
