/**
 * The Enterprise Security Identity_Management model (the assets and identities framework; not part
 * of Splunk_SA_CIM). No definition was available: UNVERIFIED throughout. In ES its datasets are
 * search-based over the asset/identity lookups (`| inputlookup … identity_lookup_expanded`),
 * which an event store cannot express; minispl instead takes the lookup rows loaded as events
 * whose `source` is the lookup's name: `identity_lookup_expanded` for All_Identities,
 * `asset_lookup_by_str` for All_Assets. ESCU reads it once (deprecated "Identify New User
 * Accounts": `| from datamodel Identity_Management.All_Identities`, fields identity, startDate,
 * endDate). Field lists follow the ES identity/asset lookup columns; all pass through.
 */
import type { DatamodelDef, DatasetDef } from "./types.js";
import { passed } from "./cim-calc.js";
import { valueIs } from "./cim-fields.js";

const IDENTITY_FIELDS = [
  "identity", "prefix", "nick", "first", "last", "suffix", "email", "phone", "phone2", "managedBy",
  "priority", "bunit", "category", "watchlist", "startDate", "endDate", "work_city", "work_country",
  "work_lat", "work_long",
];
const ASSET_FIELDS = [
  "ip", "mac", "nt_host", "dns", "owner", "priority", "lat", "long", "city", "country", "bunit",
  "category", "pci_domain", "is_expected", "should_timesync", "should_update", "requires_av",
];

function fromLookup(name: string, lookup: string, fields: readonly string[]): DatasetDef {
  return {
    model: "Identity_Management",
    name,
    tags: [],
    constraint: (ev) => valueIs(ev, "source", lookup),
    fields: fields.map((n) => (n === "category" ? passed(n, "string", true) : passed(n))),
  };
}

export const identityManagement: DatamodelDef = {
  name: "Identity_Management",
  datasets: [
    fromLookup("All_Identities", "identity_lookup_expanded", IDENTITY_FIELDS),
    fromLookup("All_Assets", "asset_lookup_by_str", ASSET_FIELDS),
  ],
};
