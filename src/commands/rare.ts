/** `rare`: the least common values of fields, with count and percent (see combine-topk.ts). */
import { readTopOptions, topRare } from "./combine-topk.js";
import type { CommandDef } from "./types.js";

export const rare: CommandDef<"rare"> = {
  kind: "rare",
  summary: "Lists the least common values of fields with their count and percentage.",
  usage: "rare [<N>] [limit=<int>] [countfield=<string>] [percentfield=<string>] [showcount=<bool>] [showperc=<bool>] [useother=<bool>] [otherstr=<string>] <field>... [by <field>...]",
  examples: ['| makeresults count=2 | eval user="bob" | rare user'],
  check(node, ctx) {
    const o = readTopOptions(node, ctx);
    return o ? { kind: "rare", ...o, span: node.span } : null;
  },
  plan(cmd) {
    return (input) => topRare(input, cmd, false);
  },
};
