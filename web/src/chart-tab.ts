/**
 * The visualization tab: a timechart (`_time` then numeric series) or chart (a first column of
 * categories then numeric series) as uPlot lines, one series per column.
 */
import uPlot from "uplot";
import type { SearchResultView } from "./client.js";
import { cellText, h } from "./dom.js";

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

export function renderChart(root: HTMLElement, r: SearchResultView): void {
  root.replaceChildren();
  if (!r.chart) {
    root.append(h("p", { class: "empty" }, "Charts show timechart and chart results: e.g. … | timechart count by sourcetype"));
    return;
  }
  const [first, ...rest] = r.fields;
  const series = rest.filter((f) => !f.startsWith("_"));
  const timed = first === "_time" && r.times.every((t) => t !== null);
  const xs = timed ? (r.times as number[]) : r.rows.map((_, i) => i);
  const labels = r.rows.map((row) => cellText(row[first as string]));
  const data: uPlot.AlignedData = [xs, ...series.map((f) => r.rows.map((row) => {
    const v = row[f];
    return v === null || v === undefined ? null : Number(v);
  }))];
  const box = h("div", { class: "chart" });
  root.append(box);
  new uPlot({
    width: Math.max(400, root.clientWidth - 20),
    height: 360,
    scales: { x: { time: timed } },
    axes: [timed ? {} : { values: (_u, ticks) => ticks.map((t) => labels[t] ?? "") }, {}],
    series: [{ label: first ?? "x", ...(timed ? {} : { value: (_u: uPlot, v: number) => labels[v] ?? "" }) }, ...series.map((f, i) => ({ label: f, stroke: COLORS[i % COLORS.length], width: 2 }))],
  }, data, box);
}
