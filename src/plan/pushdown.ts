/**
 * Pushdown rules over a plan that starts with the event scan. Each rule keeps results identical;
 * the scan does the work earlier and on fewer rows:
 * - a `search` right after the scan folds into the scan's filter (`search A | search B` is
 *   `search A B`), unless it names `earliest`/`latest`/`_time`, which differ between the two (time
 *   modifiers in the base search, fields after it) or holds a subsearch (which may return them);
 * - `head N` right after (without a condition) lets the scan stop at the newest N events;
 * - the fields the rest reads become the scan's projection (fields-read.ts).
 */
import type { Command, SearchCommand } from "../ast/commands.js";
import type { SearchExpr } from "../ast/nodes.js";
import { fieldsReadAfter, searchFields } from "./fields-read.js";
import type { CommandNode, EventScan, LogicalPlan, PlanNode } from "./nodes.js";

export function pushDown(plan: LogicalPlan): LogicalPlan {
  const [first, ...rest] = plan.nodes;
  if (first?.op !== "scan" || first.from !== "events") return plan;
  let scan: EventScan = first;
  let k = 0;
  for (; k < rest.length; k++) {
    const folded = foldable(rest[k] as PlanNode);
    if (!folded) break;
    scan = fold(scan, folded);
  }
  const after = rest.slice(k) as CommandNode[];
  const next = after[0]?.command;
  const limit = next?.kind === "head" && !next.while && Number.isFinite(next.count) ? next.count : null;
  const projection = fieldsReadAfter(after.map((n) => n.command));
  return { nodes: [{ ...scan, projection, limit }, ...after] };
}

const TIME_NAMES = new Set(["earliest", "latest", "_time"]);

function foldable(node: PlanNode): SearchCommand | null {
  if (node.op !== "filter") return null;
  const c: Command = node.command;
  if (c.kind !== "search" || !c.expr) return null;
  // A subsearch may return `earliest`/`latest`, which the scan would read as time modifiers.
  const read = new Set<string>();
  if (!searchFields(c.expr, read)) return null;
  for (const f of read) if (TIME_NAMES.has(f.toLowerCase())) return null;
  return c;
}

function fold(scan: EventScan, c: SearchCommand): EventScan {
  const expr = c.expr as SearchExpr;
  const filter: SearchExpr = scan.filter ? { kind: "and", items: [...conjuncts(scan.filter), ...conjuncts(expr)], span: c.span } : expr;
  return {
    ...scan,
    filter,
    commands: [...scan.commands, c],
  };
}

/** The items of a top-level AND, so the scan still finds `earliest=`/`latest=` among them. */
function conjuncts(e: SearchExpr): readonly SearchExpr[] {
  return e.kind === "and" ? e.items : [e];
}
