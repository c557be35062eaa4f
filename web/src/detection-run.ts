/**
 * A detection's run above the detections list: its verdict, then each notable with its risk
 * events and, when the detection has drilldown_searches, a button running them for that notable
 * (drilldown-panel.ts).
 */
import type { DetectionRunView, EngineClient, WebNotable } from "./client.js";
import { h } from "./dom.js";
import { runDrilldowns } from "./drilldown-panel.js";

export function renderDetectionRun(root: HTMLElement, run: DetectionRunView, total: number, client: EngineClient): void {
  root.querySelector(".det-result")?.remove();
  const shown = run.notables.length < total ? ` (the first ${run.notables.length})` : "";
  root.prepend(h("div", { class: "det-result" },
    h("h3", {}, `${run.name}: ${total} result${total === 1 ? "" : "s"} (rows in Statistics)`),
    h("div", { class: `verdict verdict-${run.verdict.status}` }, `test verdict: ${run.verdict.status}${run.verdict.message ? ` (${run.verdict.message})` : ""}`),
    h("h4", {}, `Notables (${run.notables.length})${shown}`),
    h("ol", { class: "notables" }, ...run.notables.map((n) => notable(n, run, client))),
  ));
}

function notable(n: WebNotable, run: DetectionRunView, client: EngineClient): HTMLElement {
  const li = h("li", { class: "notable" },
    h("div", { class: "notable-msg" }, n.message),
    n.risk.length === 0 ? null : h("table", { class: "risk" },
      h("thead", {}, h("tr", {}, h("th", {}, "risk object"), h("th", {}, "type"), h("th", {}, "score"), h("th", {}, "risk message"))),
      h("tbody", {}, ...n.risk.map((r) => h("tr", {}, h("td", {}, r.object), h("td", {}, r.type), h("td", { class: "num" }, String(r.score)), h("td", {}, r.message))))));
  if (run.drilldowns.length > 0) {
    const button = h("button", { class: "drilldowns-run", title: run.drilldowns.join("\n") }, `Run drilldowns (${run.drilldowns.length})`);
    const panel = h("div", { class: "drilldowns" });
    button.addEventListener("click", () => void runDrilldowns(client, run.file, n.fields, panel, button));
    li.append(button, panel);
  }
  return li;
}
