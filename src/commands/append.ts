/**
 * `append [extendtimerange=…] [maxtime=…] [maxout=N] [timeout=…] [subsearch]` (append reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append): runs the
 * subsearch and adds its results after the current ones; fields are the union of both. maxout
 * keeps the first N subsearch results (default 50,000, the subsearch-options default documented
 * for appendcols; the append page gives no number). The time options (maxtime, timeout,
 * extendtimerange) concern a server's dispatch; each gets a warning that it has no effect here.
 */
import type { CommandNode } from "../ast/nodes.js";
import { Table } from "../table/table.js";
import { intValue, readOptions, rejectKinds, warnNoEffect, type OptionArg } from "./args.js";
import { readSubsearch, rejectOtherPositionals } from "./combine-subsearch.js";
import type { CheckContext, CommandDef } from "./types.js";

export const APPEND_MAXOUT = 50_000;

/**
 * The subsearch options of append, appendcols and union that concern a server's dispatch, a
 * warning each: maxtime finalizes a slow subsearch, timeout is how long its results are cached
 * (the pages' subsearch options), extendtimerange widens the time picker's range.
 */
export function warnSubsearchTime(opts: ReadonlyMap<string, OptionArg>, node: CommandNode, ctx: CheckContext): void {
  warnNoEffect(opts.get("maxtime"), node, ctx, "a subsearch is not finalized after a time limit: it runs under the whole search's budget (--timeout)");
  warnNoEffect(opts.get("timeout"), node, ctx, "minispl does not cache subsearch results");
  warnNoEffect(opts.get("extendtimerange"), node, ctx, "minispl has no time-range picker: the subsearch already sees every loaded event");
}

/** `maxout=<int>` of append/appendcols, default APPEND_MAXOUT. */
export function readMaxout(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext): number {
  return o ? intValue(o.value, node, ctx, "maxout") ?? APPEND_MAXOUT : APPEND_MAXOUT;
}

export const append: CommandDef<"append"> = {
  kind: "append",
  summary: "Adds the results of a subsearch after the current results.",
  usage: "append [maxout=<int>] [ <subsearch> ]",
  examples: ['| makeresults | eval n=1 | append [| makeresults | eval n=2]'],
  options: {
    maxout: { query: "| makeresults | append maxout=1 [| makeresults count=3]", baseline: "| makeresults | append [| makeresults count=3]" },
    maxtime: { query: "| makeresults | append maxtime=10 [| makeresults]", warning: "maxtime= has no effect" },
    timeout: { query: "| makeresults | append timeout=10 [| makeresults]", warning: "timeout= has no effect" },
    extendtimerange: { query: "| makeresults | append extendtimerange=true [| makeresults]", warning: "extendtimerange= has no effect" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["extendtimerange", "maxtime", "maxout", "timeout"], ctx);
    warnSubsearchTime(opts, node, ctx);
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
