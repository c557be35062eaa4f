/**
 * The `minispl.runDetection` command: runs a detection YAML document (its text as the editor has
 * it, saved or not) on the configured data, as `minispl detect` does (its `_filter` macro defined,
 * the workspace's macros), in the data's worker thread, and sums it up: results, contentctl's
 * verdict, the first rows. The client gets the summary as the command's result and as a
 * window/showMessage.
 *
 * A run asked for while the data loads waits for it (the load's progress is on screen): the user
 * clicked Run and wants the answer on the data, not an error to click again. The abort signal (the
 * client's $/cancelRequest, or Cancel on the run's progress) ends the wait or the search:
 * CANCELLED. A data file saved during the run reloads the data, and the run starts again on it.
 */
import type { DetectionOutcome, Value } from "../index.js";
import type { LspWorkspace } from "./lsp-workspace.js";

export const RUN_DETECTION = "minispl.runDetection";

/** The first rows returned with the summary (the count is of all of them). */
const SHOWN_ROWS = 20;

export interface RunSummary {
  readonly ok: boolean;
  /** One line for the user: `Name: 3 results (pass)` or why it did not run. */
  readonly message: string;
  readonly detection?: string;
  readonly results?: number;
  readonly verdict?: string;
  readonly fields?: readonly string[];
  readonly rows?: readonly Record<string, Value>[];
  /** Errors and warnings, `error[code]: message` (the document's diagnostics place them). */
  readonly diagnostics?: readonly string[];
}

/** The run was cancelled (the caller answers the request with RequestCancelled). */
export const CANCELLED = "cancelled";

export interface RunHooks {
  readonly signal: AbortSignal;
  /** Called when the run has to wait for the data, then when the search starts. */
  readonly onStep?: (step: "waiting" | "running") => void;
}

export async function runDetectionText(yaml: string, file: string, ws: LspWorkspace, hooks: RunHooks): Promise<RunSummary | typeof CANCELLED> {
  const { signal } = hooks;
  if (!ws.data.configured) return { ok: false, message: "no data to run on: start the server with `minispl lsp --data <paths>` (or `--index <dir>`) or set initializationOptions.data" };
  const text = yaml.includes("\n") ? yaml : `${yaml}\n`;
  for (;;) {
    if (ws.data.loading) hooks.onStep?.("waiting");
    const load = await untilAborted(ws.data.loaded(), signal);
    if (load === CANCELLED) return CANCELLED;
    if (!load) return { ok: false, message: "the server is shutting down" };
    if (load.error) return { ok: false, message: load.error };
    hooks.onStep?.("running");
    let out: DetectionOutcome;
    try {
      // The worker's macros are the built-ins: the workspace's definitions are added (later wins),
      // once per macro table (a saved macro file makes a new one).
      const macros = ws.macros;
      if (load.macros !== macros) {
        await load.engine.defineMacros(macros.values());
        load.macros = macros;
      }
      out = await load.engine.runDetection(text, { signal });
    } catch (e) {
      if (signal.aborted) return CANCELLED;
      // The data was reloaded under the run (its worker closed): run again on the new data.
      if (ws.data.replaced(load)) continue;
      return { ok: false, message: `${file}: ${(e as Error).message}` };
    }
    if (signal.aborted) return CANCELLED;
    return summary(out);
  }
}

function summary(out: DetectionOutcome): RunSummary {
  const name = out.detection.name;
  const diagnostics = out.diagnostics.map((d) => `${d.severity}[${d.code}]: ${d.message}`);
  if (!out.ok) return { ok: false, detection: name, message: `${name}: ${out.diagnostics.find((d) => d.severity === "error")?.message ?? "the search did not run"}`, diagnostics };
  const n = out.rows.length;
  return {
    ok: true,
    detection: name,
    results: n,
    verdict: out.verdict.status,
    message: `${name}: ${n} result${n === 1 ? "" : "s"} (${out.verdict.status}${out.verdict.message ? `: ${out.verdict.message}` : ""})`,
    fields: out.fields,
    rows: out.rows.slice(0, SHOWN_ROWS),
    diagnostics,
  };
}

/** `p`, or CANCELLED as soon as the signal aborts (p itself goes on). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T | typeof CANCELLED> {
  if (signal.aborted) return Promise.resolve(CANCELLED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(CANCELLED);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
