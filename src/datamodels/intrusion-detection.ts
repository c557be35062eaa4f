/**
 * CIM Intrusion_Detection (datasets, constraints and calculations from Splunk_SA_CIM
 * Intrusion_Detection.json, aplura/splunk-sa-cim @ 42a3807bb4e1e24f29f1fcdab778339d986dd6c1).
 *
 * Root IDS_Attacks = `tag=ids tag=attack`; children Application_/Host_/Network_IDS_Attacks
 * (`ids_type="application"|"host"|"network"`, tested on the calculated ids_type: a missing one
 * is `unknown` and belongs to none of them). Recommended fields get the `unknown` fill.
 */
import type { DatamodelDef, DatasetDef, DmField } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { enrichment, valueIs } from "./cim-fields.js";

const EXTRACTED: readonly DmField[] = [
  passed("action"),
  passed("dest_ip"),
  passed("dest_port", "number"),
  passed("dest_type"),
  passed("file_hash"),
  passed("file_name"),
  passed("file_path"),
  passed("severity_id"),
  passed("signature_id"),
  passed("src_ip"),
  passed("src_port", "number", true),
  passed("transport"),
  passed("tag", "string", true),
  passed("cim_entity_zone"),
];

function byType(name: string, idsType: string): DatasetDef {
  return { model: "Intrusion_Detection", name, parent: "IDS_Attacks", tags: [], constraint: (ev) => valueIs(ev, "ids_type", idsType), fields: [] };
}

export const intrusionDetection: DatamodelDef = {
  name: "Intrusion_Detection",
  datasets: [
    {
      model: "Intrusion_Detection",
      name: "IDS_Attacks",
      tags: ["ids", "attack"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest", "dvc", "src", "user"),
        ...["dvc", "ids_type", "category", "signature", "severity", "src", "dest", "user"].map((n) => filled(n)),
        { name: "vendor_product", type: "string", calc: vendorProduct },
      ],
    },
    byType("Application_IDS_Attacks", "application"),
    byType("Host_IDS_Attacks", "host"),
    byType("Network_IDS_Attacks", "network"),
  ],
};
