/** A technique id's tactics and name from the offline table (attack-matrix.ts). */
import { TACTICS, TECHNIQUES, type Tactic } from "./attack-matrix.js";

const BY_ID = new Map(TACTICS.map((t) => [t.id, t]));

/** The parent technique of an id (`T1059.001` → `T1059`), upper-cased. */
export function parentTechnique(id: string): string {
  return id.trim().toUpperCase().split(".")[0] ?? "";
}

/**
 * The tactics of a technique or sub-technique (a sub-technique takes its parent's), in matrix
 * order; [] when the table does not know it.
 * @example tacticsOf("T1053.005").map((t) => t.name) // ["Execution", "Persistence", "Privilege Escalation"]
 */
export function tacticsOf(techniqueId: string): Tactic[] {
  const ids = TECHNIQUES[parentTechnique(techniqueId)]?.[1] ?? [];
  return TACTICS.filter((t) => ids.includes(t.id)).map((t) => BY_ID.get(t.id) as Tactic);
}

/** The technique's (parent's) name, or "" when unknown. */
export function techniqueName(techniqueId: string): string {
  return TECHNIQUES[parentTechnique(techniqueId)]?.[0] ?? "";
}
