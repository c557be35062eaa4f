/**
 * `append [extendtimerange=…] [maxtime=…] [maxout=N] [timeout=…] [subsearch]` (append reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append): runs the
 * subsearch and adds its results after the current ones; fields are the union of both. maxout
 * keeps the first N subsearch results (default 50,000, the subsearch-options default documented
 * for appendcols; the append page gives no number). Time options are accepted and ignored:
 * minispl's subsearches read the whole store.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../executor/table.js";
import { argsOf, intValue, readOptions, rejectKinds } from "./args.js";
import { readSubsearch } from "./combine-subsearch.js";
import type { CommandDef } from "./types.js";

export const APPEND_MAXOUT = 50_000;

export const append: CommandDef<"append"> = {
  kind: "append",
  summary: "Adds the results of a subsearch after the current results.",
  usage: "append [maxout=<int>] [ <subsearch> ]",
  examples: ['| makeresults | eval n=1 | append [| makeresults | eval n=2]'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["extendtimerange", "maxtime", "maxout", "timeout"], ctx);
    for (const p of argsOf(node, "positional")) {
      if (p.value.kind !== "subsearch") ctx.report(diag("bad-argument", { command: "append", message: "expected only options and a [subsearch]" }, p.span));
    }
    const maxOpt = opts.get("maxout");
    const maxout = maxOpt ? intValue(maxOpt.value, node, ctx, "maxout") ?? APPEND_MAXOUT : APPEND_MAXOUT;
    const subsearch = readSubsearch(node, ctx);
    return subsearch ? { kind: "append", maxout, subsearch, span: node.span } : null;
  },
  plan(cmd) {
    return (input, ctx) => Table.concat(input, firstRows(ctx.run(cmd.subsearch), cmd.maxout));
  },
};

/** The first n rows of a table (all of them when it is shorter). */
export function firstRows(t: Table, n: number): Table {
  return t.length <= n ? t : t.select(Array.from({ length: n }, (_, i) => i));
}
