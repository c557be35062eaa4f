/** `head [<n>]` / `head limit=<n>`: the first n results (default 10). */
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, intValue, readOptions, rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

export const head: CommandDef<"head"> = {
  kind: "head",
  summary: "Keeps the first n results (default 10).",
  usage: "head [<n>] | head limit=<n>",
  examples: ["| makeresults count=5 | head 2"],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["limit"], ctx);
    const pos = argsOf(node, "positional");
    let count = 10;
    const limitOpt = opts.get("limit");
    if (limitOpt) count = intValue(limitOpt.value, node, ctx, "limit") ?? count;
    if (pos[0]) {
      if (pos[0].value.kind === "expr" || pos.length > 1) {
        ctx.report(diag("unsupported-command", { name: "head", reason: "only `head <n>` is supported, not an expression" }, pos[0].span));
        return null;
      }
      count = intValue(pos[0].value, node, ctx, "the count") ?? count;
    }
    return { kind: "head", count, span: node.span };
  },
  plan(cmd) {
    return (input) => (input.length <= cmd.count ? input : input.select(Array.from({ length: cmd.count }, (_, i) => i)));
  },
};
