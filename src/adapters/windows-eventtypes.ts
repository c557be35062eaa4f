/**
 * Splunk_TA_windows eventtypes that minispl reproduces (cim-mapping.md §3.3). The first two apply
 * to every XmlWinEventLog event, Sysmon included (the GSEC sample shows them on a Sysmon event);
 * the rest need the exact Security `source`. windows_account_management is left out because it
 * depends on the TA's CategoryString lookup.
 */
import { get, type Fields } from "./fields.js";
import { eqi, type EventtypeDef } from "./eventtypes.js";
import { isSystemSource, SERVICE_CODES } from "./ta-windows-channels.js";
import { MORE_WINDOWS_EVENTTYPES } from "./windows-eventtypes-more.js";

export const SECURITY_SOURCES = new Set(["XmlWinEventLog:Security", "WinEventLog:Security"]);

const WINDOWS_SOURCETYPES = new Set(["xmlwineventlog", "wineventlog"]);

function isWindowsSourcetype(f: Fields): boolean {
  return WINDOWS_SOURCETYPES.has((get(f, "sourcetype") ?? "").toLowerCase());
}

function security(codes: readonly string[], extra?: (f: Fields) => boolean): (f: Fields) => boolean {
  const set = new Set(codes);
  return (f) =>
    SECURITY_SOURCES.has(get(f, "source") ?? "") && set.has(get(f, "EventCode") ?? "") && (extra?.(f) ?? true);
}

/** True for `WinEventLog:<channel>` / `XmlWinEventLog:<channel>` sources (case-insensitive). */
function channelSource(channel: string): (f: Parameters<typeof isWindowsSourcetype>[0]) => boolean {
  const want = new Set([`wineventlog:${channel}`, `xmlwineventlog:${channel}`].map((s) => s.toLowerCase()));
  return (f) => want.has((get(f, "source") ?? "").toLowerCase());
}

export const WINDOWS_EVENTTYPES: readonly EventtypeDef[] = [
  { name: "endpoint_services_processes", tags: [], matches: isWindowsSourcetype },
  { name: "windows_event_signature", tags: ["track_event_signatures"], matches: isWindowsSourcetype },
  { name: "wineventlog_security", tags: ["os", "windows"], matches: (f) => SECURITY_SOURCES.has(get(f, "source") ?? "") },
  // TA_windows eventtypes by channel (ESCU's `wineventlog_system` macro is `eventtype=wineventlog_system`).
  { name: "wineventlog_system", tags: ["os", "windows"], matches: channelSource("System") },
  { name: "wineventlog_application", tags: ["os", "windows"], matches: channelSource("Application") },
  {
    name: "windows_endpoint_processes",
    tags: ["process", "report"],
    matches: security(["4688", "4689", "4696", "4673", "4674"]),
  },
  { name: "windows_process_new", tags: ["process", "execute", "start"], matches: security(["4688", "592"]) },
  { name: "windows_logon_success", tags: ["authentication"], matches: security(["4624", "528", "540"]) },
  {
    name: "windows_logon_failure",
    tags: ["authentication"],
    // The TA excludes 4625s whose errorcode lookup says `error` (cim-mapping.md §3.3).
    matches: security(["4625"], (f) => !eqi(f.action, "error")),
  },
  { name: "windows_account_created", tags: ["add", "account", "change"], matches: security(["4720", "4741"]) },
  // Service Control Manager 7045/7036/7040 → Endpoint.Services (name and scope UNVERIFIED: the
  // spec's §3.3 table has no service eventtype; endpoint-services.ts expects these codes there).
  {
    name: "windows_system_services",
    tags: ["service", "report"],
    matches: (f) => isSystemSource(get(f, "source") ?? "") && SERVICE_CODES.has(get(f, "EventCode") ?? ""),
  },
  // Kerberos/NTLM, 5136 and WMI-Activity (UNVERIFIED names, windows-eventtypes-more.ts).
  ...MORE_WINDOWS_EVENTTYPES,
];
