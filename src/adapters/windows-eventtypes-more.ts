/**
 * Eventtypes for the Security codes mapped in ta-windows-kerberos.ts / ta-windows-objects.ts and
 * for WMI-Activity. cim-mapping.md §3.3's table has no rows for them: names, searches and tags
 * are minispl choices (UNVERIFIED), chosen so the events reach the datasets §1.6 (Authentication)
 * and §1.7 (Change) describe. 5140/5145 get no eventtype (no CIM dataset fits share access).
 * WMI-Activity 5857/5858/5861 get `wineventlog_wmi` with the channel eventtypes' `os windows`
 * tags (the TA's own WMI eventtype name is UNVERIFIED; no dataset selects these tags).
 */
import { get, type Fields } from "./fields.js";
import type { EventtypeDef } from "./eventtypes.js";

const SECURITY = new Set(["XmlWinEventLog:Security", "WinEventLog:Security"]);
const WMI = new Set(["xmlwineventlog:microsoft-windows-wmi-activity/operational", "wineventlog:microsoft-windows-wmi-activity/operational"]);

function codes(list: string, sources: (source: string) => boolean): (f: Fields) => boolean {
  const want = new Set(list.split(","));
  return (f) => sources(get(f, "source") ?? "") && want.has(get(f, "EventCode") ?? "");
}
const security = (s: string): boolean => SECURITY.has(s);
const wmi = (s: string): boolean => WMI.has(s.toLowerCase());

export const MORE_WINDOWS_EVENTTYPES: readonly EventtypeDef[] = [
  { name: "windows_kerberos_authentication", tags: ["authentication"], matches: codes("4768,4769,4771", security) },
  { name: "windows_ntlm_authentication", tags: ["authentication"], matches: codes("4776", security) },
  { name: "windows_directory_object_modified", tags: ["change"], matches: codes("5136", security) },
  { name: "wineventlog_wmi", tags: ["os", "windows"], matches: codes("5857,5858,5861", wmi) },
];
