// Web: tag membership, the `-`-aware fills, url_domain/url_length computed on the filled url, Proxy/Storage children.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const store = storeOf([
  { tag: ["web", "proxy"], url: "https://user:pw@Example.com:8443/a/b?x=1", http_method: "POST", http_user_agent: "curl/8.0", status: "200", src: "10.0.0.1", dest: "-", bytes_in: "10", bytes_out: "20" },
  { tag: ["web"], url: "-", http_method: "", http_user_agent: "-", status: "404", src: "10.0.0.2", http_referrer: "http://ref.example/x" },
  { tag: ["web", "storage"], url: "s3.amazonaws.com/bucket/key", storage_name: "bucket", operation: "GetObject", src: "10.0.0.3" },
  { tag: ["proxy"], url: "http://not-web.example/" },
]);

describe("Web.Web", () => {
  it("treats -, empty and missing as unknown for the dash-filled fields", () => {
    const q = "| tstats count from datamodel=Web by Web.src Web.dest Web.http_method Web.http_user_agent Web.url";
    expect(rows(q, store)).toEqual([
      { "Web.src": "10.0.0.1", "Web.dest": "unknown", "Web.http_method": "POST", "Web.http_user_agent": "curl/8.0", "Web.url": "https://user:pw@Example.com:8443/a/b?x=1", count: 1 },
      { "Web.src": "10.0.0.2", "Web.dest": "unknown", "Web.http_method": "unknown", "Web.http_user_agent": "unknown", "Web.url": "unknown", count: 1 },
      { "Web.src": "10.0.0.3", "Web.dest": "unknown", "Web.http_method": "unknown", "Web.http_user_agent": "unknown", "Web.url": "s3.amazonaws.com/bucket/key", count: 1 },
    ]);
  });

  it("url_domain, url_length and http_user_agent_length run on the filled values (unknown → 7)", () => {
    const q = "| tstats count from datamodel=Web.Web by Web.src Web.url_domain Web.url_length Web.http_user_agent_length Web.http_referrer_domain";
    expect(rows(q.replace("tstats", "tstats fillnull_value=null"), store)).toEqual([
      { "Web.src": "10.0.0.1", "Web.url_domain": "Example.com", "Web.url_length": "40", "Web.http_user_agent_length": "8", "Web.http_referrer_domain": "null", count: 1 },
      { "Web.src": "10.0.0.2", "Web.url_domain": "unknown", "Web.url_length": "7", "Web.http_user_agent_length": "7", "Web.http_referrer_domain": "ref.example", count: 1 },
      { "Web.src": "10.0.0.3", "Web.url_domain": "s3.amazonaws.com", "Web.url_length": "27", "Web.http_user_agent_length": "7", "Web.http_referrer_domain": "null", count: 1 },
    ]);
  });

  it("bytes is bytes_in + bytes_out", () => {
    expect(rows("| tstats sum(Web.bytes) as b from datamodel=Web", store)).toEqual([{ b: 30 }]);
  });

  it("Proxy and Storage children; Storage's own fields are Web.Storage.<field>", () => {
    expect(rows("| tstats count from datamodel=Web.Proxy by Web.src", store)).toEqual([{ "Web.src": "10.0.0.1", count: 1 }]);
    expect(rows("| tstats count from datamodel=Web by Web.Storage.storage_name Web.Storage.operation", store)).toEqual([
      { "Web.Storage.storage_name": "bucket", "Web.Storage.operation": "GetObject", count: 1 },
    ]);
  });
});
