// Email: tag membership, recipient/src_user fills and their Rex domains, recipient_count, the Filtering child's fields.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const store = storeOf([
  { tag: ["email", "delivery"], src_user: "ceo@evil.example", recipient: ["a@corp.example", "b@corp.example"], message_id: "<1@x>", file_name: "invoice.pdf      .exe" },
  { tag: ["email", "filter"], src_user: "", recipient: "c@corp.example", message_id: "<2@x>", signature: "spam-rule-7", filter_action: "quarantine" },
  { tag: ["delivery"], src_user: "x@y.example", message_id: "<3@x>" },
]);

describe("Email.All_Email", () => {
  it("ESCU's attachment search shape: values(recipient) by src_user, file_name, message_id", () => {
    const q = '| tstats count values(All_Email.recipient) as recipient_address from datamodel=Email where All_Email.file_name="*" by All_Email.src_user, All_Email.file_name All_Email.message_id';
    expect(rows(q, store)).toEqual([
      { "All_Email.src_user": "ceo@evil.example", "All_Email.file_name": "invoice.pdf      .exe", "All_Email.message_id": "<1@x>", count: 1, recipient_address: ["a@corp.example", "b@corp.example"] },
    ]);
  });

  it("fills src_user with unknown, takes domains with the Rex, counts recipients", () => {
    const q = "| tstats count from datamodel=Email by All_Email.src_user All_Email.src_user_domain All_Email.recipient_domain All_Email.recipient_count";
    expect(rows(q.replace("tstats", "tstats fillnull_value=null"), store)).toEqual([
      { "All_Email.src_user": "ceo@evil.example", "All_Email.src_user_domain": "evil.example", "All_Email.recipient_domain": "corp.example", "All_Email.recipient_count": "2", count: 1 },
      { "All_Email.src_user": "unknown", "All_Email.src_user_domain": "null", "All_Email.recipient_domain": "corp.example", "All_Email.recipient_count": "1", count: 1 },
    ]);
  });

  it("Delivery and Filtering children; Filtering's fields are All_Email.Filtering.<field>", () => {
    expect(rows("| tstats count from datamodel=Email.Delivery by All_Email.message_id", store)).toEqual([{ "All_Email.message_id": "<1@x>", count: 1 }]);
    expect(rows("| tstats count from datamodel=Email.Filtering by All_Email.Filtering.signature All_Email.Filtering.filter_action", store)).toEqual([
      { "All_Email.Filtering.signature": "spam-rule-7", "All_Email.Filtering.filter_action": "quarantine", count: 1 },
    ]);
  });
});
