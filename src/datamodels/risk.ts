/**
 * The Enterprise Security Risk model (cim-mapping.md §1.8; not part of Splunk_SA_CIM). Base from
 * the older ES Risk.json (RISKOLD: apger/SA-RBA @ bbfb3b9d642f6f6030d5f55bacbc76003ee43ac7
 * default/data/models/Risk.json): root All_Risk under BaseEvent with the constraint `index=risk`
 * (no tags), its field list, and the calculations risk_object/risk_object_type → `unknown` when
 * null, risk_score → 0 when null, description ← description, else the correlation search's
 * description (a lookup on `source` that minispl cannot do: null), else `unknown`.
 *
 * The ES 7.x fields ESCU's correlations read (calculated_risk_score, analyticstories,
 * annotations.*, normalized_risk_object, threat_object*) are UNVERIFIED as model definitions
 * (cim-mapping.md §7.6): minispl passes them through from the risk event, computing
 * calculated_risk_score as the event's value else risk_score (no risk factors) and
 * normalized_risk_object as the event's value else lower(risk_object).
 * Field names with dots (`annotations.mitre_attack.mitre_technique_id`) are one field each, as
 * the risk events carry them; tstats addresses them as `All_Risk.annotations.mitre_attack.…`.
 */
import type { DatamodelDef, DmField, EventAccessor } from "./types.js";
import { passed } from "./cim-calc.js";
import { isNum, valueIs } from "./cim-fields.js";

/** `if(isnull(X),<fill>,X)`: only a missing value is filled (an empty string is kept). */
function nullFill(name: string, fill: string, type: DmField["type"] = "string"): DmField {
  return { name, type, calc: (ev) => ev.get(name) ?? fill };
}

const riskObject = (ev: EventAccessor) => ev.get("risk_object") ?? "unknown";
const riskScore = (ev: EventAccessor) => ev.get("risk_score") ?? "0";

const RISKOLD_FIELDS: readonly DmField[] = [
  passed("creator"),
  passed("tag", "string", true),
  passed("risk_message"),
  passed("risk_modifier_count_combined", "number"),
  passed("risk_modifier_count_system", "number"),
  passed("risk_modifier_count_user", "number"),
  passed("risk_modifier_count_vuln", "number"),
  passed("risk_rule_confidence"),
  passed("risk_rule_confidence_num", "number"),
  passed("risk_rule_impact"),
  passed("risk_rule_impact_num", "number"),
  passed("risk_system_category"),
  passed("risk_system_priority"),
  passed("risk_user_category"),
  passed("rule_attack_tactic_technique"),
  passed("search_name"),
  // Lookup correlationsearches_lookup(_key=source) → description: no lookup data offline.
  { name: "savedsearch_description", type: "string", calc: () => null },
  { name: "description", type: "string", calc: (ev) => ev.get("description") ?? "unknown" },
  nullFill("risk_object", "unknown"),
  nullFill("risk_object_type", "unknown"),
  nullFill("risk_score", "0", "number"),
];

/** ES 7.x fields read by ESCU (UNVERIFIED definitions, see the header). */
const ES7_FIELDS: readonly DmField[] = [
  {
    name: "calculated_risk_score",
    type: "number",
    calc: (ev) => {
      const v = ev.get("calculated_risk_score");
      return isNum(v) ? v : riskScore(ev);
    },
  },
  { name: "normalized_risk_object", type: "string", calc: (ev) => ev.get("normalized_risk_object") ?? riskObject(ev).toLowerCase() },
  passed("analyticstories", "string", true),
  passed("annotations", "string", true),
  passed("annotations._all", "string", true),
  passed("annotations.cis20", "string", true),
  passed("annotations.kill_chain_phases", "string", true),
  passed("annotations.nist", "string", true),
  passed("annotations.mitre_attack", "string", true),
  passed("annotations.mitre_attack.mitre_tactic", "string", true),
  passed("annotations.mitre_attack.mitre_tactic_id", "string", true),
  passed("annotations.mitre_attack.mitre_technique", "string", true),
  passed("annotations.mitre_attack.mitre_technique_id", "string", true),
  passed("threat_object", "string", true),
  passed("threat_object_type", "string", true),
];

export const risk: DatamodelDef = {
  name: "Risk",
  datasets: [
    {
      model: "Risk",
      name: "All_Risk",
      tags: [],
      constraint: (ev) => valueIs(ev, "index", "risk"),
      fields: [...RISKOLD_FIELDS, ...ES7_FIELDS],
    },
  ],
};
