/**
 * The Enterprise Security UEBA model (anomalies and threats that Splunk UBA sends to ES; not part
 * of Splunk_SA_CIM). No definition was available: everything here is UNVERIFIED and shaped only
 * by what ESCU reads ("Suspicious Email - UBA Anomaly": `from datamodel=UEBA where
 * nodename=All_UEBA_Events.UEBA_Anomalies`, fields All_UEBA_Events.category, description,
 * severity, user, uba_event_type, link, signature, url and the child's
 * All_UEBA_Events.UEBA_Anomalies.uba_model).
 *
 * minispl's choices: root All_UEBA_Events = events in `index=ueba` (like ES's Risk model keys on
 * its index); children UEBA_Anomalies / UEBA_Threats by `uba_event_type=anomaly|threat`;
 * uba_model is the anomalies child's own field (declared on the root as `UEBA_Anomalies.uba_model`,
 * see childField). All fields pass through unfilled.
 */
import type { DatamodelDef, DatasetDef, EventAccessor } from "./types.js";
import { passed } from "./cim-calc.js";
import { childField, valueIs } from "./cim-fields.js";

const ROOT_FIELDS = ["category", "description", "dest", "link", "severity", "signature", "src", "uba_event_type", "url", "user"];
const isAnomaly = (ev: EventAccessor) => valueIs(ev, "uba_event_type", "anomaly");

function byType(name: string, type: string): DatasetDef {
  return { model: "UEBA", name, parent: "All_UEBA_Events", tags: [], constraint: (ev) => valueIs(ev, "uba_event_type", type), fields: [] };
}

export const ueba: DatamodelDef = {
  name: "UEBA",
  datasets: [
    {
      model: "UEBA",
      name: "All_UEBA_Events",
      tags: [],
      constraint: (ev) => valueIs(ev, "index", "ueba"),
      fields: [
        ...ROOT_FIELDS.map((n) => passed(n)),
        passed("tag", "string", true),
        childField("UEBA_Anomalies", passed("uba_model"), isAnomaly),
      ],
    },
    byType("UEBA_Anomalies", "anomaly"),
    byType("UEBA_Threats", "threat"),
  ],
};
