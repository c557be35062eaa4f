/**
 * `dedup [<n>] <field>... [keepempty=<bool>] [consecutive=<bool>] [sortby <keys>]`: keeps the first
 * n results of each combination of field values; results missing one of the fields are dropped
 * unless keepempty=true.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { readSortKeys, sortedIndexes } from "./sort-keys.js";
import type { CommandDef } from "./types.js";

export const dedup: CommandDef<"dedup"> = {
  kind: "dedup",
  summary: "Removes results whose field values repeat those of an earlier result.",
  usage: "dedup [<n>] <field>... [keepempty=<bool>] [consecutive=<bool>] [sortby [-|+]<field>...]",
  examples: ['| makeresults count=3 | eval u="a" | dedup u'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["keepempty", "consecutive", "keepevents"], ctx);
    const values = argsOf(node, "positional").map((p) => p.value);
    let count = 1;
    const fieldsOut: string[] = [];
    let i = 0;
    const firstVal = values[0];
    if (firstVal?.kind === "word" && /^\d+$/.test(firstVal.text)) {
      count = Number(firstVal.text);
      i = 1;
    }
    for (; i < values.length; i++) {
      const v = values[i];
      if (v?.kind === "word" && v.text.toLowerCase() === "sortby") break;
      const t = v ? textOf(v, node, ctx, "a field name") : null;
      if (t !== null) fieldsOut.push(t);
    }
    const sortby = readSortKeys(values.slice(i + 1), node, ctx);
    if (fieldsOut.length === 0) {
      ctx.report(diag("bad-argument", { command: "dedup", message: "needs at least one field" }, node.span));
      return null;
    }
    return {
      kind: "dedup", count, fields: fieldsOut, sortby,
      keepempty: boolOption(opts.get("keepempty"), node, ctx, false),
      consecutive: boolOption(opts.get("consecutive"), node, ctx, false),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const cols = cmd.fields.map((f) => input.column(f));
      const seen = new Map<string, number>();
      const keep: number[] = [];
      let prev: string | null = null;
      for (let r = 0; r < input.length; r++) {
        const parts = cols.map((c) => keyOf(c?.[r] ?? null));
        if (parts.some((p) => p === null)) {
          if (cmd.keepempty) keep.push(r);
          continue;
        }
        const key = parts.join("\u0000");
        if (cmd.consecutive) {
          if (key !== prev) keep.push(r);
          prev = key;
          continue;
        }
        const n = seen.get(key) ?? 0;
        if (n < cmd.count) keep.push(r);
        seen.set(key, n + 1);
      }
      const out = input.select(keep);
      return cmd.sortby.length ? out.select(sortedIndexes(out, cmd.sortby)) : out;
    };
  },
};

function keyOf(v: Value): string | null {
  if (v === null) return null;
  return Array.isArray(v) ? v.map((x) => toText(x)).join("\u0001") : toText(v as string | number);
}
