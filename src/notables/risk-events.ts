/**
 * Risk events a detection's result row produces, as Enterprise Security's risk action would write
 * them to `index=risk` (cim-mapping.md §1.8, ESRBA): one per risk object (an observable with role
 * Victim or Attacker, the rule verdict.ts uses) that has a value in the row. Pure: the caller
 * appends them to its EventStore so the Risk datamodel sees them.
 */
import type { Detection, Observable } from "../detections/detection.js";
import { fillMessage } from "../detections/message.js";
import type { EventInput } from "../store/event-store.js";
import { toText, type Value } from "../values/value.js";

/** A risk event as minispl prints it (`risk_score` a number, `_time` epoch seconds). */
export interface RiskEvent {
  readonly _time: number;
  readonly risk_object: string;
  readonly risk_object_type: string;
  readonly risk_score: number;
  readonly risk_message: string;
  readonly search_name: string;
  readonly normalized_risk_object: string;
  readonly analyticstories: readonly string[];
  readonly "annotations.mitre_attack": readonly string[];
  readonly "annotations.mitre_attack.mitre_technique_id": readonly string[];
  readonly "annotations._all": readonly string[];
  readonly threat_object: readonly string[];
  readonly threat_object_type: readonly string[];
}

/**
 * ESCU's correlation-search name (`ESCU - <name> - Rule`): UNVERIFIED (cim-mapping.md §1.8), taken
 * from how ES lists ESCU content; the Risk correlations group by this name (`source`, `search_name`).
 */
export function searchNameOf(det: Pick<Detection, "name">): string {
  return `ESCU - ${det.name} - Rule`;
}

/** ESRBA's three risk object types, from the ESCU observable type. */
export function riskObjectType(observableType: string): "system" | "user" | "other" {
  const t = observableType.trim().toLowerCase();
  if (t === "hostname" || t === "ip" || t === "ip address" || t === "endpoint") return "system";
  if (t === "user" || t === "user name") return "user";
  return "other";
}

const isRiskRole = (o: Observable) => o.role.some((r) => r === "Victim" || r === "Attacker");

/** The row's values of a field; missing, empty and the literal "null" (contentctl's null) drop out. */
export function valuesOf(row: Readonly<Record<string, Value>>, field: string): string[] {
  const v = row[field] ?? null;
  const list = v === null ? [] : Array.isArray(v) ? v : [v as string | number];
  return list.map((x) => toText(x) ?? "").filter((s) => s !== "" && s !== "null");
}

/**
 * One risk event per risk-object value (a multivalue field gives one per value, as ES's risk
 * action does for each value: UNVERIFIED). Threat objects (every other observable) ride along.
 */
export function riskEventsFor(det: Detection, row: Readonly<Record<string, Value>>, now: number): RiskEvent[] {
  const threats = det.observables.filter((o) => !isRiskRole(o)).flatMap((o) => valuesOf(row, o.name).map((v) => [v, o.type.toLowerCase()] as const));
  const mitre = det.mitreAttackIds ?? [];
  const stories = det.analyticStories ?? [];
  const common = {
    _time: now,
    risk_score: det.riskScore ?? 0,
    risk_message: det.message !== undefined ? fillMessage(det.message, row) : det.name,
    search_name: searchNameOf(det),
    analyticstories: stories,
    "annotations.mitre_attack": mitre,
    "annotations.mitre_attack.mitre_technique_id": mitre,
    "annotations._all": [...mitre, ...stories],
    threat_object: threats.map((t) => t[0]),
    threat_object_type: threats.map((t) => t[1]),
  };
  return det.observables.filter(isRiskRole).flatMap((o) =>
    valuesOf(row, o.name).map((value) => ({
      risk_object: value,
      risk_object_type: riskObjectType(o.type),
      ...common,
      normalized_risk_object: value.toLowerCase(),
    })),
  );
}

/**
 * The store form: `index=risk` (the Risk model's constraint), `source` = the search name (ESCU's
 * correlations read `values(source)`), `sourcetype=stash` (what ES writes summary events as).
 */
export function riskEventInput(ev: RiskEvent): EventInput {
  const fields: Record<string, string | readonly string[] | undefined> = {
    index: "risk",
    source: ev.search_name,
    sourcetype: "stash",
  };
  for (const [k, v] of Object.entries(ev)) {
    if (k === "_time") continue;
    if (typeof v === "number") fields[k] = String(v);
    else if (typeof v === "string") fields[k] = v;
    else if (Array.isArray(v) && v.length > 0) fields[k] = v.length === 1 ? (v[0] as string) : (v as string[]);
  }
  return { time: ev._time, fields };
}
