/**
 * "Did you mean" for a field name no result has (`stats count by hots`): a typo otherwise gives
 * an empty or all-null column and no word about why. A warning only when the name is in neither
 * the command's input nor the store, and some field there is a near miss: a field that is simply
 * null in every result (ESCU tables list many such) stays silent.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Span } from "../source/source-text.js";
import type { EventStore } from "../store/event-store.js";

/** Warnings for the names in `wanted` that neither `present` nor the store has, with the nearest names. */
export function unknownFieldWarnings(command: string, wanted: readonly string[], present: readonly string[], store: EventStore, span: Span): Diagnostic[] {
  const have = new Set([...present, "_time"]);
  const out: Diagnostic[] = [];
  let candidates: string[] | null = null;
  for (const name of wanted) {
    if (name.includes("*") || have.has(name) || store.column(name)) continue;
    candidates ??= [...new Set([...present, ...store.fieldNames()])];
    const near = suggest(name, candidates);
    if (near.length === 0) continue;
    out.push(
      diag("unknown-field", { command, field: name }, span, {
        severity: "warning",
        hints: [`did you mean ${near.map((x) => `"${x}"`).join(" or ")}?`],
      }),
    );
  }
  return out;
}
