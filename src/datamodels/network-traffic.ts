/**
 * CIM Network_Traffic (cim-mapping.md §1.4; field list and calculations from Splunk_SA_CIM
 * Network_Traffic.json, aplura/splunk-sa-cim @ 337e5bbad8b35bc9b9332d8562c5257b2d04e453, a
 * CIM 6.x/8.x copy: 5.0.1's list plus process_guid, rule_id, session_id).
 *
 * Root All_Traffic = `tag=network tag=communicate`. Children: Traffic_By_Action (`action=*`) →
 * Allowed_Traffic (`action=allowed`), Blocked_Traffic (`action=blocked`). Child constraints run
 * after the root's calculations, so `action=*` sees the `unknown` fill and keeps every event.
 * Calculations: the `unknown` fills, bytes/packets derived from their in/out pair when numeric,
 * dest_port/src_port `0` when not numeric, transport lower-cased.
 */
import type { DatamodelDef, DatasetDef, DmField, EventAccessor } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { enrichment, numOrZero, triangle, valueIs } from "./cim-fields.js";

const EXTRACTED: readonly DmField[] = [
  passed("app"),
  passed("channel", "number"),
  passed("dest_interface"),
  passed("dest_ip"),
  passed("dest_mac"),
  passed("dest_translated_ip"),
  passed("dest_translated_port", "number"),
  passed("dest_zone"),
  passed("direction"),
  passed("duration", "number"),
  passed("dvc_ip"),
  passed("dvc_mac"),
  passed("dvc_zone"),
  passed("flow_id"),
  passed("icmp_code"),
  passed("icmp_type", "number"),
  passed("process_guid"),
  // A string in the model (not a number), like Filesystem's.
  passed("process_id"),
  passed("protocol"),
  passed("protocol_version"),
  passed("response_time", "number"),
  passed("rule_id"),
  passed("session_id"),
  passed("src_interface"),
  passed("src_ip"),
  passed("src_mac"),
  passed("src_translated_ip"),
  passed("src_translated_port", "number"),
  passed("src_zone"),
  passed("ssid"),
  passed("tag", "string", true),
  passed("tcp_flag", "string", true),
  passed("tos"),
  passed("ttl", "number"),
  passed("vlan", "string", true),
  passed("wifi", "string", true),
  passed("vendor_account"),
  passed("cim_entity_zone"),
];

/** `if(isnull(transport) OR transport="","unknown",lower(transport))`. */
function transport(ev: EventAccessor): string {
  const t = ev.get("transport");
  return t === null || t === "" ? "unknown" : t.toLowerCase();
}

const allTraffic: DatasetDef = {
  model: "Network_Traffic",
  name: "All_Traffic",
  tags: ["network", "communicate"],
  fields: [
    ...EXTRACTED,
    ...enrichment("dest", "src", "dvc", "user"),
    filled("action"),
    ...triangle("bytes", "bytes_in", "bytes_out"),
    filled("dest"),
    numOrZero("dest_port"),
    filled("dvc"),
    ...triangle("packets", "packets_in", "packets_out"),
    filled("rule"),
    filled("src"),
    // The model types src_port as a string (dest_port as a number); the 0 fill is the same.
    { ...numOrZero("src_port"), type: "string" },
    { name: "transport", type: "string", calc: transport },
    filled("user"),
    { name: "vendor_product", type: "string", calc: vendorProduct },
  ],
};

const actionIs = (value: string) => (ev: EventAccessor) => valueIs(ev, "action", value);

export const networkTraffic: DatamodelDef = {
  name: "Network_Traffic",
  datasets: [
    allTraffic,
    // `action=*` after the fill: every All_Traffic event.
    { model: "Network_Traffic", name: "Traffic_By_Action", parent: "All_Traffic", tags: [], constraint: () => true, fields: [] },
    { model: "Network_Traffic", name: "Allowed_Traffic", parent: "Traffic_By_Action", tags: [], constraint: actionIs("allowed"), fields: [] },
    { model: "Network_Traffic", name: "Blocked_Traffic", parent: "Traffic_By_Action", tags: [], constraint: actionIs("blocked"), fields: [] },
  ],
};
