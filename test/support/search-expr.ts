/** The search expression of a query's first command (`index=* EventCode=1` → its AND), for tests of scan planning. */
import { parseSearch } from "../../src/index.js";
import type { SearchExpr } from "../../src/ast/nodes.js";

export function exprOf(q: string): SearchExpr | null {
  const r = parseSearch(q);
  const first = r.pipeline?.commands[0];
  if (!first) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  const arg = first.args.find((a) => a.kind === "search");
  return arg?.kind === "search" ? arg.expr : null;
}
