/**
 * The plan as `explain` prints it: one numbered line per node (its operator, the command it stands
 * for and that command's summary), with what pushdown gave each scan on the lines under it.
 */
import { printSearch } from "../ast/print.js";
import type { LogicalPlan, PlanNode } from "./nodes.js";

/** Lines without a trailing newline; nested plans (join, append) are indented under their node. */
export function printPlan(plan: LogicalPlan, summary: (kind: string) => string, indent = "  "): string[] {
  const out: string[] = [];
  plan.nodes.forEach((n, i) => {
    out.push(`${indent}${i + 1}. ${headline(n, summary)}`);
    const more = `${indent}   `;
    if (n.op === "scan") {
      if (n.filter) out.push(`${more}filter: ${printSearch(n.filter)}`);
      if (n.from === "events") {
        if (n.commands.length > 1) out.push(`${more}folds in ${n.commands.length - 1} later search command(s)`);
        if (n.projection) out.push(`${more}reads only: ${[...n.projection].join(", ")}`);
        if (n.limit !== null) out.push(`${more}stops after the newest ${n.limit} event(s)`);
      } else {
        out.push(`${more}reads: ${n.projection.join(", ") || "(membership only)"}`);
        out.push(`${more}read by the tstats below as it groups`);
      }
    } else {
      n.subplans.forEach((p, j) => {
        out.push(`${more}${n.subplans.length > 1 ? `subsearch ${j + 1}` : "subsearch"}:`);
        out.push(...printPlan(p, summary, `${more}  `));
      });
    }
  });
  return out;
}

function headline(n: PlanNode, summary: (kind: string) => string): string {
  if (n.op !== "scan") return `${n.op} (${n.command.kind}): ${summary(n.command.kind)}`;
  if (n.from === "events") return "scan events (base search)";
  return `scan datamodel ${n.nodename ?? n.datamodel}`;
}
