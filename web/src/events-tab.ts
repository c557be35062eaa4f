/**
 * The events tab as Splunk lays it out: the timeline on top, the field sidebar on the left (each
 * field with how many events have it; opened, its top values and counts; clicking a value adds
 * `field=value` to the search) and the events list (time, raw text, host/source/sourcetype), page by page.
 */
import type { CellValue, FieldSummary, SearchResultView } from "./client.js";
import { cellText, h } from "./dom.js";
import { pager, type PageSource } from "./pager.js";
import { timelineChart } from "./timeline.js";

const RAW_CHARS = 4000;
const UNDER_RAW = ["host", "source", "sourcetype"];

export function renderEvents(root: HTMLElement, r: SearchResultView, onValue: (field: string, value: string) => void, source: PageSource = null): void {
  root.replaceChildren();
  if (!r.events) {
    root.append(h("p", { class: "empty" }, "This search ends in a table: see Statistics."));
    return;
  }
  const body = h("tbody");
  const header = h("div", { class: "events-count" }, pager(r, source, "event", (rows) => body.replaceChildren(...rows.map((row) => eventRow(r, row)))));
  root.append(header);
  if (r.timeline) root.append(timelineChart(r.timeline, root.clientWidth - 20));
  root.append(h("div", { class: "events-body" }, sidebar(r.summary, r.total, onValue), h("table", { class: "events" }, h("thead", {}, h("tr", {}, h("th", {}, "Time"), h("th", {}, "Event"))), body)));
}

function sidebar(summary: readonly FieldSummary[], total: number, onValue: (field: string, value: string) => void): HTMLElement {
  const list = h("ul", { class: "fields" });
  for (const f of summary) {
    const values = h("table", { class: "field-values", hidden: "" },
      h("tbody", {}, ...f.top.map((t) => {
        const link = h("a", { href: "#", class: "field-value", "data-field": f.field }, t.value);
        link.addEventListener("click", (e) => {
          e.preventDefault();
          onValue(f.field, t.value);
        });
        return h("tr", {}, h("td", {}, link), h("td", { class: "num" }, String(t.count)), h("td", { class: "num" }, `${((100 * t.count) / Math.max(1, total)).toFixed(1)}%`));
      })));
    const name = h("button", { class: "field-name", title: `${f.count} events, ${f.distinct} values` }, f.field, h("span", { class: "count" }, String(f.distinct)));
    name.addEventListener("click", () => values.toggleAttribute("hidden"));
    list.append(h("li", { "data-field": f.field }, name, values));
  }
  return h("aside", { class: "sidebar" }, h("h3", {}, "Fields"), list);
}

function eventRow(r: SearchResultView, row: Readonly<Record<string, CellValue>>): HTMLElement {
  const detail = r.fields.includes("_raw")
    ? h("div", {}, h("pre", { class: "raw" }, clip(cellText(row._raw))), h("div", { class: "meta" }, ...UNDER_RAW.filter((f) => row[f] !== undefined).map((f) => h("span", {}, `${f} = ${cellText(row[f])}`))))
    : h("div", { class: "kv" }, ...r.fields.filter((f) => f !== "_time" && row[f] !== undefined).map((f) => h("span", {}, `${f}=${cellText(row[f] as CellValue)}`)));
  return h("tr", { class: "event" }, h("td", { class: "time" }, cellText(row._time)), h("td", {}, detail));
}

function clip(s: string): string {
  return s.length > RAW_CHARS ? `${s.slice(0, RAW_CHARS)}…` : s;
}
