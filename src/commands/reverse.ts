/** `reverse`: the results in the opposite order (reverse reference: "Reverses the order of the results"). */
import { rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

export const reverse: CommandDef<"reverse"> = {
  kind: "reverse",
  summary: "Reverses the order of the results.",
  usage: "reverse",
  examples: ["| makeresults count=3 | streamstats count AS n | reverse"],
  check(node, ctx) {
    rejectKinds(node, ["option", "positional", "by", "where"], ctx);
    return { kind: "reverse", span: node.span };
  },
  plan() {
    return (input) => input.select(Array.from({ length: input.length }, (_, i) => input.length - 1 - i));
  },
};
