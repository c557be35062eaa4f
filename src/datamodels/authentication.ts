/**
 * CIM Authentication (cim-mapping.md §1.6; datasets, constraints and calculations from
 * Splunk_SA_CIM Authentication.json, aplura/splunk-sa-cim @ 733c1a28490d0bacea4d92ca18f87b43bbe9cf57,
 * a CIM 6.3+ copy: it has the `result` field ORed into the failed/successful constraints and the
 * process, reason_id, session_id fields that 5.0.1 lacks).
 *
 * Root Authentication = `tag=authentication NOT (action=success user=*$)`: successful logons of
 * machine accounts never enter the model. The root constraint runs on the raw event (before the
 * fills); child constraints run after them, on `action`/`result` as calculated.
 * Children: Failed_/Successful_Authentication, Default_Authentication (tag default) with
 * Failed_/Successful_Default_Authentication, Insecure_Authentication (tag insecure OR cleartext),
 * Privileged_Authentication (tag privileged) with Failed_/Successful_Privileged_Authentication.
 * ESCU selects them with `where nodename=Authentication.Failed_Authentication` and still reads
 * `Authentication.*` fields (no child defines fields of its own).
 */
import type { DatamodelDef, DatasetDef, DmField, EventAccessor } from "./types.js";
import { filled, passed } from "./cim-calc.js";
import { enrichment, filledFrom, hasTag, valueIs } from "./cim-fields.js";

const EXTRACTED: readonly DmField[] = [
  passed("authentication_method", "string", true),
  passed("authentication_service"),
  passed("dest_nt_domain"),
  passed("duration", "number"),
  passed("process"),
  passed("reason"),
  passed("reason_id"),
  passed("response_time", "number"),
  passed("session_id"),
  passed("signature"),
  passed("signature_id"),
  passed("src_nt_domain"),
  passed("src_user_id"),
  passed("src_user_role"),
  passed("src_user_type"),
  passed("tag", "string", true),
  passed("user_agent"),
  passed("user_id"),
  passed("user_role"),
  passed("user_type"),
  passed("vendor_account"),
  passed("cim_entity_zone"),
];

/** `action=success user=*$`: a successful logon of an account whose name ends in `$`. */
function machineAccountSuccess(ev: EventAccessor): boolean {
  return valueIs(ev, "action", "success") && ev.all("user").some((u) => u.endsWith("$"));
}

const root: DatasetDef = {
  model: "Authentication",
  name: "Authentication",
  tags: ["authentication"],
  constraint: (ev) => !machineAccountSuccess(ev),
  fields: [
    ...EXTRACTED,
    ...enrichment("dest", "src", "src_user", "user"),
    filled("action"),
    filledFrom("app", "sourcetype"),
    filled("src"),
    filled("src_user"),
    filled("dest"),
    filled("user"),
    filled("result"),
  ],
};

const failed = (ev: EventAccessor) => valueIs(ev, "action", "failure") || valueIs(ev, "result", "failure");
const succeeded = (ev: EventAccessor) => valueIs(ev, "action", "success") || valueIs(ev, "result", "success");
// The Default_/Privileged_ grandchildren test `action` only (no `result` OR), as in the JSON.
const actionFailed = (ev: EventAccessor) => valueIs(ev, "action", "failure");
const actionSucceeded = (ev: EventAccessor) => valueIs(ev, "action", "success");

function child(name: string, parent: string, constraint: (ev: EventAccessor) => boolean, tags: readonly string[] = []): DatasetDef {
  return { model: "Authentication", name, parent, tags, constraint, fields: [] };
}
const always = () => true;

export const authentication: DatamodelDef = {
  name: "Authentication",
  datasets: [
    root,
    child("Failed_Authentication", "Authentication", failed),
    child("Successful_Authentication", "Authentication", succeeded),
    child("Default_Authentication", "Authentication", always, ["default"]),
    child("Failed_Default_Authentication", "Default_Authentication", actionFailed),
    child("Successful_Default_Authentication", "Default_Authentication", actionSucceeded),
    child("Insecure_Authentication", "Authentication", (ev) => hasTag(ev, "insecure", "cleartext")),
    child("Privileged_Authentication", "Authentication", always, ["privileged"]),
    child("Failed_Privileged_Authentication", "Privileged_Authentication", actionFailed),
    child("Successful_Privileged_Authentication", "Privileged_Authentication", actionSucceeded),
  ],
};
