/** `minispl hunt`: selection, the run, risk-based alerting and the outputs (see README.md here). */
export { runHunt, type HuntOptions } from "./run-hunt.js";
export type { HuntDetection, HuntExecutor, HuntNotable, HuntRun, HuntSearchOutcome } from "./hunt-types.js";
export { selectDetections, type Selection } from "./select-detections.js";
export { TACTICS, TECHNIQUES, type Tactic } from "./attack-matrix.js";
export { tacticsOf, techniqueName, parentTechnique } from "./tactics-of.js";
export { resultTime } from "./result-time.js";
export { riskByObject, DEFAULT_RISK_RULES, type RiskRules, type RiskObjectSummary } from "./risk-by-object.js";
export { timelineRows, riskObjectsText, type TimelineRow } from "./timeline-rows.js";
export { writeTimeline, timelineFormat, TIMELINE_COLUMNS } from "./write-timeline.js";
export { navigatorLayer } from "./navigator-layer.js";
export { renderReport, type ReportData } from "./render-report.js";
export { escapeHtml } from "./escape-html.js";
export { writeHuntSummary, huntSummaryJson } from "./hunt-summary.js";
export { WorkerPool, type PoolRequest } from "./worker-pool.js";
