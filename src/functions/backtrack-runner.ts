/**
 * Runs a JavaScript regex (a pattern RE2 cannot run: backreferences, lookaround; safe-regex.ts)
 * under a time budget, through the platform's threads: Node runs it in a worker thread it can
 * stop (src/platform/node-backtracking.ts), the browser inline in the engine's Web Worker, which
 * the page can terminate (src/platform/inline-backtracking.ts).
 */
import { platform } from "../platform/platform.js";
import type { BacktrackAnswer, BacktrackJob } from "../platform/threads.js";

export type { BacktrackAnswer, BacktrackJob, WireMatch } from "../platform/threads.js";

/** Milliseconds one call may take before it is abandoned. */
let budgetMs = 500;

/** Sets the per-call budget of the backtracking path; returns the previous one. */
export function setBacktrackBudget(ms: number): number {
  const old = budgetMs;
  budgetMs = ms;
  return old;
}

export function backtrackBudget(): number {
  return budgetMs;
}

export function runBacktracking(job: BacktrackJob): BacktrackAnswer {
  return platform().threads.runBacktracking(job, budgetMs);
}
