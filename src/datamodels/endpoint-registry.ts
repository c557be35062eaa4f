/**
 * Endpoint.Registry (cim-mapping.md §1.3): `endpoint` + `registry` tags; every recommended
 * registry field gets the `unknown` fill; CIM 8.5 process fields as in Filesystem.
 */
import type { DatasetDef } from "./types.js";
import { derivedName, filled, passed, vendorProduct } from "./cim-calc.js";
import { processFields85 } from "./endpoint-process-fields.js";

export const registry: DatasetDef = {
  model: "Endpoint",
  name: "Registry",
  tags: ["endpoint", "registry"],
  fields: [
    filled("action"),
    filled("dest"),
    passed("registry_hive"),
    filled("registry_key_name"),
    filled("registry_path"),
    filled("registry_value_data"),
    filled("registry_value_name"),
    passed("registry_value_text"),
    filled("registry_value_type"),
    passed("status"),
    filled("user"),
    { name: "vendor_product", type: "string", calc: vendorProduct },
    ...processFields85(derivedName),
    passed("tag", "string", true),
  ],
};
