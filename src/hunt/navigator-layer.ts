/**
 * The hunt as an ATT&CK Navigator layer (layer format 4.5, Enterprise): one entry per technique
 * that fired, `score` = its number of results, the detections in `comment` and `metadata`. No
 * `tactic` is set, so Navigator shows the score under every tactic of the technique; parents of
 * sub-techniques that fired are expanded (`showSubtechniques`).
 */
import type { HuntRun } from "./hunt-types.js";
import { parentTechnique } from "./tactics-of.js";

export interface NavigatorTechnique {
  readonly techniqueID: string;
  readonly score: number;
  readonly comment: string;
  readonly enabled: boolean;
  readonly showSubtechniques: boolean;
  readonly metadata: readonly { readonly name: string; readonly value: string }[];
}

/** Navigator's layer JSON (what `JSON.stringify` writes to `--navigator out.json`). */
export function navigatorLayer(run: Pick<HuntRun, "notables">, name = "minispl hunt"): Record<string, unknown> {
  const byTechnique = new Map<string, { results: number; detections: Map<string, number> }>();
  for (const n of run.notables) {
    for (const id of n.detection.mitreAttackIds ?? []) {
      const key = id.trim().toUpperCase();
      const e = byTechnique.get(key) ?? { results: 0, detections: new Map<string, number>() };
      e.results++;
      e.detections.set(n.detection.name, (e.detections.get(n.detection.name) ?? 0) + 1);
      byTechnique.set(key, e);
    }
  }
  const subParents = new Set([...byTechnique.keys()].filter((k) => k.includes(".")).map(parentTechnique));
  const techniques: NavigatorTechnique[] = [...byTechnique.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([id, e]) => ({
    techniqueID: id,
    score: e.results,
    comment: [...e.detections.entries()].map(([d, n]) => `${d} (${n})`).join("; "),
    enabled: true,
    showSubtechniques: subParents.has(id),
    metadata: [...e.detections.entries()].map(([d, n]) => ({ name: "detection", value: `${d}: ${n} result${n === 1 ? "" : "s"}` })),
  }));
  for (const p of subParents) {
    if (!byTechnique.has(p)) techniques.push({ techniqueID: p, score: 0, comment: "", enabled: true, showSubtechniques: true, metadata: [] });
  }
  const max = Math.max(1, ...techniques.map((t) => t.score));
  return {
    name,
    versions: { attack: "14", navigator: "4.9.1", layer: "4.5" },
    domain: "enterprise-attack",
    description: "Techniques of the ESCU detections that fired in a minispl hunt; score = results.",
    sorting: 3,
    layout: { layout: "side", showID: true, showName: true, aggregateFunction: "max" },
    hideDisabled: false,
    techniques,
    gradient: { colors: ["#fff3b0ff", "#e09f3eff", "#9e2a2bff"], minValue: 0, maxValue: max },
    legendItems: [],
    showTacticRowBackground: false,
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
  };
}
