/**
 * CIM Change and the deprecated Change_Analysis (cim-mapping.md §1.7). Datasets and constraints
 * from Splunk_SA_CIM Change.json (aplura/splunk-sa-cim @ 254c447b460696015f8c1752173b22ed02d54ac2,
 * CIM 8.5); Change_Analysis's children (Account_Management, Auditing_Changes, Endpoint_Changes,
 * Network_Changes) from the CIM 8.5 digest tenzir/skills skills/tenzir-cim/data/models/
 * change_analysis.yaml @ 126e3125f7043b6cd87effd9e4c65f3a65ec02d6. The root is change-root.ts.
 *
 * Change_Analysis reuses Change's root field list and child constraints; the deprecated model's
 * own field list and its grandchildren are UNVERIFIED (ESCU only reads All_Changes.result,
 * result_id, src_priority and dest from it, all present).
 * Child constraints run after the root's calculations: `NOT change_type=restart` is true for the
 * `unknown` fill, and Account_Lockouts' `result="lockout"` reads the calculated result
 * (result, else signature).
 */
import type { DatamodelDef, DatasetDef, EventAccessor } from "./types.js";
import { valueIs } from "./cim-fields.js";
import { allChanges, changeResult } from "./change-root.js";

type Constraint = (ev: EventAccessor) => boolean;

function child(model: string, name: string, parent: string, tags: readonly string[], constraint?: Constraint): DatasetDef {
  return { model, name, parent, tags, ...(constraint ? { constraint } : {}), fields: [] };
}

const restart: Constraint = (ev) => valueIs(ev, "action", "modified") && valueIs(ev, "change_type", "restart");

/** Auditing/Endpoint/Network/Account children, shared by both models. */
function commonChildren(model: string): DatasetDef[] {
  return [
    child(model, "Auditing_Changes", "All_Changes", ["audit"]),
    child(model, "Endpoint_Changes", "All_Changes", ["endpoint"]),
    child(model, "Network_Changes", "All_Changes", ["network"]),
    child(model, "Account_Management", "All_Changes", ["account"]),
  ];
}

export const change: DatamodelDef = {
  name: "Change",
  datasets: [
    allChanges("Change", true),
    ...commonChildren("Change"),
    child("Change", "Endpoint_Restarts", "Endpoint_Changes", [], restart),
    child("Change", "Other_Endpoint_Changes", "Endpoint_Changes", [], (ev) => !valueIs(ev, "change_type", "restart")),
    child("Change", "Device_Restarts", "Network_Changes", [], restart),
    child("Change", "Accounts_Created", "Account_Management", [], (ev) => valueIs(ev, "action", "created")),
    child("Change", "Accounts_Deleted", "Account_Management", [], (ev) => valueIs(ev, "action", "deleted")),
    child("Change", "Account_Lockouts", "Account_Management", [], (ev) => changeResult(ev).toLowerCase() === "lockout"),
    child("Change", "Accounts_Updated", "Account_Management", [], (ev) => valueIs(ev, "action", "updated", "modified")),
    child("Change", "Instance_Changes", "All_Changes", ["instance"]),
  ],
};

export const changeAnalysis: DatamodelDef = {
  name: "Change_Analysis",
  datasets: [allChanges("Change_Analysis", false), ...commonChildren("Change_Analysis")],
};
