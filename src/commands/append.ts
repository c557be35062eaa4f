/**
 * `append [extendtimerange=…] [maxtime=…] [maxout=N] [timeout=…] [subsearch]` (append reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append): runs the
 * subsearch and adds its results after the current ones; fields are the union of both. maxout
 * keeps the first N subsearch results (default 50,000, the subsearch-options default documented
 * for appendcols; the append page gives no number). Time options are accepted and ignored:
 * minispl's subsearches read the whole store.
 */
import type { CommandNode } from "../ast/nodes.js";
import { Table } from "../table/table.js";
import { intValue, readOptions, rejectKinds, type OptionArg } from "./args.js";
import { readSubsearch, rejectOtherPositionals } from "./combine-subsearch.js";
import type { CheckContext, CommandDef } from "./types.js";

export const APPEND_MAXOUT = 50_000;

/** `maxout=<int>` of append/appendcols, default APPEND_MAXOUT. */
export function readMaxout(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext): number {
  return o ? intValue(o.value, node, ctx, "maxout") ?? APPEND_MAXOUT : APPEND_MAXOUT;
}

export const append: CommandDef<"append"> = {
  kind: "append",
  summary: "Adds the results of a subsearch after the current results.",
  usage: "append [maxout=<int>] [ <subsearch> ]",
  examples: ['| makeresults | eval n=1 | append [| makeresults | eval n=2]'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["extendtimerange", "maxtime", "maxout", "timeout"], ctx);
    rejectOtherPositionals(node, ctx);
    const maxout = readMaxout(opts.get("maxout"), node, ctx);
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
