/**
 * The search page: wires the search bar, the job (progress, Cancel) and the result tabs to one
 * EngineClient. Every failure ends in the error panel (the rendered diagnostic, or the message of
 * a request that failed), never in a blank page.
 */
import "uplot/dist/uPlot.min.css";
import "./style.css";
import { addTerm } from "./add-term.js";
import { renderChart } from "./chart-tab.js";
import type { EngineClient, JobStatus, SearchResultView, WebInfo } from "./client.js";
import { renderDetectionRun, renderDetections } from "./detections-tab.js";
import { h } from "./dom.js";
import { renderEvents } from "./events-tab.js";
import { renderExplain } from "./explain-tab.js";
import { followJob } from "./poll-job.js";
import type { PageSource } from "./pager.js";
import { renderedElement, searchBar } from "./search-bar.js";
import { renderTable } from "./table-view.js";

type Tab = "events" | "statistics" | "visualization" | "explain" | "detections";

/** What a host page (the playground) may do with the running app: read, replace and run the search, reload the header. */
export interface AppHandle {
  text(): string;
  setText(text: string): void;
  run(): Promise<void>;
  /** Asks the engine what is loaded again (the playground after a file drop). */
  refreshInfo(): void;
}

export function startApp(client: EngineClient): AppHandle {
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const status = $("status");
  const errors = $("errors");
  const tabs: Record<Tab, HTMLElement> = {
    events: $("tab-events"), statistics: $("tab-statistics"), visualization: $("tab-visualization"), explain: $("tab-explain"), detections: $("tab-detections"),
  };
  let current: Tab = "statistics";
  let job: JobStatus | null = null;
  let result: SearchResultView | null = null;
  /** The shown result's further pages, from its finished job. */
  let source: PageSource = null;

  const initial = new URLSearchParams(location.search).get("q") ?? "";
  const bar = searchBar($("editor"), client, () => void run(), initial);
  $("run").addEventListener("click", () => void run());

  for (const b of document.querySelectorAll<HTMLButtonElement>("#tabs button")) b.addEventListener("click", () => show(b.dataset.tab as Tab));
  show(current);
  if (initial.trim()) void run();

  function show(tab: Tab): void {
    current = tab;
    for (const [name, el] of Object.entries(tabs)) el.hidden = name !== tab;
    for (const b of document.querySelectorAll<HTMLButtonElement>("#tabs button")) b.classList.toggle("active", b.dataset.tab === tab);
    if (tab === "explain") void renderExplain(tabs.explain, client, bar.text());
    // Charts measure their box: draw them when their tab is visible.
    if (tab === "visualization" && result) renderChart(tabs.visualization, result);
    if (tab === "events" && result) renderEvents(tabs.events, result, onValue, source);
  }

  function showErrors(nodes: HTMLElement[]): void {
    errors.replaceChildren(...nodes);
    errors.hidden = nodes.length === 0;
  }

  function onValue(field: string, value: string): void {
    bar.setText(addTerm(bar.text(), field, value));
    void run();
  }

  async function run(start: () => Promise<JobStatus> = () => client.startSearch(bar.text())): Promise<void> {
    bar.closePopups();
    // The search in the address (?q=…): a reload or a shared link runs it again.
    history.replaceState(null, "", `?${new URLSearchParams({ q: bar.text() })}`);
    if (job?.state === "running") await client.cancel(job.id).catch(() => undefined);
    showErrors([]);
    let mine: JobStatus;
    try {
      mine = await start();
    } catch (e) {
      return fail(e);
    }
    job = mine;
    const id = mine.id;
    let finished: JobStatus | null;
    try {
      finished = await followJob(client, mine, status, () => job?.id === id);
    } catch (e) {
      return fail(e);
    }
    if (!finished) return;
    job = finished;
    done(finished);
  }

  function done(j: JobStatus): void {
    const r = j.result;
    if (!r) {
      status.replaceChildren(h("span", { class: `state-${j.state}` }, j.state));
      showErrors([h("div", { class: "diag diag-error" }, j.error ?? `the search ${j.state}`)]);
      return;
    }
    const when = `${(r.elapsedMs / 1000).toFixed(2)} s`;
    status.replaceChildren(h("span", { class: `state-${j.state}` }, r.ok ? `${r.total.toLocaleString("en-US")} ${r.events ? "event" : "result"}${r.total === 1 ? "" : "s"} (${when})` : j.state === "cancelled" ? "Cancelled" : "The search failed"));
    showErrors(r.diagnostics.map(renderedElement));
    result = r;
    source = r.ok ? async (offset, count) => (await client.rows(j.id, offset, count)).rows : null;
    for (const [tab, render] of [["events", () => renderEvents(tabs.events, r, onValue, source)], ["statistics", () => renderTable(tabs.statistics, r, source)], ["visualization", () => renderChart(tabs.visualization, r)]] as const) {
      tabs[tab].hidden = false;
      render();
      tabs[tab].hidden = tab !== current;
    }
    if (!r.detection) tabs.detections.querySelector(".det-result")?.remove();
    if (!r.ok) return;
    if (r.detection) {
      bar.setText(r.detection.search);
      renderDetectionRun(tabs.detections, r.detection, r.total, client);
      show("detections");
    } else show(r.view);
  }

  function fail(e: unknown): void {
    status.replaceChildren(h("span", { class: "state-failed" }, "Error"));
    showErrors([h("div", { class: "diag diag-error" }, e instanceof Error ? e.message : String(e))]);
  }

  const refreshInfo = (): void => void client.info().then((info: WebInfo) => {
    $("info").textContent = `${info.events.toLocaleString("en-US")} events · ${info.fields.length} fields · ${info.macros.length} macros`;
    if (info.warnings.trim()) $("info").title = info.warnings;
    if (!info.ok) showErrors([h("pre", { class: "diag diag-error" }, info.warnings.trim() || "the engine could not load its inputs")]);
    renderDetections(tabs.detections, info, (file, name) => {
      bar.setText(`\`\`\`running the detection "${name}"\`\`\``);
      void run(() => client.runDetection(file));
    }, client);
  }, (e: unknown) => {
    $("info").textContent = "the engine did not start";
    fail(e);
  });
  refreshInfo();
  return { text: () => bar.text(), setText: (t) => bar.setText(t), run: () => run(), refreshInfo };
}

window.addEventListener("error", (e) => {
  const errors = document.getElementById("errors");
  if (!errors) return;
  errors.hidden = false;
  errors.append(h("div", { class: "diag diag-error" }, `page error: ${e.message}`));
});

