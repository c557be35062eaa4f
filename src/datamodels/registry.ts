/**
 * The datamodels minispl knows, looked up by `Model` or `Model.Dataset` as tstats writes them.
 */
import type { DatamodelDef, DatasetDef } from "./types.js";
import { endpoint } from "./endpoint.js";
import { networkTraffic } from "./network-traffic.js";
import { networkResolution } from "./network-resolution.js";
import { authentication } from "./authentication.js";
import { change, changeAnalysis } from "./change.js";
import { risk } from "./risk.js";
import { web } from "./web.js";
import { email } from "./email.js";
import { networkSessions } from "./network-sessions.js";
import { intrusionDetection } from "./intrusion-detection.js";
import { updates } from "./updates.js";
import { vulnerabilities } from "./vulnerabilities.js";
import { certificates } from "./certificates.js";
import { alerts } from "./alerts.js";
import { ueba } from "./ueba.js";
import { identityManagement } from "./identity-management.js";

export const DATAMODELS: readonly DatamodelDef[] = [
  endpoint,
  networkTraffic,
  networkResolution,
  authentication,
  change,
  changeAnalysis,
  risk,
  web,
  email,
  networkSessions,
  intrusionDetection,
  updates,
  vulnerabilities,
  certificates,
  alerts,
  ueba,
  identityManagement,
];

export function findModel(name: string): DatamodelDef | undefined {
  return DATAMODELS.find((m) => m.name === name);
}

/**
 * Resolves `from datamodel=M.D` (or a bare `M`, which ESCU writes and which minispl reads as the
 * model's first root dataset: spl-semantics.md §1.1) and an optional `nodename=M.D.Child`.
 */
export function findDataset(spec: string, nodename?: string): DatasetDef | undefined {
  const [modelName, ...rest] = spec.split(".");
  const model = modelName === undefined ? undefined : findModel(modelName);
  if (!model) return undefined;
  const target = nodename ? nodename.split(".").at(-1) : rest.at(-1);
  if (target === undefined) return model.datasets.find((d) => d.parent === undefined);
  return model.datasets.find((d) => d.name === target);
}

/** The dataset and its ancestors, root first. */
export function lineage(ds: DatasetDef): DatasetDef[] {
  const model = findModel(ds.model);
  const chain: DatasetDef[] = [ds];
  let cur = ds;
  while (cur.parent && model) {
    const p = model.datasets.find((d) => d.name === cur.parent);
    if (!p) break;
    chain.unshift(p);
    cur = p;
  }
  return chain;
}

/** The root dataset of a dataset (its name is the field prefix in tstats). */
export function rootOf(ds: DatasetDef): DatasetDef {
  return lineage(ds)[0] ?? ds;
}

/** Every `Model.Dataset` name, for did-you-mean hints. */
export function datasetNames(): string[] {
  return DATAMODELS.flatMap((m) => m.datasets.map((d) => `${m.name}.${d.name}`));
}
