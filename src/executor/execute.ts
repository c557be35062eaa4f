/**
 * execute(plan, store) → result table. Runs the steps in order; a runtime error stops the search
 * and comes back as a diagnostic, never as a thrown exception; so does any other exception, as an
 * `internal` diagnostic at the command that was running (internal-error.ts).
 */
import { diag, SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { internalError } from "../diagnostics/internal-error.js";
import { parseSearch } from "../frontend.js";
import type { MacroTable } from "../macros/macro-table.js";
import { checkPipeline } from "./check.js";
import type { FnContext } from "../functions/types.js";
import type { EventStore } from "../store/event-store.js";
import type { ExecContext, Step } from "../commands/types.js";
import { planPipeline, type Plan } from "./plan.js";
import type { PlanOptions } from "../plan/build-plan.js";
import { Table } from "../table/table.js";
import type { GeoIpDatabase } from "../geoip/geo.js";
import { LookupStore, type LookupWriter } from "../lookups/store.js";
import type { Span } from "../source/source-text.js";
import { isBudgetStop, SearchBudget, type BudgetOptions } from "./budget.js";
import { timeBounds } from "./store-scan.js";
import { memoryCsvFolder, type CsvFolder } from "./csv-folder.js";
import { NO_SAVED_SEARCHES, type SavedSearches } from "./saved-searches.js";

export interface ExecuteOptions {
  /** Macros for SPL compiled at run time (`map`). */
  readonly macros?: MacroTable;
  /** "now" in epoch seconds (`--now`); defaults to the wall clock at the start of the search. */
  readonly now?: number;
  /** IANA time zone for rendering and parsing times; default UTC. */
  readonly tz?: string;
  /** Lookup definitions and tables; default an empty store (outputlookup then writes in memory). */
  readonly lookups?: LookupStore;
  /** Also saves outputlookup writes elsewhere (the CLI: a CSV file); throws to refuse a write. */
  readonly writeLookup?: LookupWriter;
  /** The GeoIP database `iplocation` reads (the CLI: --geoip <file.mmdb>); without it iplocation adds nothing. */
  readonly geoip?: GeoIpDatabase;
  /** Plan the searches made at run time (subsearches, `map`) with pushdown (default true). */
  readonly pushdown?: boolean;
  /** Time, row and memory budget and cancellation (executor/budget.ts); default 300 s and 50M rows. */
  readonly budget?: BudgetOptions;
  /** What `| savedsearch <name>` finds (saved-searches.ts; the CLI: the loaded detections); default none. */
  readonly savedSearches?: SavedSearches;
  /** The folder of inputcsv/outputcsv (csv-folder.ts; the CLI: --csv-dir); default one in memory per search. */
  readonly csv?: CsvFolder;
  /**
   * The table the first step receives (default none): the rows of a prefix that ran elsewhere (a
   * SQL backend, issue 13), with `plan` the rest of the search.
   */
  readonly input?: Table;
  /** The whole search's plan when `plan` is only its rest: `addinfo` reads its base search's time range. */
  readonly searchPlan?: Plan;
}

/** Saved searches running saved searches: deeper than this is a loop (a cycle is caught sooner). */
const SAVED_SEARCH_DEPTH = 16;

export interface ExecuteResult {
  readonly table: Table;
  readonly diagnostics: readonly Diagnostic[];
}

export function executePlan(plan: Plan, store: EventStore, opts: ExecuteOptions = {}): ExecuteResult {
  const diagnostics: Diagnostic[] = [];
  const budget = new SearchBudget(opts.budget);
  const lookups = opts.lookups ?? new LookupStore();
  const fn: FnContext = {
    now: opts.now ?? Date.now() / 1000, tz: opts.tz ?? "UTC", warn: (d) => diagnostics.push(d), checkpoint: (work) => budget.tick(work), lookups,
  };
  const planOpts = { pushdown: opts.pushdown !== false };
  const saved = opts.savedSearches ?? NO_SAVED_SEARCHES;
  /** The texts of the saved searches running now, outermost first (a loop stops with an error). */
  const running: string[] = [];
  const ctx: ExecContext = {
    store,
    fn,
    warn: (d: Diagnostic) => diagnostics.push(d),
    // A subsearch has its own time range ("time ranges specified directly in the base search do not
    // apply to subsearches", time modifiers reference): addinfo in it reads the subsearch's.
    run: (commands, input = Table.empty()) => runOwnRange(planPipeline(commands, planOpts), input, ctx, fn),
    runText: (spl, input = Table.empty()) => runOwnRange(compileText(spl, opts.macros, planOpts), input, ctx, fn),
    checkPipeline: (p) => {
      const checked = checkPipeline(p);
      return checked.diagnostics.some((d) => d.severity === "error") ? null : checked.commands;
    },
    lookups,
    writeLookup: (w) => {
      opts.writeLookup?.(w);
      lookups.put(w.filename, w.table);
    },
    ...(opts.geoip ? { geoip: opts.geoip } : {}),
    budget,
    savedSearch: (name, substitute) => {
      const s = saved.get(name);
      if (!s) return null;
      if (running.includes(s.search) || running.length >= SAVED_SEARCH_DEPTH) {
        throw new SplRuntimeError(diag("runtime-error", { message: `savedsearch "${name}" runs itself (through savedsearch); the loop is not followed` }));
      }
      running.push(s.search);
      try {
        return runSteps(compileText(substitute(s.search), s.macros ?? opts.macros, planOpts, `saved search ${JSON.stringify(name)}`).steps, Table.empty(), ctx);
      } finally {
        running.pop();
      }
    },
    savedSearchNames: () => saved.names(),
    csv: opts.csv ?? memoryCsvFolder(),
    searchTime: () => searchTimeRange(opts.searchPlan ?? plan, fn),
  };
  let table = opts.input ?? Table.empty();
  let at = 0;
  try {
    for (; at < plan.steps.length; at++) table = runStep(plan.steps[at] as Step, table, ctx, plan.stepSpans[at]);
  } catch (e) {
    if (e instanceof SplRuntimeError) return { table: Table.empty(), diagnostics: [...diagnostics, atStep(e.diagnostic, plan.stepSpans[at])] };
    return { table: Table.empty(), diagnostics: [...diagnostics, internalError(e, "running", plan.stepSpans[at])] };
  }
  return { table, diagnostics };
}

/** Nested pipelines (subsearches, `map`, appendpipe) are held to the same budget, step by step. */
function runSteps(steps: readonly Step[], input: Table, ctx: ExecContext): Table {
  let table = input;
  for (const step of steps) table = runStep(step, table, ctx);
  return table;
}

/** One command between two budget checks: time, memory and cancellation before, rows after. */
function runStep(step: Step, input: Table, ctx: ExecContext, span?: Span): Table {
  ctx.budget.check(span);
  const out = step(input, ctx);
  ctx.budget.rows(out.length, "this command", span);
  return out;
}

/** A budget stop raised where no command span was at hand points at the command that was running. */
function atStep(d: Diagnostic, span: Span | undefined): Diagnostic {
  return d.span || !span || !isBudgetStop(d) ? d : { ...d, span };
}

/** Front end + check + plan for run-time SPL; the first error becomes a runtime error. */
function compileText(spl: string, macros: MacroTable | undefined, planOpts: PlanOptions, what = "generated search"): Plan {
  const front = parseSearch(spl, { name: what, ...(macros ? { macros } : {}) });
  // The generated text is not a source of the caller's query, so its position goes into the message.
  const fail = (d: Diagnostic): never => {
    const { span: _span, origin: _origin, ...rest } = d;
    throw new SplRuntimeError({ ...rest, message: `in ${what} ${JSON.stringify(spl)}: ${d.message}` });
  };
  const firstError = (ds: readonly Diagnostic[]) => ds.find((d) => d.severity === "error");
  const e1 = firstError(front.diagnostics);
  if (e1) fail(e1);
  if (!front.pipeline) return fail(front.diagnostics[0] as Diagnostic);
  const checked = checkPipeline(front.pipeline);
  const e2 = firstError(checked.diagnostics);
  if (e2) fail(e2);
  return planPipeline(checked.commands, planOpts);
}

/** A nested pipeline's steps, with its own base search's time range as the search's (addinfo). */
function runOwnRange(plan: Plan, input: Table, ctx: ExecContext, fn: FnContext): Table {
  return runSteps(plan.steps, input, { ...ctx, searchTime: () => searchTimeRange(plan, fn) });
}

/** The base search's earliest=/latest= (store-scan.ts reads them the same way), for `addinfo`. */
function searchTimeRange(plan: Plan, fn: FnContext): { earliest: number; latest: number } {
  const scan = plan.logical.nodes.find((n) => n.op === "scan" && n.from === "events");
  const { lo, hi } = timeBounds(scan?.op === "scan" && scan.from === "events" ? scan.filter : null, fn);
  return { earliest: lo, latest: hi };
}
