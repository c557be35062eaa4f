/**
 * Endpoint.Filesystem (cim-mapping.md §1.3): `endpoint` + `filesystem` tags. CIM 5.0.1 fields
 * plus the CIM 8.5 process fields, with the same `unknown` fills as Processes.
 */
import type { DatasetDef } from "./types.js";
import { derivedName, filled, passed, vendorProduct } from "./cim-calc.js";
import { processFields85 } from "./endpoint-process-fields.js";

export const filesystem: DatasetDef = {
  model: "Endpoint",
  name: "Filesystem",
  tags: ["endpoint", "filesystem"],
  fields: [
    filled("action"),
    filled("dest"),
    passed("file_access_time", "time"),
    filled("file_acl"),
    passed("file_create_time", "time"),
    filled("file_hash"),
    passed("file_modify_time", "time"),
    filled("file_name"),
    filled("file_path"),
    passed("file_size", "number"),
    filled("user"),
    { name: "vendor_product", type: "string", calc: vendorProduct },
    ...processFields85(derivedName),
    passed("tag", "string", true),
  ],
};
