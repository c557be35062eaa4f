/**
 * Every datamodel reference in ESCU's detections resolves: `datamodel=M[.D]`, `| from datamodel
 * M.D` (drilldowns included) and `nodename=…` paired with the file's datamodel. Then, for the
 * non-Endpoint models, every `<Root>.<field>` a detection search writes is a field of the
 * dataset it searches, except the few that are not CIM fields at all (listed).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDetection } from "../../src/index.js";
import { findDataset, lineage, rootOf } from "../../src/datamodels/registry.js";
import type { DatasetDef } from "../../src/datamodels/types.js";
import { sharedPath } from "../support/shared.js";

const DATAMODEL = /\bdatamodel\s*=\s*"?([A-Za-z_][\w.]*)|\bfrom\s+datamodel\s+"?([A-Za-z_][\w.]*)/gi;
const NODENAME = /\bnodename\s*=\s*"?([A-Za-z_][\w.]*)/gi;

function ymlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? ymlFiles(p) : p.endsWith(".yml") ? [p] : [];
  });
}

const root = sharedPath("escu/detections");
const files = ymlFiles(root).map((p) => ({ rel: p.slice(root.length + 1), text: readFileSync(p, "utf8") }));
const specsOf = (text: string) => [...text.matchAll(DATAMODEL)].map((m) => (m[1] ?? m[2]) as string);
const nodesOf = (text: string) => [...text.matchAll(NODENAME)].map((m) => m[1] as string);

/** Prefixed names ESCU writes that no CIM/ES definition has (they read as null, as in Splunk). */
const NOT_FIELDS = [
  "All_Certificates.SSL", // inside drop_dm_object_name("All_Certificates.SSL")
  "All_Certificates.SSL.dest",
  "All_Certificates.SSL.sourcetype",
  "All_Certificates.SSL.src",
  "Authentication.method",
  "DNS.flow_id",
];

describe("ESCU datamodel references", () => {
  it("every datamodel= / from datamodel / nodename= resolves", () => {
    const unresolved: string[] = [];
    const models = new Set<string>();
    let referencing = 0;
    for (const { rel, text } of files) {
      const specs = specsOf(text);
      if (specs.length > 0) referencing++;
      for (const spec of specs) {
        const ds = findDataset(spec);
        if (ds) models.add(ds.model);
        else unresolved.push(`${rel}: datamodel ${spec}`);
      }
      const first = specs[0];
      for (const node of nodesOf(text)) {
        if (first === undefined || !findDataset(first, node)) unresolved.push(`${rel}: nodename ${node} (datamodel ${first ?? "none"})`);
      }
    }
    expect(unresolved).toEqual([]);
    // Guards against a scan that silently matches nothing (escu-corpus.md §5: 909 detections, 17 models).
    expect(referencing).toBeGreaterThanOrEqual(900);
    expect(models.size).toBe(17);
  });

  it("the prefixed fields detection searches read are fields of the searched dataset", () => {
    const unknown = new Set<string>();
    for (const { rel, text } of files) {
      const det = parseDetection(text, rel).detection;
      if (!det) continue;
      const specs = specsOf(det.search);
      const node = nodesOf(det.search)[0];
      const byRoot = new Map<string, DatasetDef>();
      for (const spec of specs) {
        const ds = findDataset(spec, spec === specs[0] ? node : undefined);
        if (ds && ds.model !== "Endpoint") byRoot.set(rootOf(ds).name, ds);
      }
      const search = det.search.replace(DATAMODEL, "").replace(NODENAME, "");
      for (const [prefix, ds] of byRoot) {
        const names = new Set(lineage(ds).flatMap((d) => d.fields.map((f) => f.name)));
        for (const m of search.matchAll(new RegExp(`(?<![\\w.])${prefix}\\.([A-Za-z_][\\w.]*)`, "g"))) {
          const name = (m[1] as string).replace(/\.$/, "");
          if (!names.has(name)) unknown.add(`${prefix}.${name}`);
        }
      }
    }
    expect([...unknown].sort()).toEqual(NOT_FIELDS);
  });
});
