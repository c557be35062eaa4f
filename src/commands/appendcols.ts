/**
 * `appendcols [override=bool] [maxout=N …] [subsearch]` (appendcols reference,
 * help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/appendcols):
 * "All fields of the subsearch are combined into the current results, with the exception of
 * internal fields. For example, the first subsearch result is merged with the first main result,
 * the second subsearch result is merged with the second main result, and so on." With
 * override=false (the default) a field present in both keeps the main value. Subsearch rows
 * beyond the main rows are added as new results (UNVERIFIED; the reference does not say).
 */
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { boolOption, readOptions, rejectKinds } from "./args.js";
import { firstRows, readMaxout, warnSubsearchTime } from "./append.js";
import { readSubsearch, rejectOtherPositionals } from "./combine-subsearch.js";
import type { CommandDef } from "./types.js";

export const appendcols: CommandDef<"appendcols"> = {
  kind: "appendcols",
  summary: "Merges the i-th subsearch result into the i-th current result, field by field.",
  usage: "appendcols [override=<bool>] [maxout=<int>] [ <subsearch> ]",
  examples: ['| makeresults | eval a=1 | appendcols [| makeresults | eval b=2]'],
  options: {
    override: { query: "| makeresults | eval a=1 | appendcols override=true [| makeresults | eval a=2]", baseline: "| makeresults | eval a=1 | appendcols [| makeresults | eval a=2]" },
    maxout: { query: "| makeresults count=2 | eval a=1 | appendcols maxout=1 [| makeresults count=2 | eval b=2]", baseline: "| makeresults count=2 | eval a=1 | appendcols [| makeresults count=2 | eval b=2]" },
    maxtime: { query: "| makeresults | appendcols maxtime=10 [| makeresults | eval b=1]", warning: "maxtime= has no effect" },
    timeout: { query: "| makeresults | appendcols timeout=10 [| makeresults | eval b=1]", warning: "timeout= has no effect" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["override", "maxtime", "maxout", "timeout"], ctx);
    warnSubsearchTime(opts, node, ctx);
    rejectOtherPositionals(node, ctx);
    const maxout = readMaxout(opts.get("maxout"), node, ctx);
    const subsearch = readSubsearch(node, ctx);
    if (!subsearch) return null;
    return { kind: "appendcols", override: boolOption(opts.get("override"), node, ctx, false), maxout, subsearch, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const sub = firstRows(ctx.run(cmd.subsearch), cmd.maxout);
      const length = Math.max(input.length, sub.length);
      const extra = sub.fields.filter((f) => !f.startsWith("_") && !input.has(f));
      const names = [...input.fields, ...extra];
      const cols = new Map<string, Value[]>();
      for (const f of names) {
        const merged = !f.startsWith("_") && sub.has(f);
        cols.set(f, Array.from({ length }, (_, r) => {
          const own = r < input.length ? input.get(f, r) : null;
          const theirs = merged && r < sub.length ? sub.get(f, r) : null;
          return theirs !== null && (cmd.override || own === null) ? theirs : own;
        }));
      }
      return Table.fromColumns(names, cols, length);
    };
  },
};
