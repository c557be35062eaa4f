/**
 * The detections tab: the detections the server offers (`--detections`, `--escu`), each with a Run
 * button that runs it as `minispl detect` does; its rows land in the statistics tab.
 */
import type { DetectionRunView, WebInfo } from "./client.js";
import { h } from "./dom.js";

export function renderDetections(root: HTMLElement, info: WebInfo, run: (file: string, name: string) => void): void {
  root.replaceChildren();
  if (info.detections.length === 0) {
    root.append(h("p", { class: "empty" }, "No detections: start minispl web with --detections <dir> or --escu <root>."));
    return;
  }
  const filter = h("input", { type: "search", placeholder: `filter ${info.detections.length} detections`, class: "det-filter" });
  const list = h("ul", { class: "detections" }, ...info.detections.map((d) => {
    const button = h("button", { class: "det-run" }, "Run");
    button.addEventListener("click", () => run(d.file, d.name));
    return h("li", { "data-name": d.name.toLowerCase() }, button, h("span", { class: "det-name" }, d.name), h("span", { class: "det-file" }, d.file));
  }));
  filter.addEventListener("input", () => {
    const q = filter.value.toLowerCase();
    for (const li of list.children) (li as HTMLElement).hidden = !(li as HTMLElement).dataset.name?.includes(q);
  });
  root.append(filter, list);
}

/** A detection's run above the list: its verdict, then each notable with its risk events. */
export function renderDetectionRun(root: HTMLElement, run: DetectionRunView, total: number): void {
  root.querySelector(".det-result")?.remove();
  const notables = run.notables.map((n) => h("li", { class: "notable" },
    h("div", { class: "notable-msg" }, n.message),
    n.risk.length === 0 ? null : h("table", { class: "risk" },
      h("thead", {}, h("tr", {}, h("th", {}, "risk object"), h("th", {}, "type"), h("th", {}, "score"), h("th", {}, "risk message"))),
      h("tbody", {}, ...n.risk.map((r) => h("tr", {}, h("td", {}, r.object), h("td", {}, r.type), h("td", { class: "num" }, String(r.score)), h("td", {}, r.message))))),
  ));
  root.prepend(h("div", { class: "det-result" },
    h("h3", {}, `${run.name}: ${total} result${total === 1 ? "" : "s"} (rows in Statistics)`),
    h("div", { class: `verdict verdict-${run.verdict.status}` }, `test verdict: ${run.verdict.status}${run.verdict.message ? ` (${run.verdict.message})` : ""}`),
    h("h4", {}, `Notables (${run.notables.length})`),
    h("ol", { class: "notables" }, ...notables),
  ));
}
