/**
 * Risk per entity: a row per risk object (highest total first) with its total, peak window sum,
 * tactics, detections, the risk incident rules it meets, and a strip of its risk events over the
 * hunt's time range (SVG, bar height = risk score, red where a window passed the threshold).
 */
import { escapeHtml } from "./escape-html.js";
import type { RiskObjectSummary, RiskRules } from "./risk-by-object.js";
import { TACTICS } from "./attack-matrix.js";

const TACTIC_NAME = new Map(TACTICS.map((t) => [t.id, t.name]));
const iso = (t: number) => new Date(Math.round(t * 1000)).toISOString().replace(/\.000Z$/, "Z");

function strip(o: RiskObjectSummary, lo: number, hi: number, rules: RiskRules): string {
  const w = 260;
  const h = 28;
  const span = Math.max(1, hi - lo);
  const maxScore = o.timeline.reduce((m, e) => Math.max(m, e.score), 1);
  const hot = (t: number) => o.incidents.includes("score") && t >= o.peakStart && t < o.peakStart + rules.scoreWindow;
  const bars = o.timeline.map((e) => {
    const x = ((e.time - lo) / span) * (w - 4) + 2;
    const bh = Math.max(2, (e.score / maxScore) * (h - 4));
    return `<rect x="${x.toFixed(1)}" y="${(h - bh).toFixed(1)}" width="2" height="${bh.toFixed(1)}" fill="${hot(e.time) ? "#9e2a2b" : "#e09f3e"}"><title>${escapeHtml(`${iso(e.time)} +${e.score} ${e.source}`)}</title></rect>`;
  });
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="risk events over time"><line x1="0" y1="${h - 0.5}" x2="${w}" y2="${h - 0.5}" stroke="#dde1e7"/>${bars.join("")}</svg>`;
}

/** The risk table (at most `limit` objects, the rest counted). */
export function riskTableHtml(objects: readonly RiskObjectSummary[], rules: RiskRules, limit = 100): string {
  if (objects.length === 0) return `<p class="muted">No risk events: no detection with a risk object (an observable with role Victim or Attacker) fired.</p>`;
  const lo = objects.reduce((m, o) => Math.min(m, o.first), Number.POSITIVE_INFINITY);
  const hi = objects.reduce((m, o) => Math.max(m, o.last), Number.NEGATIVE_INFINITY);
  const flags = (o: RiskObjectSummary) => o.incidents.map((i) => `<span class="flag">${i === "score" ? `risk ≥ ${rules.scoreThreshold} in ${rules.scoreWindow / 3600} h` : `≥ ${rules.tacticThreshold} tactics in ${rules.tacticWindow / 86400} d`}</span>`).join("");
  const rows = objects.slice(0, limit).map((o) => `<tr${o.incidents.length ? ' class="incident"' : ""}>
<td class="wrap">${escapeHtml(o.risk_object)}</td><td>${escapeHtml(o.risk_object_type)}</td><td class="num">${o.total}</td><td class="num">${o.peak}</td>
<td class="num">${o.events}</td><td>${escapeHtml(o.tactics.map((t) => TACTIC_NAME.get(t) ?? t).join(", "))}</td><td class="num">${o.sources.length}</td>
<td>${flags(o)}</td><td class="time">${escapeHtml(iso(o.first))}${o.last !== o.first ? `<br>${escapeHtml(iso(o.last))}` : ""}</td><td>${strip(o, lo, hi, rules)}</td></tr>`);
  const more = objects.length > limit ? `<p class="muted">${objects.length - limit} more risk object(s) not shown.</p>` : "";
  return `<table id="risk-table"><thead><tr><th>risk object</th><th>type</th><th class="num">total risk</th><th class="num">peak ${rules.scoreWindow / 3600} h</th><th class="num">events</th><th>tactics</th><th class="num">detections</th><th>risk incident</th><th class="time">first / last</th><th>risk over time<br><span class="muted range">${escapeHtml(iso(lo))} –<br>${escapeHtml(iso(hi))}</span></th></tr></thead><tbody>${rows.join("")}</tbody></table>${more}`;
}
