/**
 * `tail [<n>]`: tail reference: "Returns the last N number of specified results. The events are
 * returned in reverse order, starting at the end of the result set. The last 10 events are returned
 * if no integer is specified".
 */
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, intValue, rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

export const tail: CommandDef<"tail"> = {
  kind: "tail",
  summary: "Returns the last n results (default 10), last one first.",
  usage: "tail [<n>]",
  examples: ["| makeresults count=5 | streamstats count AS n | tail 2"],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "tail", message: "takes one count" }, p.span));
    const count = pos[0] ? (intValue(pos[0].value, node, ctx, "the count") ?? 10) : 10;
    return { kind: "tail", count, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const n = Math.min(cmd.count, input.length);
      return input.select(Array.from({ length: n }, (_, i) => input.length - 1 - i));
    };
  },
};
