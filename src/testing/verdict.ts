/**
 * contentctl's pass criterion for a detection test (spl-semantics.md §11): the search returns at
 * least one result; every risk-object field is present and not the literal "null" in each result;
 * threat-object fields may be "null" in some results but not in all of them. Detections without
 * risk objects need only a result.
 *
 * Which observables are risk objects at ESCU's commit is UNVERIFIED (§11.5): minispl treats an
 * observable with role Victim or Attacker as a risk object and any other as a threat object.
 */
import type { Detection } from "../detections/detection.js";
import type { Table } from "../table/table.js";

export type TestStatus = "pass" | "fail" | "error";

export interface Verdict {
  readonly status: TestStatus;
  readonly message: string;
}

export function riskObjects(det: Detection): string[] {
  return det.observables.filter((o) => o.role.some((r) => r === "Victim" || r === "Attacker")).map((o) => o.name);
}

export function threatObjects(det: Detection): string[] {
  const risk = new Set(riskObjects(det));
  return det.observables.map((o) => o.name).filter((n) => !risk.has(n));
}

const isNull = (v: unknown): boolean => v === null || v === undefined || v === "null";

export function verdict(det: Detection, results: Table): Verdict {
  if (results.length === 0) return { status: "fail", message: "the search returned no results" };
  const risk = riskObjects(det);
  for (const f of risk) {
    if (!results.has(f)) return { status: "fail", message: `The risk object field(s) ${f} are missing in the detection results` };
  }
  for (let i = 0; i < results.length; i++) {
    const bad = risk.filter((f) => isNull(results.get(f, i)));
    if (bad.length) return { status: "fail", message: `The risk object field ${bad.join(", ")} is missing or "null" in at least one result` };
  }
  const threats = threatObjects(det).filter((f) => results.has(f));
  const allNull = threats.filter((f) => Array.from({ length: results.length }, (_, i) => results.get(f, i)).every(isNull));
  if (threats.length > 0 && allNull.length === threats.length) {
    return { status: "fail", message: `The threat object field(s) ${allNull.join(", ")} contained "null" values in all results` };
  }
  return { status: "pass", message: `${results.length} result(s)` };
}
