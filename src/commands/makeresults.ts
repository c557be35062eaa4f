/** `| makeresults [count=<n>]`: n results with only `_time` (the search's "now"). */
import { Table } from "../executor/table.js";
import { intValue, readOptions, rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

export const makeresults: CommandDef<"makeresults"> = {
  kind: "makeresults",
  generating: true,
  summary: "Generates n empty results stamped with the current time.",
  usage: "| makeresults [count=<n>]",
  examples: ["| makeresults count=3"],
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["count", "annotate"], ctx);
    const c = opts.get("count");
    const count = c ? intValue(c.value, node, ctx, "count") ?? 1 : 1;
    return { kind: "makeresults", count, span: node.span };
  },
  plan(cmd) {
    return (_input, ctx) => {
      const now = Math.floor(ctx.fn.now);
      return Table.fromColumns(["_time"], new Map([["_time", new Array(cmd.count).fill(now)]]), cmd.count);
    };
  },
};
