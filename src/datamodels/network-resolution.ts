/**
 * CIM Network_Resolution (cim-mapping.md §1.5; field list and calculations from Splunk_SA_CIM
 * Network_Resolution.json, aplura/splunk-sa-cim @ 254c447b460696015f8c1752173b22ed02d54ac2, the
 * CIM 8.5 copy that adds src_ip/dest_ip). One root dataset, DNS = `tag=network tag=resolution
 * tag=dns`, no children. `src` is an extracted field here (no `unknown` fill), unlike most models.
 *
 * reply_code comes from the lookup `cim_dns_reply_code_lookup` on reply_code_id, whose rows are
 * not available: minispl maps the IANA RCODE numbers and mnemonics to the IANA descriptions
 * ("No Error", "Non-Existent Domain", …, the model's expected values) and otherwise keeps
 * reply_code_id (so `unknown` stays `unknown`). UNVERIFIED: the real table's rows and its no-match result.
 */
import type { DatamodelDef, DmField, EventAccessor } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { countOf, enrichment, filledMulti } from "./cim-fields.js";

/** IANA DNS RCODEs: [number, mnemonic, description]. */
const RCODES: readonly (readonly [number, string, string])[] = [
  [0, "NoError", "No Error"],
  [1, "FormErr", "Format Error"],
  [2, "ServFail", "Server Failure"],
  [3, "NXDomain", "Non-Existent Domain"],
  [4, "NotImp", "Not Implemented"],
  [5, "Refused", "Query Refused"],
  [6, "YXDomain", "Name Exists when it should not"],
  [7, "YXRRSet", "RR Set Exists when it should not"],
  [8, "NXRRSet", "RR Set that should exist does not"],
  [9, "NotAuth", "Server Not Authoritative for zone"],
  [10, "NotZone", "Name not contained in zone"],
  [16, "BADVERS", "Bad OPT Version"],
  [17, "BADKEY", "Key not recognized"],
  [18, "BADTIME", "Signature out of time window"],
  [19, "BADMODE", "Bad TKEY Mode"],
  [20, "BADNAME", "Duplicate key name"],
  [21, "BADALG", "Algorithm not supported"],
  [22, "BADTRUNC", "Bad Truncation"],
  [23, "BADCOOKIE", "Bad/missing Server Cookie"],
];
const REPLY_CODES = new Map<string, string>(
  RCODES.flatMap(([n, mnemonic, text]) => [[String(n), text], [mnemonic.toLowerCase(), text], [text.toLowerCase(), text]]),
);

/** `case(isnotnull(reply_code_id) AND reply_code_id!="",reply_code_id,<same for reply_code>,1=1,"unknown")`. */
function replyCodeId(ev: EventAccessor): string {
  for (const name of ["reply_code_id", "reply_code"]) {
    const v = ev.get(name);
    if (v !== null && v !== "") return v;
  }
  return "unknown";
}

function replyCode(ev: EventAccessor): string {
  const id = replyCodeId(ev);
  return REPLY_CODES.get(id.trim().toLowerCase()) ?? id;
}

const EXTRACTED: readonly DmField[] = [
  passed("additional_answer_count", "number"),
  passed("authority_answer_count", "number"),
  passed("dest_ip"),
  passed("dest_port", "number"),
  passed("duration", "number"),
  passed("name"),
  passed("query_type"),
  passed("record_type"),
  passed("response_time", "number"),
  passed("src"),
  passed("src_ip"),
  passed("src_port", "number", true),
  passed("tag", "string", true),
  passed("transport"),
  passed("transaction_id", "number"),
  passed("ttl", "number"),
  passed("cim_entity_zone"),
];

export const networkResolution: DatamodelDef = {
  name: "Network_Resolution",
  datasets: [
    {
      model: "Network_Resolution",
      name: "DNS",
      tags: ["network", "resolution", "dns"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest", "src"),
        filledMulti("answer"),
        countOf("answer_count", "answer"),
        filled("dest"),
        filled("message_type"),
        filledMulti("query"),
        countOf("query_count", "query"),
        { name: "reply_code_id", type: "string", calc: replyCodeId },
        { name: "reply_code", type: "string", calc: replyCode },
        { name: "vendor_product", type: "string", calc: vendorProduct },
      ],
    },
  ],
};
