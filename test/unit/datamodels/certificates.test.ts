// Certificates: SSL child fields addressed as All_Certificates.SSL.<field> from the root dataset, as ESCU does.
import { describe, expect, it } from "vitest";
import { rows, storeOf, warnings } from "./tstats-support.js";

const store = storeOf([
  { tag: ["certificate", "ssl"], dest: "10.0.0.8", src: "10.0.0.1", ssl_issuer: "CN=xn--80ak6aa92e.com", ssl_issuer_email: "ca@xn--80ak6aa92e.com", ssl_start_time: "1699000000", ssl_end_time: "1701592000", ssl_is_valid: "True" },
  { tag: ["certificate", "tls"], dest: "10.0.0.9", ssl_subject_email: "admin@example.com" },
  { tag: ["certificate"], dest: "10.0.0.10" },
]);

describe("Certificates", () => {
  it("SSL is tag ssl OR tls; its fields are null outside it and filled inside it", () => {
    const q = "| tstats fillnull_value=null count from datamodel=Certificates.All_Certificates by All_Certificates.dest All_Certificates.SSL.ssl_issuer All_Certificates.SSL.ssl_issuer_email_domain All_Certificates.SSL.ssl_subject_email_domain";
    expect(rows(q, store)).toEqual([
      { "All_Certificates.dest": "10.0.0.10", "All_Certificates.SSL.ssl_issuer": "null", "All_Certificates.SSL.ssl_issuer_email_domain": "null", "All_Certificates.SSL.ssl_subject_email_domain": "null", count: 1 },
      { "All_Certificates.dest": "10.0.0.8", "All_Certificates.SSL.ssl_issuer": "CN=xn--80ak6aa92e.com", "All_Certificates.SSL.ssl_issuer_email_domain": "xn--80ak6aa92e.com", "All_Certificates.SSL.ssl_subject_email_domain": "null", count: 1 },
      { "All_Certificates.dest": "10.0.0.9", "All_Certificates.SSL.ssl_issuer": "unknown", "All_Certificates.SSL.ssl_issuer_email_domain": "null", "All_Certificates.SSL.ssl_subject_email_domain": "example.com", count: 1 },
    ]);
    expect(rows("| tstats count from datamodel=Certificates.SSL", store)).toEqual([{ count: 2 }]);
  });

  it("ssl_validity_window and the explicit ssl_is_valid", () => {
    expect(rows("| tstats count from datamodel=Certificates.SSL where All_Certificates.SSL.ssl_is_valid=1 by All_Certificates.SSL.ssl_validity_window", store)).toEqual([
      { "All_Certificates.SSL.ssl_validity_window": "2592000", count: 1 },
    ]);
  });

  it("`All_Certificates.SSL.dest` (written in ESCU) is not a field: tstats warns", () => {
    expect(warnings("| tstats count from datamodel=Certificates.All_Certificates by All_Certificates.SSL.dest", store)).toHaveLength(1);
  });
});
