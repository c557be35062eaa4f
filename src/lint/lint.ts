/**
 * `minispl lint`: the checks contentctl users ask for (contentctl #310), each a finding with a
 * rule name:
 * - `tstats-summariesonly`: a tstats without `security_content_summariesonly` (its rows with a null
 *   BY field are dropped instead of kept as "null", spl-semantics.md §1.2);
 * - `undefined-macro`: a macro that no definition provides (the detection's own filter excepted);
 * - `datamodel-field`: a `by`/aggregate field the datamodel does not have (it is always null);
 * - `observable-not-produced`: an observable (risk/threat object) that no result field carries;
 * - `drilldown-token`: a `$token$` in a drilldown that no result field provides;
 * - `search-error`: the search does not compile at all.
 * Result fields are found by running the search over an empty store: every command computes its
 * output field names even without rows.
 */
import type { Detection } from "../detections/detection.js";
import { runnableSearch, withFilterMacro } from "../detections/detection.js";
import type { MacroTable } from "../macros/macro-table.js";
import { runSearch } from "../run.js";
import { EventStore } from "../store/event-store.js";

export interface LintFinding {
  readonly rule: "tstats-summariesonly" | "undefined-macro" | "datamodel-field" | "observable-not-produced" | "drilldown-token" | "search-error";
  readonly message: string;
}

/** Commands after which the result fields are known without data. */
const SHAPING = new Set(["stats", "tstats", "table", "fields", "timechart", "chart", "fieldsummary", "top", "rare", "xyseries", "inputlookup", "makeresults"]);

/** Tokens Splunk fills itself in drilldowns (not result fields). */
const BUILTIN_TOKENS = new Set(["info_min_time", "info_max_time", "info_search_time", "earliest", "latest"]);

export function lintDetection(det: Detection, macros: MacroTable): LintFinding[] {
  const findings: LintFinding[] = [];
  if (/\|\s*tstats\b/i.test(det.search) && !/`security_content_summariesonly`/.test(det.search)) {
    findings.push({ rule: "tstats-summariesonly", message: "tstats without `security_content_summariesonly`: results with a null BY field are dropped instead of kept as \"null\"" });
  }
  const r = runSearch(runnableSearch(det.search), new EventStore(), { macros: withFilterMacro(det, macros), now: 0 });
  for (const d of r.diagnostics) {
    if (d.code === "unknown-macro") findings.push({ rule: "undefined-macro", message: d.message });
    else if (d.code === "bad-argument" && d.severity === "warning" && /is not a field of/.test(d.message)) {
      findings.push({ rule: "datamodel-field", message: d.message });
    } else if (d.severity === "error") findings.push({ rule: "search-error", message: d.message });
  }
  // Without a command that fixes the result fields (stats, table, …) the results are events whose
  // fields depend on the data, so the field checks would only guess.
  if (!r.table || !r.commands.some((c) => SHAPING.has(c.kind) && !(c.kind === "fields" && c.remove))) return findings;
  const produced = new Set(r.table.fields);
  for (const o of det.observables) {
    if (!produced.has(o.name)) {
      findings.push({ rule: "observable-not-produced", message: `observable "${o.name}" (${o.type}, ${o.role.join("/") || "no role"}) is not a field of the results` });
    }
  }
  for (const dd of det.drilldowns ?? []) {
    for (const m of dd.search.matchAll(/\$([^$\s]+)\$/g)) {
      const token = m[1] as string;
      if (!BUILTIN_TOKENS.has(token) && !produced.has(token)) {
        findings.push({ rule: "drilldown-token", message: `drilldown "${dd.name}" uses $${token}$, which no result field provides` });
      }
    }
  }
  return findings;
}
