/**
 * The All_Changes root shared by CIM Change and the deprecated Change_Analysis (cim-mapping.md
 * §1.7; fields and calculations from Splunk_SA_CIM Change.json, aplura/splunk-sa-cim @
 * 254c447b460696015f8c1752173b22ed02d54ac2, the CIM 8.5 copy).
 *
 * All_Changes = `tag=change`. CIM 5.0.1 also had `NOT (object_category=file OR
 * object_category=directory OR object_category=registry)`; 8.5 removed it (CIMCHG; whether ESCU's
 * pinned 5.3.2 still has it is UNVERIFIED) and minispl follows 8.5, like the Endpoint model.
 * The children are in change.ts. Fields defined on Network_Changes, Account_Management and
 * Instance_Changes are declared on the root under their lineage name (`Instance_Changes.image_id`,
 * as ESCU writes `All_Changes.Instance_Changes.image_id`) and are null outside the child (see
 * childField in cim-fields.ts).
 */
import type { DatasetDef, DmField, EventAccessor } from "./types.js";
import { filled, passed, vendorProduct } from "./cim-calc.js";
import { childField, enrichment, filledMulti, firstSet, hasTag } from "./cim-fields.js";

/** `if(isnull(command) OR command="","unknown",if(sourcetype=="audittrail",Operation." ".ObjectName,command))`. */
function command(ev: EventAccessor): string | null {
  const c = ev.get("command");
  if (c === null || c === "") return "unknown";
  if (ev.get("sourcetype") !== "audittrail") return c;
  const op = ev.get("Operation");
  const obj = ev.get("ObjectName");
  return op === null || obj === null ? null : `${op} ${obj}`;
}

/** `result`: result, else signature, else `unknown` (child Account_Lockouts tests it). */
export const changeResult = (ev: EventAccessor): string => firstSet(ev, ["result", "signature"], "unknown");

const isNetwork = (ev: EventAccessor) => hasTag(ev, "network");
const isAccount = (ev: EventAccessor) => hasTag(ev, "account");
const isInstance = (ev: EventAccessor) => hasTag(ev, "instance");

const NETWORK_FIELDS = ["dest_ip_range", "dest_port_range", "direction", "protocol", "rule_action", "src_ip_range", "src_port_range"];

const ACCOUNT_FIELDS: readonly DmField[] = [
  ...enrichment("src_user"),
  passed("src_user_type"),
  filled("dest_nt_domain"),
  filled("src_nt_domain"),
  filled("src_user"),
  filled("src_user_name"),
];

/** Fields defined on the children, declared on the root (see the header). */
const CHILD_FIELDS: readonly DmField[] = [
  ...NETWORK_FIELDS.map((n) => childField("Network_Changes", passed(n, "string", true), isNetwork)),
  ...ACCOUNT_FIELDS.map((f) => childField("Account_Management", f, isAccount)),
];
const INSTANCE_FIELDS: readonly DmField[] = ["image_id", "instance_type"].map((n) => childField("Instance_Changes", filled(n), isInstance));

const ROOT_FIELDS: readonly DmField[] = [
  passed("tag", "string", true),
  passed("user_agent"),
  passed("user_type"),
  passed("vendor_account"),
  passed("vendor_region"),
  passed("cim_entity_zone"),
  ...enrichment("dest", "src", "user"),
  filled("change_type"),
  { name: "command", type: "string", calc: command },
  filled("dest"),
  filled("dvc"),
  filled("object"),
  filledMulti("object_attrs"),
  filled("object_category"),
  filled("object_id"),
  filled("object_path"),
  filled("status"),
  { name: "result", type: "string", calc: changeResult },
  { name: "result_id", type: "string", calc: (ev) => firstSet(ev, ["result_id", "signature_id"], "-1") },
  filled("src"),
  filled("user"),
  filled("user_name"),
  { name: "vendor_product", type: "string", calc: vendorProduct },
  filled("action"),
];

/** The All_Changes root of `model` (Change, or Change_Analysis which has no Instance_Changes). */
export function allChanges(model: string, withInstanceChanges: boolean): DatasetDef {
  const fields = [...ROOT_FIELDS, ...CHILD_FIELDS, ...(withInstanceChanges ? INSTANCE_FIELDS : [])];
  return { model, name: "All_Changes", tags: ["change"], fields };
}
