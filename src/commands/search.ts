/**
 * `search`: a filter over results. The base search (the one that comes first) is the plan's event
 * scan (src/plan, executor/store-scan.ts). Search-language semantics live in
 * executor/search-predicate.ts.
 */
import type { Command } from "../ast/commands.js";
import type { SearchExpr, SearchSubsearch } from "../ast/nodes.js";
import { resolveSubsearches } from "../executor/subsearch.js";
import { tableSource } from "../executor/field-source.js";
import { compileSearch } from "../executor/search-predicate.js";
import { argsOf, rejectKinds } from "./args.js";
import type { CommandDef, ExecContext } from "./types.js";

export const search: CommandDef<"search"> = {
  kind: "search",
  summary: "Keeps the events or results that match search terms (field=value, wildcards, AND/OR/NOT, IN).",
  usage: "search <search terms>",
  examples: [
    "| makeresults | eval user=\"Admin\" | search user=admin",
    "| makeresults count=3 | search *",
    '| makeresults | eval user="bob" | search [| makeresults | eval user="bob" | fields user]',
  ],
  check(node, ctx) {
    rejectKinds(node, ["option", "positional", "by", "where"], ctx);
    const expr = argsOf(node, "search")[0]?.expr ?? null;
    const subsearches = new Map<SearchSubsearch, readonly Command[]>();
    let ok = true;
    if (expr) collectSubsearches(expr, (s) => {
      const checked = ctx.checkPipeline(s.pipeline);
      if (checked) subsearches.set(s, checked);
      else ok = false;
    });
    return ok ? { kind: "search", expr, leading: ctx.index === 0, subsearches, span: node.span } : null;
  },
  plan(cmd) {
    const resolve = (ctx: ExecContext) => (cmd.expr && cmd.subsearches.size ? resolveSubsearches(cmd.expr, cmd.subsearches, ctx) : cmd.expr);
    return (input, ctx) => {
      const pred = compileSearch(resolve(ctx), tableSource(input));
      const keep: number[] = [];
      for (let i = 0; i < input.length; i++) if (pred(i)) keep.push(i);
      return keep.length === input.length ? input : input.select(keep);
    };
  },
};

function collectSubsearches(e: SearchExpr, visit: (s: SearchSubsearch) => void): void {
  if (e.kind === "subsearch") visit(e);
  else if (e.kind === "and" || e.kind === "or") e.items.forEach((i) => collectSubsearches(i, visit));
  else if (e.kind === "not") collectSubsearches(e.operand, visit);
}
