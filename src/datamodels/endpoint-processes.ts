/**
 * Endpoint.Processes (cim-mapping.md §1.2, CIM 8.5 field list): events tagged both `process` and
 * `report`; the base search lower-cases process_integrity_level; recommended fields get the
 * `unknown` fill, process_name/parent_process_name fall back to a name derived from the command
 * line (CIM 6.2+ regexes, see cim-calc.ts).
 */
import type { DatasetDef } from "./types.js";
import { derivedName, filled, passed, vendorProduct } from "./cim-calc.js";

export const processes: DatasetDef = {
  model: "Endpoint",
  name: "Processes",
  tags: ["process", "report"],
  preEval: {
    process_integrity_level: (ev) => ev.get("process_integrity_level")?.toLowerCase() ?? null,
  },
  fields: [
    passed("action"),
    passed("cpu_load_percent", "number"),
    filled("dest"),
    passed("mem_used", "number"),
    passed("os"),
    filled("original_file_name"),
    filled("parent_process"),
    passed("parent_process_exec"),
    passed("parent_process_guid"),
    passed("parent_process_hash", "string", true),
    passed("parent_process_id", "number"),
    derivedName("parent_process_name", "parent_process"),
    passed("parent_process_path"),
    filled("parent_user"),
    filled("process"),
    passed("process_current_directory"),
    passed("process_exec"),
    passed("process_guid"),
    passed("process_hash", "string", true),
    passed("process_id", "number"),
    passed("process_integrity_level"),
    derivedName("process_name", "process"),
    passed("process_path"),
    filled("user"),
    passed("user_id"),
    { name: "vendor_product", type: "string", calc: vendorProduct },
    filled("loaded_file"),
    passed("tag", "string", true),
  ],
};
