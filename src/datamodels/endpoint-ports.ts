/**
 * Endpoint.Ports (cim-mapping.md §1.3): `listening` + `port` tags. The base search fills
 * transport=`unknown` and dest_port=0 and builds transport_dest_port; CIM then mvexpands it,
 * which a one-row-per-event view cannot do, so minispl keeps the (usually single) pair unexpanded.
 */
import type { DatasetDef, EventAccessor } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";

function transport(ev: EventAccessor): string {
  const t = ev.get("transport");
  return t === null || t === "" ? "unknown" : t;
}

function destPort(ev: EventAccessor): string {
  const p = ev.get("dest_port");
  return p === null || p === "" ? "0" : p;
}

function srcPort(ev: EventAccessor): string {
  const p = ev.get("src_port");
  return p !== null && /^\d+$/.test(p) ? p : "0";
}

export const ports: DatasetDef = {
  model: "Endpoint",
  name: "Ports",
  tags: ["listening", "port"],
  preEval: { transport, dest_port: destPort },
  fields: [
    passed("creation_time", "time"),
    passed("dest_port", "number"),
    passed("process_guid"),
    passed("process_id"),
    passed("state"),
    passed("transport"),
    { name: "transport_dest_port", type: "string", calc: (ev) => `${transport(ev)}/${destPort(ev)}` },
    filled("src"),
    { name: "src_port", type: "number", calc: srcPort },
    filled("dest"),
    filled("user"),
    { name: "vendor_product", type: "string", calc: vendorProduct },
    passed("tag", "string", true),
  ],
};
