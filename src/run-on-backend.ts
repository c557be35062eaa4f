/**
 * runSearchOnBackend: a search whose longest pushable prefix runs in ClickHouse (issue 13; chDB in
 * this process or a server), the rest here, on the rows that come back. The compiler
 * (`sql/compile-plan.ts`) decides the prefix from the logical plan and pushes nothing that could
 * change a result, so the rows are the in-memory run's; when nothing can be pushed, the whole
 * search runs in memory. Errors of the backend (connection, SQL, a missing table) come back as
 * diagnostics, never as exceptions, and never carry the ClickHouse password.
 */
import { diag, SplRuntimeError, type Diagnostic } from "./diagnostics/diagnostic.js";
import { internalError } from "./diagnostics/internal-error.js";
import { SearchBudget } from "./executor/budget.js";
import type { ExecuteOptions } from "./executor/execute.js";
import { planPipeline } from "./executor/plan.js";
import type { FrontendOptions } from "./frontend.js";
import type { PlanOptions } from "./plan/build-plan.js";
import type { CommandNode } from "./plan/nodes.js";
import { compile, executeCompiled, type RunResult } from "./run.js";
import { compilePushdown } from "./sql/compile-plan.js";
import { isLocalFallback } from "./sql/guard.js";
import type { PushdownReport } from "./sql/types.js";
import type { SqlBackend } from "./storage/clickhouse/backend.js";
import { presentFields } from "./storage/clickhouse/present-fields.js";
import { rowsToTable } from "./storage/clickhouse/rows-to-table.js";
import type { EventStore } from "./store/event-store.js";
import type { Table } from "./table/table.js";

export interface BackendRunResult extends RunResult {
  /** What ran in ClickHouse (the SQL, how many plan nodes) and why the rest did not. */
  readonly pushdown: PushdownReport;
}

export interface BackendRunOptions extends FrontendOptions, PlanOptions, ExecuteOptions {
  /** Where the ClickHouse password may be found, to keep it out of every message (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** The report of a search that did not compile: nothing pushed, nothing planned. */
const NOT_PLANNED: PushdownReport = { pushed: null, nodes: 0, stop: null };

/**
 * Compiles `text`, runs the pushed prefix on `backend` (its tables prepared from `store` first) and
 * the rest of the pipeline in memory. Never throws.
 */
export async function runSearchOnBackend(text: string, store: EventStore, backend: SqlBackend, opts: BackendRunOptions = {}): Promise<BackendRunResult> {
  const compiled = compile(text, opts);
  const plan = compiled.plan;
  if (!plan) return { ...compiled, table: null, pushdown: NOT_PLANNED };
  // One "now" for the SQL (relative time bounds) and the steps that run here.
  const now = opts.now ?? Date.now() / 1000;
  const exec: ExecuteOptions = { ...opts, now };
  let pushdown: PushdownReport;
  try {
    pushdown = compilePushdown(plan.logical, { now, tz: opts.tz ?? "UTC", storeFields: store.fieldNames(), ...(opts.lookups ? { lookups: opts.lookups } : {}) });
  } catch (e) {
    // A compiler bug must not change results: the whole search runs here, and explain says why.
    pushdown = { pushed: null, nodes: plan.logical.nodes.length, stop: { node: 0, reason: `the SQL compiler failed: ${(e as Error).message}` } };
  }
  const pushed = pushdown.pushed;
  if (!pushed) return { ...executeCompiled(compiled, plan, store, exec), pushdown };
  const span = compiled.commands[0]?.span;
  // The search's time budget and cancellation hold while ClickHouse works, its row budget for
  // the rows that come back; the steps here get what is left of the time.
  const started = Date.now();
  const budget = new SearchBudget(opts.budget);
  let rows: Record<string, unknown>[];
  let present: ReadonlySet<string> | undefined;
  try {
    rows = await withinBudget(budget, opts.budget?.signal, async () => {
      await backend.prepare(store, pushed.tables, opts.lookups);
      const got = await backend.query(pushed.sql);
      present = await presentFields(backend, pushed, got);
      return got;
    });
    budget.check(span);
    budget.rows(rows.length, `the part that ran in ${backend.name}`, span);
  } catch (e) {
    // A run-time guard met a value only JavaScript decides exactly (sql/guard.ts): all of it here.
    if (isLocalFallback(e)) {
      const stop = { node: 0, reason: `a value needed JavaScript's semantics at run time (${pushdown.stop?.reason ?? "a guard in the SQL"}); the whole search ran in memory` };
      return { ...executeCompiled(compiled, plan, store, exec), pushdown: { pushed: null, nodes: pushdown.nodes, stop, fellBack: true } };
    }
    if (e instanceof SplRuntimeError) return { ...compiled, table: null, diagnostics: [...compiled.diagnostics, { ...e.diagnostic, ...(span ? { span } : {}) }], pushdown };
    const message = redactSecrets(`${backend.name}: ${(e as Error)?.message ?? String(e)}`, opts.env ?? process.env);
    const d = diag("runtime-error", { message }, span, { hints: [`this part of the search ran in ${backend.name}; \`minispl explain --backend …\` shows its SQL`] });
    return { ...compiled, table: null, diagnostics: [...compiled.diagnostics, d], pushdown };
  }
  let input: Table;
  try {
    input = rowsToTable(rows, pushed.columns, present);
  } catch (e) {
    const d: Diagnostic = internalError(e, "running", span);
    return { ...compiled, table: null, diagnostics: [...compiled.diagnostics, d], pushdown };
  }
  // The rest, as planned for the whole search (its nodes after the pushed ones are commands,
  // with the events view's `head` if the CLI planned one), re-planned on its own.
  const rest = plan.logical.nodes.slice(pushed.nodes).map((n) => (n as CommandNode).command);
  const restPlan = planPipeline(rest, opts.pushdown === false ? { pushdown: false } : {});
  const left = Number.isFinite(budget.timeoutMs) ? Math.max(1, budget.timeoutMs - (Date.now() - started)) : 0;
  const restBudget = { ...opts.budget, timeoutMs: left };
  return { ...executeCompiled(compiled, restPlan, store, { ...exec, budget: restBudget, input, searchPlan: plan }), pushdown };
}

/**
 * `work`, or the budget's time or cancellation error when it ends first (ClickHouse's work is then
 * abandoned: its rows are never read).
 */
function withinBudget<T>(budget: SearchBudget, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  if (!Number.isFinite(budget.timeoutMs) && !signal) return work();
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
    };
    function stop(): void {
      try {
        budget.check();
      } catch (e) {
        done();
        reject(e);
        return;
      }
      // A timer can fire a moment before the clock budget.check reads has passed the deadline
      // (timers run on a monotonic clock, Date.now on the wall clock): look again shortly.
      timer = setTimeout(stop, 1);
    }
    // One ms past the deadline, so budget.check sees it passed.
    if (Number.isFinite(budget.timeoutMs)) timer = setTimeout(stop, budget.timeoutMs + 1);
    signal?.addEventListener("abort", stop, { once: true });
    work().then((v) => (done(), resolve(v)), (e: unknown) => (done(), reject(e)));
  });
}

/**
 * A message with the ClickHouse password (MINISPL_CLICKHOUSE_PASSWORD) and any `user:password@`
 * of a URL replaced: a driver may echo its connection settings in an error.
 */
export function redactSecrets(message: string, env: NodeJS.ProcessEnv): string {
  let out = message.replace(/(\/\/[^\s:/@]*):[^\s@/]*@/g, "$1:***@");
  const password = env.MINISPL_CLICKHOUSE_PASSWORD;
  if (password) out = out.split(password).join("***");
  return out;
}
