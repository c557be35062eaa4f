/** The events tab's timeline: a uPlot bar chart of events per time bucket (computed by the server). */
import uPlot from "uplot";
import type { SearchResultView } from "./client.js";
import { h } from "./dom.js";

export function timelineChart(timeline: NonNullable<SearchResultView["timeline"]>, width: number): HTMLElement {
  const box = h("div", { class: "timeline" });
  const xs = timeline.buckets.map((b) => b.start);
  const ys = timeline.buckets.map((b) => b.count);
  const bars = uPlot.paths.bars?.({ size: [0.9, 40], align: 1 });
  new uPlot({
    width: Math.max(300, width),
    height: 110,
    legend: { show: false },
    cursor: { y: false },
    scales: { x: { time: true, range: (_u, min, max) => [min, max + timeline.span] } },
    axes: [{ space: 80 }, { size: 40, ticks: { show: false } }],
    series: [{}, { label: "events", fill: "#5cb85c", stroke: "#3d8b3d", ...(bars ? { paths: bars } : {}), points: { show: false } }],
  }, [xs, ys], box);
  return box;
}
