/**
 * The search budget the CLI gives every search it runs (search, detect, check, test, repl) from
 * `--timeout`, `--max-rows` and `--max-memory`; the hints of `error[budget]` name those flags.
 */
import { DEFAULT_TIMEOUT_MS, nodeBudget, type BudgetOptions } from "../index.js";
import type { CommonOptions } from "./options.js";

const RAISE = {
  time: "raise it with --timeout <seconds> (0: no limit)",
  rows: "raise it with --max-rows <n> (0: no limit)",
  memory: "raise it with --max-memory <MB> (0: no limit), and Node's heap with NODE_OPTIONS=--max-old-space-size=<MB>",
};

export function cliBudget(opts: Pick<CommonOptions, "timeout" | "maxRows" | "maxMemory">, extra: { cancelFlag?: Int32Array; cancelledBy?: string } = {}): BudgetOptions {
  return nodeBudget({
    timeoutMs: opts.timeout !== undefined ? opts.timeout * 1000 : DEFAULT_TIMEOUT_MS,
    ...(opts.maxRows !== undefined ? { maxRows: opts.maxRows } : {}),
    ...(opts.maxMemory !== undefined ? { maxMemoryBytes: opts.maxMemory * 1_048_576 } : {}),
  }, { raise: RAISE, ...extra });
}
