/** The statistics tab: the results as a table (multivalue cells one value per line), page by page. */
import type { CellValue, SearchResultView } from "./client.js";
import { cellText, h } from "./dom.js";
import { pager, type PageSource } from "./pager.js";

export function renderTable(root: HTMLElement, r: SearchResultView, source: PageSource = null): void {
  root.replaceChildren();
  if (r.fields.length === 0) {
    root.append(h("p", { class: "empty" }, "No results."));
    return;
  }
  const fields = r.events ? r.fields.filter((f) => f !== "_raw") : r.fields;
  const head = h("tr", {}, ...fields.map((f) => h("th", {}, f)));
  const body = h("tbody");
  const draw = (rows: readonly Record<string, CellValue>[]) => body.replaceChildren(...rows.map((row) => h("tr", {}, ...fields.map((f) => {
    const v = row[f];
    return h("td", typeof v === "number" ? { class: "num" } : {}, cellText(v));
  }))));
  root.append(
    h("div", { class: "stats-count" }, pager(r, source, "result", draw)),
    h("div", { class: "table-wrap" }, h("table", { class: "stats" }, h("thead", {}, head), body)),
  );
}
