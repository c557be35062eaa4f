/**
 * CIM Alerts. Fields and calculations from the CIM 8.5 digest tenzir/skills
 * skills/tenzir-cim/data/models/alerts.yaml @ 126e3125f7043b6cd87effd9e4c65f3a65ec02d6 (Splunk_SA_CIM's
 * Alerts.json was not available); page https://help.splunk.com/data-management/common-information-model/6.0/data-models/alerts.
 *
 * One root dataset, Alerts = `tag=alert`, no children. app falls back to sourcetype; the
 * recommended fields get the `unknown` fill (signature itself does not, signature_id does).
 */
import type { DatamodelDef, DmField } from "./types.js";
import { filled, passed } from "./cim-calc.js";
import { enrichment, filledFrom } from "./cim-fields.js";

const EXTRACTED: readonly DmField[] = [
  passed("body"),
  passed("description"),
  passed("dest_type"),
  passed("id"),
  passed("mitre_technique_id", "string", true),
  passed("severity_id"),
  passed("signature"),
  passed("src_type"),
  passed("subject"),
  passed("tag", "string", true),
  passed("vendor_account"),
  passed("vendor_region"),
  passed("cim_entity_zone"),
];

export const alerts: DatamodelDef = {
  name: "Alerts",
  datasets: [
    {
      model: "Alerts",
      name: "Alerts",
      tags: ["alert"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest", "src", "user"),
        filledFrom("app", "sourcetype"),
        ...["dest", "severity", "signature_id", "src", "type", "user", "user_name"].map((n) => filled(n)),
      ],
    },
  ],
};
