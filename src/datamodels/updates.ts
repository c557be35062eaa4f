/**
 * CIM Updates (datasets, constraints and calculations from Splunk_SA_CIM Updates.json,
 * aplura/splunk-sa-cim @ 642ad83a73da49d217e72fa1749d0a296a55c026).
 *
 * Root Updates = `tag=update tag=status`, children Available_/Installed_/Restart_Required_Updates
 * on the filled status (`available`, `installed`, `restart_required`). Update_Errors is a second
 * root (a BaseSearch `tag=update tag=error` with only the base fields). Updates comes first, so
 * ESCU's bare `datamodel=Updates` reads it. signature and signature_id fill each other, then `unknown`.
 */
import type { DatamodelDef, DatasetDef, DmField, EventAccessor } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { enrichment, valueIs } from "./cim-fields.js";

/** `case(isnotnull(X) AND X!="",X,isnotnull(Y) AND Y!="" AND Y!="unknown",Y,1=1,"unknown")`. */
function orOther(name: string, other: string): DmField {
  return {
    name,
    type: "string",
    multi: true,
    calc: (ev: EventAccessor) => {
      const v = ev.get(name);
      if (v !== null && v !== "") return v;
      const o = ev.get(other);
      return o !== null && o !== "" && o !== "unknown" ? o : "unknown";
    },
  };
}

const EXTRACTED: readonly DmField[] = [
  passed("dest_should_update"),
  passed("dvc"),
  passed("file_name", "string", true),
  passed("file_hash"),
  passed("severity"),
  passed("severity_id"),
  passed("tag", "string", true),
  passed("cim_entity_zone"),
];

function byStatus(name: string, status: string): DatasetDef {
  return { model: "Updates", name, parent: "Updates", tags: [], constraint: (ev) => valueIs(ev, "status", status), fields: [] };
}

export const updates: DatamodelDef = {
  name: "Updates",
  datasets: [
    {
      model: "Updates",
      name: "Updates",
      tags: ["update", "status"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest"),
        filled("dest"),
        orOther("signature", "signature_id"),
        orOther("signature_id", "signature"),
        filled("status"),
        { name: "vendor_product", type: "string", calc: vendorProduct },
      ],
    },
    byStatus("Available_Updates", "available"),
    byStatus("Installed_Updates", "installed"),
    byStatus("Restart_Required_Updates", "restart_required"),
    { model: "Updates", name: "Update_Errors", tags: ["update", "error"], fields: [passed("cim_entity_zone")] },
  ],
};
