/**
 * Where a datamodel dataset field comes from, for `minispl fields`: a calculated field (an eval in
 * the CIM model) or an event field passed through as is (cim-mapping.md §1.1).
 */
import { BASE_FIELDS } from "./dataset-view.js";
import { lineage } from "./registry.js";
import type { DatasetDef } from "./types.js";

/**
 * `calculated (CIM)` for a field with a `calc`, else `event field <name>`. `name` is the field
 * without its dataset prefix (`process_name`) or a base field (`host`); `Processes.process_name`
 * is accepted too. Undefined when the dataset has no such field.
 */
export function datasetFieldOrigin(ds: DatasetDef, name: string): string | undefined {
  if ((BASE_FIELDS as readonly string[]).includes(name)) return `event field ${name}`;
  const chain = lineage(ds);
  const root = chain[0]?.name ?? ds.name;
  const bare = name.startsWith(`${root}.`) ? name.slice(root.length + 1) : name;
  // The nearest definition wins (a child may redefine an inherited field).
  for (let i = chain.length - 1; i >= 0; i--) {
    const def = chain[i]!.fields.find((f) => f.name === bare);
    if (def) return def.calc ? "calculated (CIM)" : `event field ${bare}`;
  }
  return undefined;
}
