/**
 * The hunt's HTML report, one self-contained file (inline CSS and SVG, no script, no network):
 * summary, ATT&CK heat map, risk per entity with the risk incident rules, timeline chart,
 * detections that could not run, and the notables with their drilldowns. Streamed through `write`.
 */
import { escapeHtml } from "./escape-html.js";
import { heatMapHtml } from "./heat-map-html.js";
import type { HuntRun } from "./hunt-types.js";
import { writeNotablesHtml } from "./notables-html.js";
import { REPORT_CSS } from "./report-style.js";
import type { RiskObjectSummary, RiskRules } from "./risk-by-object.js";
import { riskTableHtml } from "./risk-table-html.js";
import { timelineChartHtml } from "./timeline-chart-html.js";

export interface ReportData {
  readonly run: HuntRun;
  readonly risk: readonly RiskObjectSummary[];
  readonly rules: RiskRules;
  /** What was hunted (paths or index), shown under the title. */
  readonly inputs: string;
  /** When the report was made (epoch seconds). */
  readonly generated: number;
}

export function renderReport(data: ReportData, write: (s: string) => void): void {
  const { run, risk, rules } = data;
  const fired = run.detections.filter((d) => d.status === "fired");
  const failed = run.detections.filter((d) => d.status === "failed");
  const incidents = risk.filter((o) => o.incidents.length > 0);
  write(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>minispl hunt report</title><style>${REPORT_CSS}</style></head><body>
<header><h1>minispl hunt</h1><div>${escapeHtml(data.inputs)} · ${escapeHtml(new Date(data.generated * 1000).toISOString())}</div></header><main>
<section id="summary"><h2>Summary</h2><div class="stats"><span><b>${run.detections.length}</b> detections run</span><span><b>${fired.length}</b> fired</span><span><b>${run.notables.length}</b> results</span><span><b>${run.riskEvents.length}</b> risk events</span><span><b>${risk.length}</b> risk objects</span><span><b>${incidents.length}</b> risk incidents</span><span><b>${failed.length}</b> could not run</span><span><b>${(run.ms / 1000).toFixed(1)} s</b></span></div></section>
<section id="attack"><h2>ATT&amp;CK heat map of what fired</h2>${heatMapHtml(run.notables)}<p class="muted">Tactics from minispl's own table of the Enterprise techniques ESCU uses (ESCU tags techniques only); a sub-technique is shown under its parent's tactics.</p></section>
<section id="risk"><h2>Risk per entity</h2><p class="muted">Sum of risk_score per risk object, as Enterprise Security's risk-based alerting adds it up. Risk incident when the sum reaches ${rules.scoreThreshold} within ${rules.scoreWindow / 3600} h, or ${rules.tacticThreshold}+ ATT&amp;CK tactics from ${rules.sourceThreshold}+ detections within ${rules.tacticWindow / 86400} days (ES's default risk incident rules).</p>${riskTableHtml(risk, rules)}</section>
<section id="timeline"><h2>Timeline</h2>${timelineChartHtml(run.notables)}</section>
`);
  if (failed.length > 0) {
    write(`<section id="failed"><h2>Detections that could not run (${failed.length})</h2><table><thead><tr><th>detection</th><th>reason</th></tr></thead><tbody>`);
    for (const d of failed) write(`<tr><td>${escapeHtml(d.detection.name)}<br><span class="muted">${escapeHtml(d.detection.file)}</span></td><td class="wrap">${escapeHtml(d.error ?? "")}</td></tr>`);
    write(`</tbody></table></section>`);
  }
  write(`<section id="notables"><h2>Notables (${run.notables.length})</h2>`);
  writeNotablesHtml(run.notables, write);
  write(`</section></main></body></html>\n`);
}
