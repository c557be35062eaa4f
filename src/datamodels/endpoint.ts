/**
 * The CIM Endpoint datamodel: five root datasets, each a BaseSearch on tags (cim-mapping.md
 * §1.2, §1.3). Processes comes first because a bare `datamodel=Endpoint` resolves to the first
 * root dataset (spl-semantics.md §1.1).
 *
 * Choices where the spec leaves room: field lists follow CIM 8.5 (so parent_process_hash,
 * loaded_file and the Filesystem/Registry process fields exist); the process_name /
 * parent_process_name fallback uses the CIM 6.2+ regexes (CIM 5.3.2's is UNVERIFIED, §7);
 * Ports does not mvexpand transport_dest_port (one row per event); ES enrichment fields
 * (dest_bunit, …) are not defined.
 */
import type { DatamodelDef } from "./types.js";
import { processes } from "./endpoint-processes.js";
import { filesystem } from "./endpoint-filesystem.js";
import { registry } from "./endpoint-registry.js";
import { services } from "./endpoint-services.js";
import { ports } from "./endpoint-ports.js";

export const endpoint: DatamodelDef = {
  name: "Endpoint",
  datasets: [processes, filesystem, registry, services, ports],
};
