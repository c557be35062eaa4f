/** `top`: the most common values of fields, with count and percent (see combine-topk.ts). */
import { readTopOptions, topRare } from "./combine-topk.js";
import type { CommandDef } from "./types.js";

export const top: CommandDef<"top"> = {
  kind: "top",
  summary: "Lists the most common values of fields with their count and percentage.",
  usage: "top [<N>] [limit=<int>] [countfield=<string>] [percentfield=<string>] [showcount=<bool>] [showperc=<bool>] [useother=<bool>] [otherstr=<string>] <field>... [by <field>...]",
  examples: ['| makeresults count=3 | eval user="bob" | top user', '| makeresults | eval user="bob", host="h1" | top limit=1 user by host'],
  check(node, ctx) {
    const o = readTopOptions(node, ctx);
    return o ? { kind: "top", ...o, span: node.span } : null;
  },
  plan(cmd) {
    return (input) => topRare(input, cmd, true);
  },
};
