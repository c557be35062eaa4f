/**
 * Endpoint.Services (cim-mapping.md §1.3): `service` + `report` tags (Sysmon 4/16/255 and the
 * System channel's 7045/7036/7040, src/adapters/ta-windows-channels.ts).
 */
import type { DatasetDef } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";

const EXTRACTED = [
  "description",
  "process_guid",
  "process_id",
  "service_dll",
  "service_dll_path",
  "service_dll_hash",
  "service_dll_signature_exists",
  "service_dll_signature_verified",
  "service_exec",
  "service_hash",
  "service_path",
  "service_signature_exists",
  "service_signature_verified",
];
const FILLED = ["dest", "service", "service_name", "service_id", "start_mode", "status", "user"];

export const services: DatasetDef = {
  model: "Endpoint",
  name: "Services",
  tags: ["service", "report"],
  fields: [
    ...EXTRACTED.map((n) => passed(n)),
    ...FILLED.map((n) => filled(n)),
    { name: "vendor_product", type: "string", calc: vendorProduct },
    passed("tag", "string", true),
  ],
};
