/**
 * The process fields CIM 8.5 adds to Endpoint.Filesystem and Endpoint.Registry (cim-mapping.md
 * §1.3): extracted parent/process exec, hash, id, guid, path, and calculated parent_process,
 * parent_process_name, process, process_name with the Processes fills.
 */
import type { DmField } from "./types.js";
import { filled, passed } from "./cim-calc.js";

export function processFields85(derivedName: (name: string, from: string) => DmField): DmField[] {
  return [
    passed("parent_process_exec"),
    passed("parent_process_guid"),
    passed("parent_process_hash", "string", true),
    passed("parent_process_id"),
    passed("parent_process_path"),
    filled("parent_process"),
    derivedName("parent_process_name", "parent_process"),
    filled("process"),
    passed("process_exec"),
    passed("process_guid"),
    passed("process_hash", "string", true),
    // Filesystem/Registry declare process_id as a string (unlike Processes' number).
    passed("process_id"),
    derivedName("process_name", "process"),
    passed("process_path"),
  ];
}
