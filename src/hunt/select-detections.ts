/**
 * Which detections a hunt runs: `--status` (default production; `all` for every status),
 * `--mitre` (techniques, sub-techniques, tactic ids or tactic names) and `--min-risk`.
 */
import type { Detection } from "../detections/detection.js";
import { TACTICS } from "./attack-matrix.js";
import { tacticsOf } from "./tactics-of.js";

export interface Selection {
  /** Statuses to keep (lower-case); empty or containing "all" keeps every status. */
  readonly status?: readonly string[];
  /** Technique ids (T1059 also selects T1059.001), tactic ids (TA0002) or names (execution). */
  readonly mitre?: readonly string[];
  /** Keep detections whose `tags.risk_score` is at least this. */
  readonly minRisk?: number;
}

const TACTIC_BY_NAME = new Map(TACTICS.flatMap((t) => [[t.shortname, t.id], [t.name.toLowerCase(), t.id]] as const));

function matchesMitre(det: Detection, wanted: readonly string[]): boolean {
  const ids = det.mitreAttackIds ?? [];
  const tactics = new Set(ids.flatMap((id) => tacticsOf(id).map((t) => t.id)));
  return wanted.some((w) => {
    const key = w.trim();
    const upper = key.toUpperCase();
    if (/^TA\d{4}$/.test(upper)) return tactics.has(upper);
    if (/^T\d{4}(\.\d{3})?$/.test(upper)) return ids.some((id) => id.toUpperCase() === upper || id.toUpperCase().startsWith(`${upper}.`));
    const tactic = TACTIC_BY_NAME.get(key.toLowerCase().replace(/ /g, "-")) ?? TACTIC_BY_NAME.get(key.toLowerCase());
    return tactic !== undefined && tactics.has(tactic);
  });
}

/** The detections the selection keeps, in the given order. */
export function selectDetections(detections: readonly Detection[], sel: Selection): Detection[] {
  const statuses = (sel.status ?? []).map((s) => s.trim().toLowerCase()).filter((s) => s !== "");
  const anyStatus = statuses.length === 0 || statuses.includes("all");
  return detections.filter((d) =>
    (anyStatus || statuses.includes((d.status ?? "").toLowerCase())) &&
    (sel.mitre === undefined || sel.mitre.length === 0 || matchesMitre(d, sel.mitre)) &&
    (sel.minRisk === undefined || (d.riskScore ?? 0) >= sel.minRisk));
}
