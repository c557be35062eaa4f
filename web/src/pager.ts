/**
 * Paging through a result's rows: the result carries its first rows; further pages are fetched
 * from the finished job's result kept by the engine (`EngineClient.rows`). Shows "rows 101–200 of
 * 12,345" with Previous and Next, and draws each page with the tab's own `draw`.
 */
import type { CellValue, SearchResultView } from "./client.js";
import { h } from "./dom.js";

export const PAGE_ROWS = 100;

/** Fetches rows `offset` … `offset + count - 1` of the result (null: only the result's own rows exist). */
export type PageSource = ((offset: number, count: number) => Promise<readonly Record<string, CellValue>[]>) | null;

/** The paging bar; draws the first page now and each page the user turns to. */
export function pager(r: SearchResultView, source: PageSource, noun: string, draw: (rows: readonly Record<string, CellValue>[], offset: number) => void): HTMLElement {
  const nouns = `${noun}${r.total === 1 ? "" : "s"}`;
  const label = h("span", { class: "page-label" });
  const prev = h("button", { class: "page-prev" }, "‹ Previous");
  const next = h("button", { class: "page-next" }, "Next ›");
  const problem = h("span", { class: "page-error" });
  const bar = h("div", { class: "pager" }, prev, label, next, problem);
  // Without a source only the result's own rows can be shown.
  const reachable = source ? r.total : Math.min(r.total, r.rows.length);
  let at = 0;
  let asked = 0;
  const fmt = (n: number) => n.toLocaleString("en-US");
  async function turn(offset: number): Promise<void> {
    const mine = ++asked;
    problem.textContent = "";
    const end = Math.min(reachable, offset + PAGE_ROWS);
    let rows: readonly Record<string, CellValue>[];
    try {
      rows = end <= r.rows.length || !source ? r.rows.slice(offset, end) : await source(offset, end - offset);
    } catch (e) {
      problem.textContent = `could not fetch rows ${fmt(offset + 1)}–${fmt(end)}: ${(e as Error).message}`;
      return;
    }
    if (mine !== asked) return;
    at = offset;
    label.textContent = r.total <= PAGE_ROWS ? `${fmt(r.total)} ${nouns}` : `${noun}s ${fmt(offset + 1)}–${fmt(offset + rows.length)} of ${fmt(r.total)}${reachable < r.total ? ` (the first ${fmt(reachable)} can be shown)` : ""}`;
    prev.disabled = offset === 0;
    next.disabled = offset + PAGE_ROWS >= reachable;
    draw(rows, offset);
  }
  prev.addEventListener("click", () => void turn(Math.max(0, at - PAGE_ROWS)));
  next.addEventListener("click", () => void turn(at + PAGE_ROWS));
  bar.hidden = false;
  void turn(0);
  if (r.total <= PAGE_ROWS) {
    prev.hidden = true;
    next.hidden = true;
  }
  return bar;
}
