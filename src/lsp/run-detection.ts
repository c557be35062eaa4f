/**
 * The `minispl.runDetection` command: runs a detection YAML document (its text as the editor has
 * it, saved or not) on the configured data, as `minispl detect` does (its `_filter` macro defined,
 * the workspace's macros), and sums it up: results, contentctl's verdict, the first rows. The
 * client gets the summary as the command's result and as a window/showMessage.
 */
import { Engine, type Value } from "../index.js";
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

export function runDetectionText(yaml: string, file: string, ws: LspWorkspace): RunSummary {
  if (!ws.hasData) return { ok: false, message: "no data to run on: start the server with `minispl lsp --data <paths>` or set initializationOptions.data" };
  const events = ws.events() ?? new Engine();
  if (ws.dataError) return { ok: false, message: ws.dataError };
  let out: ReturnType<Engine["runDetection"]>;
  try {
    // The engine's own macros are the built-ins: the workspace's definitions are added (later wins).
    out = events.defineMacros(ws.macros.values()).runDetection(yaml.includes("\n") ? yaml : `${yaml}\n`);
  } catch (e) {
    return { ok: false, message: `${file}: ${(e as Error).message}` };
  }
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
