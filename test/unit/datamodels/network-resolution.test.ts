// Network_Resolution.DNS (cim-mapping.md §1.5): three tags, multivalue fills and counts, reply_code.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const DNS = ["network", "resolution", "dns"];
const store = storeOf([
  { tag: DNS, src: "10.1.1.7", query: "evil.example", answer: ["1.2.3.4", "5.6.7.8"], message_type: "Response", reply_code_id: "0" },
  { tag: DNS, src: "10.1.1.7", query: "nx.example", reply_code: "NXDOMAIN", message_type: "Response" },
  { tag: DNS, src: "10.1.1.8", query: "a.example", reply_code_id: "3", answer_count: "0" },
  { tag: DNS, query_count: "2" },
  { tag: ["network", "dns"], src: "10.1.1.9", query: "not-resolution.example" },
]);

describe("Network_Resolution.DNS", () => {
  it("needs network, resolution and dns tags; src is extracted, not filled", () => {
    expect(rows("| tstats count from datamodel=Network_Resolution by DNS.src", store)).toEqual([
      { "DNS.src": "10.1.1.7", count: 2 },
      { "DNS.src": "10.1.1.8", count: 1 },
    ]);
  });

  it("fills query/answer with unknown and counts them when no count is given", () => {
    expect(rows("| tstats count from datamodel=Network_Resolution.DNS by DNS.query DNS.answer_count DNS.query_count", store)).toEqual([
      { "DNS.query": "a.example", "DNS.answer_count": "0", "DNS.query_count": "1", count: 1 },
      { "DNS.query": "evil.example", "DNS.answer_count": "2", "DNS.query_count": "1", count: 1 },
      { "DNS.query": "nx.example", "DNS.answer_count": "1", "DNS.query_count": "1", count: 1 },
      { "DNS.query": "unknown", "DNS.answer_count": "1", "DNS.query_count": "2", count: 1 },
    ]);
  });

  it("keeps every answer of a multivalue answer", () => {
    expect(rows("| tstats values(DNS.answer) as answer from datamodel=Network_Resolution.DNS where DNS.query=evil.example", store)).toEqual([
      { answer: ["1.2.3.4", "5.6.7.8"] },
    ]);
  });

  it("reply_code_id falls back to reply_code, then unknown; reply_code maps RCODEs to their names", () => {
    expect(rows("| tstats count from datamodel=Network_Resolution where nodename=DNS by DNS.reply_code_id DNS.reply_code", store)).toEqual([
      { "DNS.reply_code_id": "0", "DNS.reply_code": "No Error", count: 1 },
      { "DNS.reply_code_id": "3", "DNS.reply_code": "Non-Existent Domain", count: 1 },
      { "DNS.reply_code_id": "NXDOMAIN", "DNS.reply_code": "Non-Existent Domain", count: 1 },
      { "DNS.reply_code_id": "unknown", "DNS.reply_code": "unknown", count: 1 },
    ]);
  });

  it("ESCU's Excessive DNS Failures filter shape runs", () => {
    const q = '| tstats count from datamodel=Network_Resolution where nodename=DNS "DNS.reply_code"!="No Error" "DNS.reply_code"!="NoError" DNS.reply_code!="unknown" by "DNS.src"';
    expect(rows(q, store)).toEqual([
      { "DNS.src": "10.1.1.7", count: 1 },
      { "DNS.src": "10.1.1.8", count: 1 },
    ]);
  });
});
