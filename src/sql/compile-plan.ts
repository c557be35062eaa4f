/**
 * compilePushdown(plan) → the longest prefix of a logical plan that ClickHouse answers with
 * minispl's results, as one SQL query, and why the rest stays local (sql/README.md). A plan that
 * starts with a dataset scan read by its `tstats` (`| tstats … from datamodel=…`), or with an
 * event search read by a `stats` (`index=* EventCode=1 … | stats count by …`), pushes those two
 * nodes and the steps right after them that only rename
 * (compile-rename.ts), reformat times (compile-convert.ts) or pass the rows (`search *`);
 * every later node, and any other start, runs in memory.
 * Nothing is pushed that could change a result: a construct without an exact SQL form stops the
 * prefix (compile-where.ts NotPushable) and its reason is the report's `stop`.
 */
import type { LogicalPlan } from "../plan/nodes.js";
import type { Command } from "../ast/commands.js";
import { isRowStep, type RowStep } from "./row-steps.js";
import { compileEventTable } from "./compile-event-table.js";
import { convertColumns } from "./compile-convert.js";
import { renameColumns } from "./compile-rename.js";
import { compileEventStats, type CompiledEvents } from "./compile-events.js";
import { compileTstats, tstatsSql, type CompiledTstats } from "./compile-tstats.js";
import { NotPushable } from "./compile-where.js";
import { expressionStep, ResultQuery } from "./compile-eval-step.js";
import { searchStep } from "./compile-search-step.js";
import { projectStep } from "./compile-project-step.js";
import { dedupStep } from "./compile-dedup-step.js";
import { headStep, sortStep } from "./compile-sort-step.js";
import { regexStep } from "./compile-regex-step.js";
import { rexStep } from "./compile-rex-step.js";
import { eventstatsStep } from "./compile-eventstats-step.js";
import { fillnullStep } from "./compile-fillnull-step.js";
import { joinStep } from "./compile-join-step.js";
import { lookupStep, type LookupSource } from "./compile-lookup-step.js";
import { checkAfterOptional, optionalPresence } from "./optional-fields.js";
import type { PushdownReport, SqlColumn, TableNeed } from "./types.js";

export interface PushdownOptions {
  /** The search's "now" (epoch seconds) and time zone, for relative time bounds (none pushed yet). */
  readonly now: number;
  readonly tz: string;
  /** The store's field names in its order (EventStore.fieldNames): a wildcard rename after an event search reads them. */
  readonly storeFields?: readonly string[];
  /** The search's lookups (a LookupStore), for a `| lookup` after the aggregate (compile-lookup-step.ts). */
  readonly lookups?: LookupSource;
}

/** SQL bytes (UTF-8) pushed at most: below ClickHouse's default max_query_size (262,144). */
export const MAX_SQL = 200_000;

