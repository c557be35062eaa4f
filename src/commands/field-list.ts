/** Field lists of table/fields: words, strings and commas; wildcards expand against the input. */
import type { CommandNode } from "../ast/nodes.js";
import { fieldPattern } from "../executor/wildcard.js";
import { argsOf, textOf } from "./args.js";
import type { CheckContext } from "./types.js";

export function fieldList(node: CommandNode, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const p of argsOf(node, "positional")) {
    // A call-shaped name (`table delta(_time)`, the addtotals page's `sum(quota)`) arrives as one
    // word (parser/command-syntax.ts): commas inside its parentheses are part of the name.
    const t = textOf(p.value, node, ctx, "a field name");
    if (t !== null) out.push(...splitTopLevel(t).map((s) => s.trim()).filter(Boolean));
  }
  return out;
}

/** `a,b` → a, b; `values(a,b),c` → values(a,b), c. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
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
