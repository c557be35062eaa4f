/**
 * CIM Web (datasets, constraints and calculations from Splunk_SA_CIM Web.json,
 * aplura/splunk-sa-cim @ 42a3807bb4e1e24f29f1fcdab778339d986dd6c1, a CIM 6.x/8.x copy with the
 * Storage child; tags also in https://help.splunk.com/…/common-information-model/…/data-models/web).
 *
 * Root Web = `tag=web`; children Proxy (`tag=proxy`) and Storage (`tag=storage`, which defines
 * storage_name, operation, error_code: declared on the root as `Storage.<field>`, see childField).
 * Web's fills also treat `-` (what web servers log for "none") as missing, except action and
 * user. The calculations run in the model's order, so url_domain and url_length see the filled
 * url (`unknown` → url_domain `unknown`, url_length 7), http_user_agent_length the filled agent.
 * A Rex calculation that does not match leaves the event's own value (Splunk's rex semantics).
 */
import type { DatamodelDef, DmField, EventAccessor } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { childField, dashFill, dashFilled, enrichment, hasTag, lengthOf, triangle } from "./cim-fields.js";

/** `^((?:http|https|ftp):\/\/)*(?:[a-zA-Z0-9\.\-]+(?::[a-zA-Z0-9]+)?@)?(?<url_domain>[^\/:]+)(?::[0-9]+)?`. */
const URL_DOMAIN = /^((?:http|https|ftp):\/\/)*(?:[a-zA-Z0-9.-]+(?::[a-zA-Z0-9]+)?@)?([^/:]+)(?::[0-9]+)?/;
/** The same with a mandatory scheme (http_referrer_domain). */
const REFERRER_DOMAIN = /^(?:http|https|ftp):\/\/(?:[a-zA-Z0-9.-]+(?::[a-zA-Z0-9]+)?@)?([^/:]+)(?::[0-9]+)?/;

function rexDomain(name: string, re: RegExp, group: number, input: (ev: EventAccessor) => string): DmField {
  return { name, type: "string", calc: (ev) => re.exec(input(ev))?.[group] ?? ev.get(name) };
}

const url = (ev: EventAccessor) => dashFill(ev, "url");
const referrer = (ev: EventAccessor) => dashFill(ev, "http_referrer");
const agent = (ev: EventAccessor) => dashFill(ev, "http_user_agent");

const EXTRACTED: readonly DmField[] = [
  passed("app"),
  // A boolean in the model (true/false/1/0); minispl keeps the text.
  passed("cached"),
  passed("category"),
  passed("cookie"),
  passed("dest_ip"),
  passed("dest_port", "number"),
  passed("duration", "number"),
  passed("response_time", "number"),
  passed("site"),
  passed("src_ip"),
  passed("tag", "string", true),
  passed("uri_path"),
  passed("uri_query"),
  passed("cim_entity_zone"),
];

const isStorage = (ev: EventAccessor) => hasTag(ev, "storage");

export const web: DatamodelDef = {
  name: "Web",
  datasets: [
    {
      model: "Web",
      name: "Web",
      tags: ["web"],
      fields: [
        ...EXTRACTED,
        ...enrichment("dest", "src", "user"),
        filled("action"),
        ...triangle("bytes", "bytes_in", "bytes_out"),
        dashFilled("dest"),
        dashFilled("http_content_type"),
        dashFilled("http_method"),
        dashFilled("http_referrer"),
        rexDomain("http_referrer_domain", REFERRER_DOMAIN, 1, referrer),
        dashFilled("http_user_agent"),
        lengthOf("http_user_agent_length", agent),
        dashFilled("src"),
        dashFilled("status"),
        dashFilled("url"),
        rexDomain("url_domain", URL_DOMAIN, 2, url),
        lengthOf("url_length", url),
        filled("user"),
        { name: "vendor_product", type: "string", calc: vendorProduct },
        ...["storage_name", "operation", "error_code"].map((n) => childField("Storage", passed(n), isStorage)),
      ],
    },
    { model: "Web", name: "Proxy", parent: "Web", tags: ["proxy"], fields: [] },
    { model: "Web", name: "Storage", parent: "Web", tags: ["storage"], fields: [] },
  ],
};
