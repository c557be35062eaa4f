/**
 * CIM Certificates. Tags from https://help.splunk.com/splunk-enterprise-security-7/common-information-model/5.1/data-models/certificates
 * (All_Certificates `certificate`; SSL `ssl OR tls`); fields and calculations from the CIM 8.5
 * digest tenzir/skills skills/tenzir-cim/data/models/certificates.yaml @
 * 2c9ae35d3ce23b6c6dd3ec5d26cb2f8ee88d7e50 (Splunk_SA_CIM's Certificates.json was not available).
 *
 * Every ssl_* field is defined on the SSL child, so tstats addresses it as
 * `All_Certificates.SSL.ssl_issuer` (ESCU's "SSL Certificates with Punycode" and the "Get
 * Certificate logs" investigation, both on the root dataset); it is declared on the root as
 * `SSL.<field>` and is null outside SSL (see childField). ESCU also writes
 * `All_Certificates.SSL.dest/src/sourcetype`, which are not fields (dest/src belong to the root,
 * sourcetype is unprefixed): null, as in Splunk.
 * ssl_is_valid: explicit true/false values first, else whether `_time` lies inside the numeric
 * validity window (the window branch's exact expression is UNVERIFIED).
 */
import type { DatamodelDef, DmField, EventAccessor } from "./types.js";
import { filled, passed } from "./cim-calc.js";
import { childField, domainOf, enrichment, filledMulti, hasTag, isNum } from "./cim-fields.js";
import { formatNumber, parseNumber } from "../values/value.js";

const SSL_EXTRACTED = [
  "ssl_engine", "ssl_issuer_email", "ssl_issuer_locality", "ssl_issuer_organization", "ssl_issuer_state",
  "ssl_issuer_street", "ssl_issuer_unit", "ssl_name", "ssl_policies", "ssl_publickey", "ssl_publickey_algorithm",
  "ssl_serial", "ssl_session_id", "ssl_signature_algorithm", "ssl_subject_email", "ssl_subject_locality",
  "ssl_subject_organization", "ssl_subject_state", "ssl_subject_street", "ssl_subject_unit", "ssl_version",
];

/** `if(isnum(end) AND isnum(start),end-start,null())`. */
function validityWindow(ev: EventAccessor): string | null {
  const end = ev.get("ssl_end_time");
  const start = ev.get("ssl_start_time");
  return isNum(end) && isNum(start) ? formatNumber(parseNumber(end) - parseNumber(start)) : null;
}

/** The explicit branches of `case(match(v,"^(1|[Tt]|[Tt][Rr][Uu][Ee])$"),1,match(v,"^(0|[Ff]|[Ff][Aa][Ll][Ss][Ee])$"),0,…)`. */
function isValid(ev: EventAccessor): string | null {
  const v = ev.get("ssl_is_valid") ?? "";
  if (/^(1|[Tt]|[Tt][Rr][Uu][Ee])$/.test(v)) return "1";
  if (/^(0|[Ff]|[Ff][Aa][Ll][Ss][Ee])$/.test(v)) return "0";
  const start = ev.get("ssl_start_time");
  const end = ev.get("ssl_end_time");
  if (!isNum(start) || !isNum(end)) return null;
  const t = ev.time();
  return t >= parseNumber(start) && t <= parseNumber(end) ? "1" : "0";
}

const SSL_FIELDS: readonly DmField[] = [
  ...SSL_EXTRACTED.map((n) => passed(n)),
  passed("ssl_end_time", "time"),
  passed("ssl_start_time", "time"),
  filledMulti("ssl_hash"),
  { name: "ssl_validity_window", type: "number", calc: validityWindow },
  { name: "ssl_is_valid", type: "string", calc: isValid },
  filled("ssl_issuer"),
  filled("ssl_issuer_common_name"),
  domainOf("ssl_issuer_email_domain", (ev) => ev.get("ssl_issuer_email")),
  filled("ssl_subject"),
  filled("ssl_subject_common_name"),
  domainOf("ssl_subject_email_domain", (ev) => ev.get("ssl_subject_email")),
];

const isSsl = (ev: EventAccessor) => hasTag(ev, "ssl", "tls");

export const certificates: DatamodelDef = {
  name: "Certificates",
  datasets: [
    {
      model: "Certificates",
      name: "All_Certificates",
      tags: ["certificate"],
      fields: [
        passed("dest"),
        passed("dest_port", "number"),
        passed("duration", "number"),
        passed("response_time", "number"),
        passed("src"),
        passed("src_port", "number"),
        passed("tag", "string", true),
        passed("transport"),
        passed("cim_entity_zone"),
        ...enrichment("dest", "src"),
        ...SSL_FIELDS.map((f) => childField("SSL", f, isSsl)),
      ],
    },
    { model: "Certificates", name: "SSL", parent: "All_Certificates", tags: [], constraint: isSsl, fields: [] },
  ],
};
