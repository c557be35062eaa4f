/**
 * The explain tab: what `minispl explain` prints for the search (macro-expanded text, pipeline,
 * plan), its diagnostics, and the railroad diagrams of the grammar rules its commands use.
 */
import type { EngineClient } from "./client.js";
import { h } from "./dom.js";
import { renderedElement } from "./search-bar.js";

export async function renderExplain(root: HTMLElement, client: EngineClient, text: string): Promise<void> {
  root.replaceChildren(h("p", { class: "empty" }, "Explaining…"));
  if (!text.trim()) {
    root.replaceChildren(h("p", { class: "empty" }, "Type a search to see it expanded, parsed and planned."));
    return;
  }
  try {
    const [e, url] = await Promise.all([client.explain(text), client.railroadUrl().catch(() => null)]);
    root.replaceChildren(
      ...e.diagnostics.map(renderedElement),
      h("pre", { class: "explain" }, e.text),
      ...(url ? [h("h3", {}, "Railroad diagram"), h("iframe", { class: "railroad", src: `${url}#${encodeURIComponent(e.commands.join(","))}`, title: "railroad diagram" })] : []),
    );
  } catch (err) {
    root.replaceChildren(h("div", { class: "diag diag-error" }, `explain failed: ${(err as Error).message}`));
  }
}
