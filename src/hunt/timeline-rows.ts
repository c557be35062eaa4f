/**
 * The hunt's timeline: one row per result, in time order, with Timesketch's three required
 * columns first (`message`, `datetime` ISO-8601, `timestamp_desc`) so a CSV or JSONL file imports
 * there unchanged, then the detection, ATT&CK technique and tactic, risk, host and user. Every
 * value is flat text or a number, the same in both formats.
 */
import type { RiskEvent } from "../notables/index.js";
import { toText, type Value } from "../values/value.js";
import type { HuntNotable, HuntRun } from "./hunt-types.js";
import { tacticsOf } from "./tactics-of.js";

export interface TimelineRow {
  readonly message: string;
  readonly datetime: string;
  /** Epoch microseconds (Timesketch's optional `timestamp`). */
  readonly timestamp: number;
  readonly timestamp_desc: string;
  readonly detection: string;
  readonly search_name: string;
  readonly mitre_technique: string;
  readonly mitre_tactic: string;
  readonly risk_score: number;
  readonly risk_objects: string;
  readonly host: string;
  readonly user: string;
  readonly analytic_story: string;
  readonly detection_file: string;
}

// The CIM fields ESCU results name the machine and the account with, most specific first.
const HOST_FIELDS = ["dest", "host", "dvc", "Computer", "ComputerName", "dest_host", "src_host", "aid"];
const USER_FIELDS = ["user", "src_user", "user_name", "UserName", "TargetUserName", "SubjectUserName"];

function first(fields: Readonly<Record<string, Value>>, names: readonly string[]): string {
  for (const n of names) {
    const v = fields[n];
    const x = Array.isArray(v) ? v[0] : v;
    const s = x === null || x === undefined ? "" : (toText(x as string | number) ?? "");
    if (s !== "" && s !== "null" && s !== "unknown") return s;
  }
  return "";
}

/** `object (type)` for each risk event, `; `-separated. */
export function riskObjectsText(risk: readonly RiskEvent[]): string {
  return risk.map((r) => `${r.risk_object} (${r.risk_object_type})`).join("; ");
}

function rowOf(n: HuntNotable): TimelineRow {
  const techniques = n.detection.mitreAttackIds ?? [];
  const tactics = [...new Set(techniques.flatMap((t) => tacticsOf(t).map((x) => x.name)))];
  return {
    message: n.message,
    datetime: new Date(Math.round(n.time * 1000)).toISOString(),
    timestamp: Math.round(n.time * 1_000_000),
    timestamp_desc: n.timeDesc,
    detection: n.detection.name,
    search_name: n.search_name,
    mitre_technique: techniques.join(", "),
    mitre_tactic: tactics.join(", "),
    risk_score: n.risk.reduce((s, r) => s + r.risk_score, 0) || (n.detection.riskScore ?? 0),
    risk_objects: riskObjectsText(n.risk),
    host: first(n.fields, HOST_FIELDS),
    user: first(n.fields, USER_FIELDS),
    analytic_story: (n.detection.analyticStories ?? []).join(", "),
    detection_file: n.detection.file,
  };
}

/** The timeline rows of a hunt, oldest first (ties keep the run's order). */
export function timelineRows(run: Pick<HuntRun, "notables">): TimelineRow[] {
  return run.notables.map(rowOf).sort((a, b) => a.timestamp - b.timestamp);
}
