/**
 * The timeline chart: results per time bin over the hunt's range, as an inline SVG histogram
 * (bars stacked by nothing: one count per bin; each bar's tooltip names its busiest detections).
 */
import { escapeHtml } from "./escape-html.js";
import type { HuntNotable } from "./hunt-types.js";

const iso = (t: number) => new Date(Math.round(t * 1000)).toISOString().replace(/\.000Z$/, "Z");

export function timelineChartHtml(notables: readonly HuntNotable[], bins = 60): string {
  if (notables.length === 0) return `<p class="muted">No results.</p>`;
  // reduce, not Math.min(...): a spread of 100k+ times overflows the call stack.
  const lo = notables.reduce((m, n) => Math.min(m, n.time), Number.POSITIVE_INFINITY);
  const hi = notables.reduce((m, n) => Math.max(m, n.time), Number.NEGATIVE_INFINITY);
  // Bins of at least a second: results all at one time make one bar, not bins of 0.0 seconds.
  const span = Math.max(bins, hi - lo);
  const width = span / bins;
  const counts = Array.from({ length: bins }, () => new Map<string, number>());
  for (const n of notables) {
    const b = Math.min(bins - 1, Math.floor((n.time - lo) / width));
    const m = counts[b] as Map<string, number>;
    m.set(n.detection.name, (m.get(n.detection.name) ?? 0) + 1);
  }
  const totals = counts.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const max = totals.reduce((m, n) => Math.max(m, n), 1);
  const W = 960;
  const H = 160;
  const bw = (W - 40) / bins;
  const bars = totals.map((n, i) => {
    if (n === 0) return "";
    const h = (Math.log(1 + n) / Math.log(1 + max)) * (H - 30);
    const top = [...(counts[i] as Map<string, number>).entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([d, c]) => `${d} (${c})`).join("\n");
    const x = 30 + i * bw;
    return `<rect x="${x.toFixed(1)}" y="${(H - 20 - h).toFixed(1)}" width="${Math.max(1, bw - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#3a6ea5"><title>${escapeHtml(`${iso(lo + i * width)}: ${n} result(s)\n${top}`)}</title></rect>`;
  });
  return `<svg id="timeline-chart" width="100%" viewBox="0 0 ${W} ${H}" role="img" aria-label="results over time">
<line x1="30" y1="${H - 20}" x2="${W - 10}" y2="${H - 20}" stroke="#888"/>
<text x="30" y="${H - 6}">${escapeHtml(iso(lo))}</text><text x="${W - 10}" y="${H - 6}" text-anchor="end">${escapeHtml(iso(lo + span))}</text>
<text x="2" y="12">${max}</text>${bars.join("")}</svg><p class="muted">Results per ${formatSpan(width)} (log scale; hover a bar for its detections).</p>`;
}

function formatSpan(s: number): string {
  if (s >= 86400) return `${(s / 86400).toFixed(1)} days`;
  if (s >= 3600) return `${(s / 3600).toFixed(1)} hours`;
  if (s >= 60) return `${(s / 60).toFixed(1)} minutes`;
  return `${s.toFixed(1)} seconds`;
}
