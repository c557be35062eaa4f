/**
 * Risk-based alerting over a hunt's risk events, as Enterprise Security's default risk incident
 * rules do it (Splunk ES 7.3, "Default risk incident rules in Splunk Enterprise Security",
 * https://docs.splunk.com/Documentation/ES/7.3.0/RBA/Usedefaultriskincidentrules):
 *
 * - "Risk Threshold Exceeded for Object Over 24 Hour Period": the sum of risk_score per risk
 *   object (object + type) over 24 hours passes 100;
 * - "ATT&CK Tactic Threshold Exceeded for Object Over Previous 7 days": 3 or more distinct ATT&CK
 *   tactics and 4 or more distinct sources (detections) for the object over 7 days.
 *
 * ES runs them on a schedule over the last 24 h / 7 d; offline there is no schedule, so the
 * windows slide over the events' own times and an object is flagged if any window qualifies.
 * Thresholds are inclusive (≥; ES's 24 h search says `> 100`) and every one is an option. The
 * CIM placeholder values `unknown` and `-` are not entities and are left out (`ignore`).
 */
import type { RiskEvent } from "../notables/index.js";
import { tacticsOf } from "./tactics-of.js";

export interface RiskRules {
  /** Risk score sum that makes a risk incident (default 100). */
  readonly scoreThreshold: number;
  /** Window of the score sum, seconds (default 24 h). */
  readonly scoreWindow: number;
  /** Distinct tactics that make a risk incident (default 3). */
  readonly tacticThreshold: number;
  /** Distinct sources (detections) the tactic rule also needs (default 4, as ES). */
  readonly sourceThreshold: number;
  /** Window of the tactic rule, seconds (default 7 days). */
  readonly tacticWindow: number;
  /**
   * Risk objects left out (lower-case): the CIM fills `unknown` and `-`, which many unrelated
   * results share; summed up they would top every hunt as one fake entity.
   */
  readonly ignore: readonly string[];
}

export const DEFAULT_RISK_RULES: RiskRules = { scoreThreshold: 100, scoreWindow: 86_400, tacticThreshold: 3, sourceThreshold: 4, tacticWindow: 7 * 86_400, ignore: ["unknown", "-"] };

export interface RiskObjectSummary {
  readonly risk_object: string;
  readonly risk_object_type: string;
  /** Sum of risk_score over the whole hunt. */
  readonly total: number;
  readonly events: number;
  /** Largest sum inside one score window, and where that window starts. */
  readonly peak: number;
  readonly peakStart: number;
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
  readonly sources: readonly string[];
  readonly first: number;
  readonly last: number;
  /** The rules it meets: "score" (sum in window), "tactics" (distinct tactics in window). */
  readonly incidents: readonly ("score" | "tactics")[];
  /** Its risk events in time order (the report draws them over time). */
  readonly timeline: readonly { readonly time: number; readonly score: number; readonly source: string }[];
}

/** Per risk object (object + type, case-insensitive object as ES's normalized_risk_object): sums, windows, flags; highest total first. */
export function riskByObject(events: readonly RiskEvent[], rules: RiskRules = DEFAULT_RISK_RULES): RiskObjectSummary[] {
  const groups = new Map<string, RiskEvent[]>();
  const ignore = new Set(rules.ignore);
  for (const ev of events) {
    if (ignore.has(ev.normalized_risk_object)) continue;
    const key = `${ev.risk_object_type}\u0000${ev.normalized_risk_object}`;
    const list = groups.get(key);
    if (list) list.push(ev);
    else groups.set(key, [ev]);
  }
  const out = [...groups.values()].map((list) => summarise([...list].sort((a, b) => a._time - b._time), rules));
  return out.sort((a, b) => b.total - a.total || b.peak - a.peak || a.risk_object.localeCompare(b.risk_object));
}

const tacticIds = (ev: RiskEvent) => ev["annotations.mitre_attack.mitre_technique_id"].flatMap((t) => tacticsOf(t).map((x) => x.id));

function summarise(list: readonly RiskEvent[], rules: RiskRules): RiskObjectSummary {
  const head = list[0] as RiskEvent;
  // Score sum over every window [t, t + scoreWindow) that starts at an event.
  let peak = 0;
  let peakStart = head._time;
  let sum = 0;
  for (let lo = 0, hi = 0; lo < list.length; lo++) {
    const start = (list[lo] as RiskEvent)._time;
    while (hi < list.length && (list[hi] as RiskEvent)._time < start + rules.scoreWindow) sum += (list[hi++] as RiskEvent).risk_score;
    if (sum > peak) [peak, peakStart] = [sum, start];
    sum -= (list[lo] as RiskEvent).risk_score;
  }
  const tacticHit = tacticWindowHit(list, rules);
  const incidents: ("score" | "tactics")[] = [];
  if (peak >= rules.scoreThreshold) incidents.push("score");
  if (tacticHit) incidents.push("tactics");
  return {
    risk_object: head.risk_object,
    risk_object_type: head.risk_object_type,
    total: list.reduce((n, ev) => n + ev.risk_score, 0),
    events: list.length,
    peak,
    peakStart,
    tactics: [...new Set(list.flatMap(tacticIds))].sort(),
    techniques: [...new Set(list.flatMap((ev) => ev["annotations.mitre_attack.mitre_technique_id"]))].sort(),
    sources: [...new Set(list.map((ev) => ev.search_name))].sort(),
    first: head._time,
    last: (list[list.length - 1] as RiskEvent)._time,
    incidents,
    timeline: list.map((ev) => ({ time: ev._time, score: ev.risk_score, source: ev.search_name })),
  };
}

/** Whether some window [t, t + tacticWindow) starting at an event holds enough tactics and sources. */
function tacticWindowHit(list: readonly RiskEvent[], rules: RiskRules): boolean {
  const tactics = new Map<string, number>();
  const sources = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, d: number) => {
    const n = (m.get(k) ?? 0) + d;
    if (n === 0) m.delete(k);
    else m.set(k, n);
  };
  for (let lo = 0, hi = 0; lo < list.length; lo++) {
    const start = (list[lo] as RiskEvent)._time;
    for (; hi < list.length && (list[hi] as RiskEvent)._time < start + rules.tacticWindow; hi++) {
      const ev = list[hi] as RiskEvent;
      for (const t of new Set(tacticIds(ev))) bump(tactics, t, 1);
      bump(sources, ev.search_name, 1);
    }
    if (tactics.size >= rules.tacticThreshold && sources.size >= rules.sourceThreshold) return true;
    const ev = list[lo] as RiskEvent;
    for (const t of new Set(tacticIds(ev))) bump(tactics, t, -1);
    bump(sources, ev.search_name, -1);
  }
  return false;
}
