/**
 * CIM Network_Sessions (datasets, constraints and calculations from Splunk_SA_CIM
 * Network_Sessions.json, aplura/splunk-sa-cim @ 0ae4e86f10a19ed8da22bce91eb04bb6e0688c2a, CIM 6.4).
 *
 * Root All_Sessions = `tag=network tag=session`; children Session_Start (`tag=start`),
 * Session_End (`tag=end`), DHCP (`tag=dhcp`; defines lease_duration, lease_scope, declared on the
 * root as `DHCP.<field>`, see childField) and VPN (`tag=vpn`).
 * dest_ip/dest_mac prefer Splunk Stream's DHCP fields (yiaddr/chaddr) when `source` starts with
 * "stream" (the model's `source LIKE "stream%"`; treated as case-sensitive, UNVERIFIED), then the
 * event's value, then `unknown`.
 */
import type { DatamodelDef, DmField, EventAccessor } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { childField, enrichment, hasTag } from "./cim-fields.js";

/** `case(source LIKE "stream%" AND isnotnull(S) AND S!="",S,isnull(X) OR X="","unknown",1=1,X)`. */
function streamOr(name: string, streamField: string): DmField {
  return {
    name,
    type: "string",
    calc: (ev: EventAccessor) => {
      const s = ev.get(streamField);
      if ((ev.get("source") ?? "").startsWith("stream") && s !== null && s !== "") return s;
      const v = ev.get(name);
      return v === null || v === "" ? "unknown" : v;
    },
  };
}

const EXTRACTED: readonly DmField[] = [
  passed("action"),
  passed("duration", "number"),
  passed("response_time", "number"),
  passed("signature"),
  passed("signature_id"),
  passed("src_dns"),
  passed("src_ip"),
  passed("src_mac"),
  passed("src_nt_host"),
  passed("tag", "string", true),
  passed("cim_entity_zone"),
];

const isDhcp = (ev: EventAccessor) => hasTag(ev, "dhcp");

export const networkSessions: DatamodelDef = {
  name: "Network_Sessions",
  datasets: [
    {
      model: "Network_Sessions",
      name: "All_Sessions",
      tags: ["network", "session"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest", "src", "user"),
        streamOr("dest_ip", "yiaddr"),
        streamOr("dest_mac", "chaddr"),
        filled("dest_nt_host"),
        filled("dest_dns"),
        filled("dvc"),
        filled("user"),
        { name: "vendor_product", type: "string", calc: vendorProduct },
        childField("DHCP", passed("lease_duration", "number"), isDhcp),
        childField("DHCP", passed("lease_scope"), isDhcp),
      ],
    },
    { model: "Network_Sessions", name: "Session_Start", parent: "All_Sessions", tags: ["start"], fields: [] },
    { model: "Network_Sessions", name: "Session_End", parent: "All_Sessions", tags: ["end"], fields: [] },
    { model: "Network_Sessions", name: "DHCP", parent: "All_Sessions", tags: ["dhcp"], fields: [] },
    { model: "Network_Sessions", name: "VPN", parent: "All_Sessions", tags: ["vpn"], fields: [] },
  ],
};
