/**
 * CIM Vulnerabilities. Tags from https://help.splunk.com/data-management/common-information-model/5.1/data-models/vulnerabilities
 * (`report` + `vulnerability`); fields, calculations and the High_Critical and Low_Informational children from the CIM 8.5
 * digest tenzir/skills skills/tenzir-cim/data/models/vulnerabilities.yaml @
 * 126e3125f7043b6cd87effd9e4c65f3a65ec02d6 (Splunk_SA_CIM's Vulnerabilities.json was not available).
 *
 * The identifier fields (bugtraq, cert, cve, msft, mskb, xref) are lower-cased by the model, so
 * `Vulnerabilities.cve` holds `cve-2017-5753`; ESCU's `cve="CVE-2017-5753"` still matches because
 * search values compare case-insensitively. Children on the filled severity:
 * High_Critical_Vulnerabilities (`high` OR `critical`), Low_Informational_Vulnerabilities
 * (`low` OR `informational`), Medium_Vulnerabilities (`medium`; this one constraint UNVERIFIED,
 * only the dataset's name was read).
 */
import type { DatamodelDef, DatasetDef, DmField } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { enrichment, loweredMulti, valueIs } from "./cim-fields.js";

const EXTRACTED: readonly DmField[] = [
  passed("cvss", "number"),
  passed("severity_id"),
  passed("signature_id"),
  passed("tag", "string", true),
  passed("url"),
  passed("user"),
  passed("cim_entity_zone"),
];

function bySeverity(name: string, ...severities: string[]): DatasetDef {
  return { model: "Vulnerabilities", name, parent: "Vulnerabilities", tags: [], constraint: (ev) => valueIs(ev, "severity", ...severities), fields: [] };
}

export const vulnerabilities: DatamodelDef = {
  name: "Vulnerabilities",
  datasets: [
    {
      model: "Vulnerabilities",
      name: "Vulnerabilities",
      tags: ["vulnerability", "report"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest", "dvc", "user"),
        ...["bugtraq", "cert", "cve", "msft", "mskb", "xref"].map((n) => loweredMulti(n)),
        ...["category", "dest", "dvc", "severity", "signature"].map((n) => filled(n)),
        { name: "vendor_product", type: "string", calc: vendorProduct },
      ],
    },
    bySeverity("High_Critical_Vulnerabilities", "high", "critical"),
    bySeverity("Medium_Vulnerabilities", "medium"),
    bySeverity("Low_Informational_Vulnerabilities", "low", "informational"),
  ],
};
