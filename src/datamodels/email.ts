/**
 * CIM Email. Tags from https://help.splunk.com/data-management/common-information-model/5.2/data-models/email
 * (All_Email `email`; Delivery `delivery`, Content `content`, Filtering `filter`); fields and
 * calculations from the CIM 8.5 digest tenzir/skills skills/tenzir-cim/data/models/email.yaml @
 * 2c9ae35d3ce23b6c6dd3ec5d26cb2f8ee88d7e50 (the Splunk_SA_CIM Email.json itself was not available).
 *
 * Calculations in the model's order: recipient and src_user get the `unknown` fill, then
 * recipient_domain/src_user_domain are the Rex `^.*@(?<d>.+)$` over the filled values, and
 * recipient_count = recipient_count if numeric, else the number of recipients.
 * Filtering defines filter_action, filter_score, signature, signature_extra, signature_id,
 * declared on the root as `Filtering.<field>` (see childField). Which of the Filtering fields are
 * calculated in 8.5 is UNVERIFIED (minispl passes them through).
 */
import type { DatamodelDef, DmField, EventAccessor } from "./types.js";
import { fillUnknown, filled, passed, vendorProduct } from "./cim-calc.js";
import { childField, countOf, domainOf, enrichment, filledMulti, hasTag } from "./cim-fields.js";

const EXTRACTED: readonly DmField[] = [
  passed("delay", "number"),
  passed("duration", "number"),
  passed("file_hash"),
  passed("file_name"),
  passed("file_size", "number"),
  passed("internal_message_id"),
  passed("message_id"),
  passed("message_info"),
  passed("orig_dest"),
  passed("orig_recipient", "string", true),
  passed("orig_src"),
  passed("process"),
  passed("process_id", "number"),
  passed("protocol"),
  passed("recipient_status", "string", true),
  passed("response_time", "number"),
  passed("retries", "number"),
  passed("return_addr"),
  passed("size", "number"),
  passed("status_code"),
  passed("subject"),
  passed("tag", "string", true),
  passed("url", "string", true),
  passed("user"),
  passed("xdelay"),
  passed("xref"),
  passed("cim_entity_zone"),
];

const firstRecipient = (ev: EventAccessor) => ev.all("recipient").find((v) => v !== "") ?? "unknown";
const isFiltering = (ev: EventAccessor) => hasTag(ev, "filter");

const FILTERING_FIELDS: readonly DmField[] = [
  passed("filter_action"),
  passed("filter_score", "number"),
  passed("signature"),
  passed("signature_extra"),
  passed("signature_id"),
];

export const email: DatamodelDef = {
  name: "Email",
  datasets: [
    {
      model: "Email",
      name: "All_Email",
      tags: ["email"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest", "src", "src_user", "user"),
        filled("action"),
        filled("dest"),
        filledMulti("recipient"),
        domainOf("recipient_domain", firstRecipient),
        countOf("recipient_count", "recipient"),
        filled("src"),
        filled("src_user"),
        domainOf("src_user_domain", (ev) => fillUnknown(ev, "src_user")),
        { name: "vendor_product", type: "string", calc: vendorProduct },
        ...FILTERING_FIELDS.map((f) => childField("Filtering", f, isFiltering)),
      ],
    },
    { model: "Email", name: "Delivery", parent: "All_Email", tags: ["delivery"], fields: [] },
    { model: "Email", name: "Content", parent: "All_Email", tags: ["content"], fields: [] },
    { model: "Email", name: "Filtering", parent: "All_Email", tags: ["filter"], fields: [] },
  ],
};