export function compilePushdown(plan: LogicalPlan, opts: PushdownOptions): PushdownReport {
  const nodes = plan.nodes.length;
  if (!plan.nodes[0]) return { pushed: null, nodes, stop: null };
  let head;
  try {
    head = compileAggregateHead(plan, opts);
  } catch (e) {
    if (!(e instanceof NotPushable)) throw e;
    return { pushed: null, nodes, stop: { node: 0, reason: e.message } };
  }
  const { compiled, scanCommands } = head;
  // The steps right after that only rename or reformat result columns.
  let columns = compiled.columns;
  const query = new ResultQuery(compiled.select, compiled.tail, compiled.numbers);
  let serial = 0;
  let k = head.nodes;
  let reason: string | null = null;
  // Tables besides the aggregate's: a lookup's, a join subsearch's (the loader widens a table read twice).
  const extraTables: TableNeed[] = [];
  const needTable = (t: TableNeed) => {
    if (!extraTables.some((x) => JSON.stringify(x) === JSON.stringify(t))) extraTables.push(t);
  };
  for (let n = plan.nodes[k]; n && n.op !== "scan"; n = plan.nodes[++k]) {
    try {
      checkAfterOptional(n.command, columns, query);
      const looked = lookupStep(n.command, columns, query, opts.lookups, () => serial++);
      if (looked) {
        columns = looked.columns;
        if (looked.need) needTable(looked.need);
        continue;
      }
      // A join's subsearch compiles on its own and must push down completely (compile-join-step.ts).
      const joined = joinStep(n.command, n.subplans[0], columns, query, (sub) => compilePushdown(sub, opts), () => serial++);
      if (joined) {
        columns = joined.columns;
        joined.tables.forEach(needTable);
        continue;
      }
      const step = resultStep(n.command, columns, opts, query.numbers, () => serial++);
      if (step) {
        columns = step.columns;
        query.add(step.select);
        continue;
      }
      // where / eval over the result (compile-eval-step.ts).
      // search / table / fields over the result (compile-search-step.ts, compile-project-step.ts).
      const evaluated = expressionStep(n.command, columns, query, () => serial++) ?? searchStep(n.command, columns, query) ?? projectStep(n.command, columns) ?? dedupStep(n.command, columns, query, () => serial++) ?? sortStep(n.command, columns, query, () => serial++) ?? headStep(n.command, columns, query, () => serial++) ?? regexStep(n.command, columns, query) ?? rexStep(n.command, columns, query, () => serial++) ?? fillnullStep(n.command, columns, query, () => serial++) ?? eventstatsStep(n.command, columns, query, () => serial++);
      if (!evaluated) break;
      columns = evaluated;
    } catch (e) {
      if (!(e instanceof NotPushable)) throw e;
      reason = `| ${n.command.kind}: ${e.message}`;
      break;
    }
  }
  const presence = optionalPresence(query, columns);
  const sql = query.sql();
  // ClickHouse refuses a query past max_query_size (256 KiB by default): a huge IN list stays local.
  const bytes = Math.max(...[sql, presence?.sql ?? ""].map((t) => new TextEncoder().encode(t).length));
  if (bytes > MAX_SQL) return { pushed: null, nodes, stop: { node: 0, reason: `the SQL would be ${bytes} bytes (more than ${MAX_SQL})` } };
  const after = plan.nodes[k];
  const stop = after ? { node: k, reason: reason ?? `| ${after.op === "scan" ? "search" : after.command.kind} is not pushed down yet` } : null;
  return { pushed: { nodes: k, commands: scanCommands + k - 1, sql, columns, tables: [...compiled.tables, ...extraTables], numbers: [...query.numbers.keys()], ...(presence ? { presence } : {}) }, nodes, stop };
}

/**
 * The first plan nodes as one grouping query: a dataset scan and its `tstats`
 * (compile-tstats.ts), or an event scan, the renames and fillnulls after it and a `stats`
 * (compile-events.ts).
 * `scanCommands`: the commands the first node stands for besides the aggregate (tstats: 0, it
 * is the aggregate's own scan; an event scan: its base search and the searches folded into it).
 */
function compileAggregateHead(plan: LogicalPlan, opts: PushdownOptions): { compiled: CompiledTstats | CompiledEvents; scanCommands: number; nodes: number } {
  const scan = plan.nodes[0];
  // An event search may rename, fill, eval, filter and bin before its stats (row-steps.ts).
  let at = 1;
  const steps: RowStep[] = [];
  for (let n = plan.nodes[at]; scan?.op === "scan" && scan.from === "events" && n && n.op !== "scan"; n = plan.nodes[++at]) {
    if (!isRowStep(n.command)) break;
    steps.push(n.command);
  }
  const next = plan.nodes[at];
  const agg = next && next.op !== "scan" ? next.command : null;
  if (scan?.op === "scan" && scan.from === "datamodel" && agg?.kind === "tstats") {
    try {
      return { compiled: compileTstats(agg, opts.tz), scanCommands: 0, nodes: 2 };
    } catch (e) {
      throw e instanceof NotPushable ? new NotPushable(`tstats: ${e.message}`) : e;
    }
  }
  if (scan?.op === "scan" && scan.from === "events" && agg?.kind === "stats") {
    try {
      return { compiled: compileEventStats(scan, agg, opts, steps), scanCommands: scan.commands.length, nodes: at + 1 };
    } catch (e) {
      throw e instanceof NotPushable ? new NotPushable(`search | stats: ${e.message}`) : e;
    }
  }
  if (scan?.op === "scan" && scan.from === "events" && agg?.kind === "table") {
    try {
      return { compiled: compileEventTable(scan, agg, opts, steps), scanCommands: scan.commands.length, nodes: at + 1 };
    } catch (e) {
      throw e instanceof NotPushable ? new NotPushable(`search | table: ${e.message}`) : e;
    }
  }
  const what = scan?.op === "scan" ? (scan.from === "events" ? (agg ? `an event search followed by | ${agg.kind}` : "an event search without an aggregate") : "this dataset scan") : `| ${scan?.command.kind}`;
  throw new NotPushable(`${what} is not pushed down yet (only tstats from datamodel=, search | stats and search | table are)`);
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
