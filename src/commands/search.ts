/**
 * `search`: the base search over events when it comes first, a filter over results otherwise.
 * Search-language semantics live in executor/search-predicate.ts.
 */
import type { SearchExpr } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { tableSource } from "../executor/field-source.js";
import { compileSearch } from "../executor/search-predicate.js";
import { scanStore } from "../executor/store-scan.js";
import { argsOf, rejectKinds } from "./args.js";
import type { CheckContext, CommandDef } from "./types.js";

export const search: CommandDef<"search"> = {
  kind: "search",
  summary: "Keeps the events or results that match search terms (field=value, wildcards, AND/OR/NOT, IN).",
  usage: "search <search terms>",
  examples: ["| makeresults | eval user=\"Admin\" | search user=admin", "| makeresults count=3 | search *"],
  check(node, ctx) {
    rejectKinds(node, ["option", "positional", "by", "where"], ctx);
    const expr = argsOf(node, "search")[0]?.expr ?? null;
    if (expr) reportSubsearches(expr, ctx);
    return { kind: "search", expr, leading: ctx.index === 0, span: node.span };
  },
  plan(cmd) {
    if (cmd.leading) return (_input, ctx) => scanStore(ctx.store, cmd.expr, ctx.fn);
    return (input) => {
      const pred = compileSearch(cmd.expr, tableSource(input));
      const keep: number[] = [];
      for (let i = 0; i < input.length; i++) if (pred(i)) keep.push(i);
      return keep.length === input.length ? input : input.select(keep);
    };
  },
};

function reportSubsearches(e: SearchExpr, ctx: CheckContext): void {
  if (e.kind === "subsearch") {
    ctx.report(diag("unsupported-command", { name: "[subsearch]", reason: "subsearches are not supported yet" }, e.span));
  } else if (e.kind === "and" || e.kind === "or") e.items.forEach((i) => reportSubsearches(i, ctx));
  else if (e.kind === "not") reportSubsearches(e.operand, ctx);
}
