/**
 * The two compositions every caller needs: compile (front end + check + plan) and runSearch
 * (compile + execute over a store). The stage functions themselves are exported from index.ts.
 */
import type { Command } from "./ast/commands.js";
import type { Pipeline } from "./ast/nodes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { SplRuntimeError } from "./diagnostics/diagnostic.js";
import { internalError } from "./diagnostics/internal-error.js";
import { checkPipeline } from "./executor/check.js";
import { executePlan, type ExecuteOptions } from "./executor/execute.js";
import { planPipeline, type Plan } from "./executor/plan.js";
import type { PlanOptions } from "./plan/build-plan.js";
import type { Table } from "./table/table.js";
import { parseSearch, type FrontendOptions } from "./frontend.js";
import type { SplToken } from "./lexer/lexer.js";
import type { SourceSet } from "./source/source-text.js";
import type { EventStore } from "./store/event-store.js";

export interface CompileResult {
  readonly sources: SourceSet;
  readonly tokens: readonly SplToken[];
  readonly pipeline: Pipeline | null;
  readonly commands: readonly Command[];
  readonly plan: Plan | null;
  /** Errors and warnings of every stage that ran. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Front end + check + plan. `plan` is null when any stage reported an error. Never throws: an
 * unexpected exception is an `internal` diagnostic at the search (internal-error.ts).
 */
export function compile(text: string, opts: FrontendOptions & PlanOptions = {}): CompileResult {
  const front = parseSearch(text, opts);
  const base = { sources: front.sources, tokens: front.tokens, pipeline: front.pipeline };
  if (!front.pipeline) return { ...base, commands: [], plan: null, diagnostics: front.diagnostics };
  let stage: "checking" | "planning" = "checking";
  try {
    const checked = checkPipeline(front.pipeline);
    const diagnostics = [...front.diagnostics, ...checked.diagnostics];
    if (diagnostics.some((d) => d.severity === "error")) return { ...base, commands: checked.commands, plan: null, diagnostics };
    stage = "planning";
    return { ...base, commands: checked.commands, plan: planPipeline(checked.commands, opts), diagnostics };
  } catch (e) {
    return { ...base, commands: [], plan: null, diagnostics: [...front.diagnostics, internalError(e, stage, front.pipeline.span)] };
  }
}

export interface RunResult extends CompileResult {
  readonly table: Table | null;
}

/** Compiles and executes a search over a store. Never throws (executePlan has the same net). */
export function runSearch(text: string, store: EventStore, opts: FrontendOptions & PlanOptions & ExecuteOptions = {}): RunResult {
  const compiled = compile(text, opts);
  if (!compiled.plan) return { ...compiled, table: null };
  return executeCompiled(compiled, compiled.plan, store, opts);
}

/**
 * Executes `plan` (the compiled search's plan, or the rest of it after a prefix that ran
 * elsewhere: `opts.input`) and renders the results. Never throws.
 */
export function executeCompiled(compiled: CompileResult, plan: Plan, store: EventStore, opts: ExecuteOptions): RunResult {
  const exec = executePlan(plan, store, opts);
  const failed = exec.diagnostics.some((d) => d.severity === "error");
  if (failed) return { ...compiled, table: null, diagnostics: [...compiled.diagnostics, ...exec.diagnostics] };
  // The results as shown: `fieldformat` formats apply now, after every command saw the values.
  try {
    return { ...compiled, table: exec.table.rendered(), diagnostics: [...compiled.diagnostics, ...exec.diagnostics] };
  } catch (e) {
    const d = e instanceof SplRuntimeError ? e.diagnostic : internalError(e, "running", compiled.pipeline?.span);
    return { ...compiled, table: null, diagnostics: [...compiled.diagnostics, ...exec.diagnostics, d] };
  }
}
