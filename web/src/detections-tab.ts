/**
 * The detections tab: the detections the engine offers (`--detections`, `--escu`; the playground's
 * built-in ones), each with a Run button that runs it as `minispl detect` does (its rows land in
 * the statistics tab, its notables above this list: detection-run.ts) and a "Run tests" button
 * (tests-panel.ts).
 */
import type { EngineClient, WebInfo } from "./client.js";
import { h } from "./dom.js";
import { runTests } from "./tests-panel.js";

export { renderDetectionRun } from "./detection-run.js";

export function renderDetections(root: HTMLElement, info: WebInfo, run: (file: string, name: string) => void, client: EngineClient): void {
  // A shown run (.det-result) stays above the refreshed list.
  for (const el of [...root.children]) if (!el.classList.contains("det-result")) el.remove();
  if (info.detections.length === 0) {
    root.append(h("p", { class: "empty" }, "No detections: start minispl web with --detections <dir> or --escu <root>."));
    return;
  }
  const filter = h("input", { type: "search", placeholder: `filter ${info.detections.length} detections`, class: "det-filter" });
  const list = h("ul", { class: "detections" }, ...info.detections.map((d) => {
    const button = h("button", { class: "det-run" }, "Run");
    button.addEventListener("click", () => run(d.file, d.name));
    const tests = h("button", { class: "det-tests-run" }, "Run tests");
    const panel = h("div", { class: "det-tests" });
    tests.addEventListener("click", () => void runTests(client, d.file, panel, tests));
    return h("li", { "data-name": d.name.toLowerCase() },
      h("div", { class: "det-row" }, button, tests, h("span", { class: "det-name" }, d.name), h("span", { class: "det-file" }, d.file)), panel);
  }));
  filter.addEventListener("input", () => {
    const q = filter.value.toLowerCase();
    for (const li of list.children) (li as HTMLElement).hidden = !(li as HTMLElement).dataset.name?.includes(q);
  });
  root.append(filter, list);
}
