/**
 * `rename a AS b, "x.*" AS *`: renames fields in place; `*` patterns map captured text to the
 * target's `*`s in order and must have the same count (spl-semantics.md §4). Renaming onto an
 * existing field replaces it; renaming a missing field onto an existing one empties the target.
 * "You can't rename one field with multiple names" (rename reference: `rename A as B, A as C` "is
 * not valid"): a source named twice is an error.
 */
import type { RenameCommand } from "../ast/commands.js";
import { diag } from "../diagnostics/diagnostic.js";
import { fieldPattern } from "../executor/wildcard.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { argsOf, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const rename: CommandDef<"rename"> = {
  kind: "rename",
  summary: "Renames fields; wildcards carry the matched text over.",
  usage: "rename <field> AS <newname> [, <field> AS <newname>]...",
  examples: ['| makeresults | eval "Processes.dest"="h1" | rename "Processes.*" AS *', "| makeresults | eval a=1 | rename a AS b"],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    const pairs: { from: string; to: string; span: RenameCommand["span"] }[] = [];
    for (const p of argsOf(node, "positional")) {
      const from = textOf(p.value, node, ctx, "a field name");
      if (from === null) continue;
      if (!p.alias) {
        ctx.report(diag("bad-argument", { command: "rename", message: `expected AS <newname> after "${from}"` }, p.span));
        continue;
      }
      const stars = (s: string) => s.split("*").length - 1;
      if (stars(from) !== stars(p.alias.name)) {
        ctx.report(diag("bad-argument", { command: "rename", message: `wildcard mismatch: "${from}" and "${p.alias.name}" must have the same number of *` }, p.span));
        continue;
      }
      if (pairs.some((q) => q.from === from)) {
        ctx.report(diag("bad-argument", { command: "rename", message: `"${from}" is renamed twice: a field can't be renamed with multiple names` }, p.span));
        continue;
      }
      pairs.push({ from, to: p.alias.name, span: p.span });
    }
    if (pairs.length === 0) {
      ctx.report(diag("bad-argument", { command: "rename", message: "needs at least one <field> AS <newname>" }, node.span));
      return null;
    }
    return { kind: "rename", pairs, span: node.span };
  },
  plan(cmd) {
    return (input) => cmd.pairs.reduce((t, p) => renameOne(t, p.from, p.to), input);
  },
};

function renameOne(t: Table, from: string, to: string): Table {
  if (!from.includes("*")) {
    if (!t.has(from)) {
      if (!t.has(to) || from === to) return t;
      return t.withColumn(to, new Array<Value>(t.length).fill(null));
    }
    return t.renamed(new Map([[from, to]]));
  }
  const re = fieldPattern(from);
  const mapping = new Map<string, string>();
  for (const f of t.fields) {
    const target = wildcardTarget(re, to, f);
    if (target !== null) mapping.set(f, target);
  }
  return mapping.size ? t.renamed(mapping) : t;
}

/** The name `rename <from*> AS <to>` gives field `f` (`re`: fieldPattern(from)): the captures in `to`'s stars; null when `f` does not match. */
export function wildcardTarget(re: RegExp, to: string, f: string): string | null {
  const m = re.exec(f);
  if (!m) return null;
  let i = 1;
  return to.replace(/\*/g, () => m[i++] ?? "");
}
