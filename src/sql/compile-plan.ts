/**
 * compilePushdown(plan) → the longest prefix of a logical plan that ClickHouse answers with
 * minispl's results, as one SQL query, and why the rest stays local (sql/README.md). First slice
 * (issue 13): a plan that starts with a dataset scan read by its `tstats` (`| tstats … from
 * datamodel=…`) pushes those two nodes and the steps right after them that only rename
 * (compile-rename.ts), reformat times (compile-convert.ts) or pass the rows (`search *`);
 * every later node, and any other start, runs in memory.
 * Nothing is pushed that could change a result: a construct without an exact SQL form stops the
 * prefix (compile-where.ts NotPushable) and its reason is the report's `stop`.
 */
import type { LogicalPlan } from "../plan/nodes.js";
import type { Command } from "../ast/commands.js";
import { convertColumns } from "./compile-convert.js";
import { renameColumns } from "./compile-rename.js";
import { compileTstats, tstatsSql } from "./compile-tstats.js";
import { NotPushable } from "./compile-where.js";
import type { PushdownReport, SqlColumn } from "./types.js";

export interface PushdownOptions {
  /** The search's "now" (epoch seconds) and time zone, for relative time bounds (none pushed yet). */
  readonly now: number;
  readonly tz: string;
}

/** SQL bytes (UTF-8) pushed at most: below ClickHouse's default max_query_size (262,144). */
export const MAX_SQL = 200_000;

export function compilePushdown(plan: LogicalPlan, opts: PushdownOptions): PushdownReport {
  const nodes = plan.nodes.length;
  const [scan, next] = plan.nodes;
  if (!scan) return { pushed: null, nodes, stop: null };
  if (scan.op !== "scan" || scan.from !== "datamodel" || next?.op === "scan" || next?.command.kind !== "tstats") {
    const what = scan.op === "scan" ? (scan.from === "events" ? "an event search" : "this dataset scan") : `| ${scan.command.kind}`;
    return { pushed: null, nodes, stop: { node: 0, reason: `${what} is not pushed down yet (only tstats from datamodel= is)` } };
  }
  let compiled;
  try {
    compiled = compileTstats(next.command);
  } catch (e) {
    if (!(e instanceof NotPushable)) throw e;
    return { pushed: null, nodes, stop: { node: 0, reason: `tstats: ${e.message}` } };
  }
  // The steps right after that only rename or reformat result columns.
  let columns = compiled.columns;
  const select = [...compiled.select];
  let serial = 0;
  let k = 2;
  let reason: string | null = null;
  for (let n = plan.nodes[k]; n && n.op !== "scan"; n = plan.nodes[++k]) {
    try {
      const step = resultStep(n.command, columns, opts, compiled.numbers, () => serial++);
      if (!step) break;
      columns = step.columns;
      select.push(...step.select);
    } catch (e) {
      if (!(e instanceof NotPushable)) throw e;
      reason = `| ${n.command.kind}: ${e.message}`;
      break;
    }
  }
  const sql = tstatsSql({ select, tail: compiled.tail });
  // ClickHouse refuses a query past max_query_size (256 KiB by default): a huge IN list stays local.
  const bytes = new TextEncoder().encode(sql).length;
  if (bytes > MAX_SQL) return { pushed: null, nodes, stop: { node: 0, reason: `tstats: the SQL would be ${bytes} bytes (more than ${MAX_SQL})` } };
  const after = plan.nodes[k];
  const stop = after ? { node: k, reason: reason ?? `| ${after.op === "scan" ? "search" : after.command.kind} is not pushed down yet` } : null;
  return { pushed: { nodes: k, commands: k - 1, sql, columns, tables: compiled.tables }, nodes, stop };
}

/**
 * A command after the tstats that only renames, reformats or passes the result rows (rename,
 * convert ctime, `search *` such as ESCU's empty filter macros), as the columns after it; null
 * for any other command.
 */
function resultStep(c: Command, columns: readonly SqlColumn[], opts: PushdownOptions, numbers: ReadonlyMap<string, string>, serial: () => number): { columns: readonly SqlColumn[]; select: readonly string[] } | null {
  if (c.kind === "rename") return { columns: renameColumns(columns, c), select: [] };
  if (c.kind === "convert") return convertColumns(columns, c, opts.tz, numbers, serial);
  if (c.kind === "search" && c.subsearches.size === 0 && (c.expr === null || (c.expr.kind === "term" && c.expr.value.text === "*"))) return { columns, select: [] };
  return null;
}
