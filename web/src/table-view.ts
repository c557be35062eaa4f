/** The statistics tab: the results as a table (multivalue cells one value per line). */
import type { SearchResultView } from "./client.js";
import { cellText, h } from "./dom.js";

export function renderTable(root: HTMLElement, r: SearchResultView): void {
  root.replaceChildren();
  if (r.fields.length === 0) {
    root.append(h("p", { class: "empty" }, "No results."));
    return;
  }
  const fields = r.events ? r.fields.filter((f) => f !== "_raw") : r.fields;
  const head = h("tr", {}, ...fields.map((f) => h("th", {}, f)));
  const body = h("tbody", {}, ...r.rows.map((row) => h("tr", {}, ...fields.map((f) => {
    const v = row[f];
    return h("td", typeof v === "number" ? { class: "num" } : {}, cellText(v));
  }))));
  root.append(
    h("div", { class: "stats-count" }, `${r.total.toLocaleString("en-US")} result${r.total === 1 ? "" : "s"}${r.rows.length < r.total ? ` (the first ${r.rows.length} shown)` : ""}`),
    h("div", { class: "table-wrap" }, h("table", { class: "stats" }, h("thead", {}, head), body)),
  );
}
