/**
 * A notable's drilldowns, run as one job: each drilldown's name, the search as it ran (the row's
 * values in place of its `$field$` tokens), its time window, and its rows or its error.
 */
import type { CellValue, DrilldownView, EngineClient } from "./client.js";
import { h } from "./dom.js";
import { followJob, jobProblem } from "./poll-job.js";
import { renderedElement } from "./search-bar.js";
import { renderTable } from "./table-view.js";

export async function runDrilldowns(client: EngineClient, file: string, fields: Readonly<Record<string, CellValue>>, panel: HTMLElement, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  const status = h("div", { class: "status" });
  panel.replaceChildren(status);
  try {
    const job = await followJob(client, await client.runDrilldowns(file, fields), status);
    const problem = jobProblem(job);
    if (problem) panel.replaceChildren(h("div", { class: "diag diag-error" }, problem));
    else panel.replaceChildren(...(job.result?.drilldowns ?? []).map(drilldown));
  } catch (e) {
    panel.replaceChildren(h("div", { class: "diag diag-error" }, `drilldowns failed: ${(e as Error).message}`));
  } finally {
    button.disabled = false;
  }
}

function drilldown(d: DrilldownView): HTMLElement {
  const rows = h("div", { class: "drilldown-rows" });
  if (d.result.ok) renderTable(rows, d.result);
  else rows.append(...d.result.diagnostics.map(renderedElement));
  return h("section", { class: "drilldown" },
    h("h5", { class: "drilldown-name" }, d.name),
    h("pre", { class: "drilldown-search" }, d.search),
    h("div", { class: "drilldown-window" }, `time window: ${when(d.earliest, "all time")} to ${when(d.latest, "now")}`),
    ...d.notes.map((n) => h("div", { class: "drilldown-note" }, `note: ${n}`)),
    rows);
}

/** An epoch-seconds bound as UTC text (null: unbounded, 0: the start of time). */
function when(t: number | null, unbounded: string): string {
  if (t === null || !Number.isFinite(t)) return unbounded;
  if (t === 0) return "the start of time";
  return new Date(t * 1000).toISOString().replace("T", " ").replace(/\.000Z$/, "Z");
}
