/**
 * Splunk_TA_windows emulation for non-Security channels (cim-mapping.md §3; the spec covers only
 * the sourcetype level for them, so every mapping here is marked UNVERIFIED unless an ESCU
 * data-source field list confirms it):
 * - System 7045/7036/7040 (Service Control Manager) → Endpoint.Services fields;
 * - WMI-Activity 5857/5861: a `Message` rendered from the UserData fields when the record has no
 *   RenderingInfo (EVTX-derived XML), so ESCU's `rex field=Message "Consumer =…"` works (datasets.md §1);
 * - PowerShell 4104 needs nothing beyond the generic EventData extraction (ScriptBlockText,
 *   ScriptBlockId, Path, MessageNumber/Total; multi-line values stay whole, xml-split.ts).
 */
import { get, real, set, setIfAbsent, type Fields } from "./fields.js";
import type { WinRecord } from "./win-record.js";

const SYSTEM_SOURCES = new Set(["xmlwineventlog:system", "wineventlog:system"]);
const WMI_SOURCES = new Set(["xmlwineventlog:microsoft-windows-wmi-activity/operational", "wineventlog:microsoft-windows-wmi-activity/operational"]);

/** Service Control Manager codes tagged `service report` (eventtype name and scope UNVERIFIED). */
export const SERVICE_CODES = new Set(["7045", "7036", "7040"]);

export function isSystemSource(source: string): boolean {
  return SYSTEM_SOURCES.has(source.toLowerCase());
}

/** Runs the channel add-on matching `source`, if any. */
export function windowsChannelTa(f: Fields, rec: WinRecord, source: string): void {
  const code = get(f, "EventCode") ?? "";
  const lower = source.toLowerCase();
  if (SYSTEM_SOURCES.has(lower)) systemFields(f, code);
  else if (WMI_SOURCES.has(lower)) wmiMessage(f, rec, code);
}

/**
 * `StartType`/param text → CIM start_mode (CIM expects auto/manual/disabled, §1.3). Boot and
 * system start have no CIM value and are passed through as written.
 */
const START_MODES: Readonly<Record<string, string>> = {
  "auto start": "auto",
  "demand start": "manual",
  disabled: "disabled",
};
/** 7036 param2 → CIM status (started/stopped); other states pass through. */
const STATES: Readonly<Record<string, string>> = { running: "started", stopped: "stopped" };

function startMode(v: string | undefined): string | undefined {
  return v === undefined ? undefined : (START_MODES[v.toLowerCase()] ?? v);
}

/**
 * ESCU's data sources list, for 7045: ServiceName, service, service_name, start_mode, dest,
 * Error_Code; 7036: ServiceName, param1/2, service, service_name, status; 7040: ServiceName,
 * param1–4, service, service_name, start_mode, user_id. service_path (= ImagePath) and user
 * (= AccountName) for 7045 are CIM Services fields ESCU does not list: minispl's choice.
 */
function systemFields(f: Fields, code: string): void {
  if (!SERVICE_CODES.has(code)) return;
  set(f, "dest", get(f, "Computer"));
  // Windows "Security" lookups key on (EventCode, Error_Code) with `-` when there is no Status
  // (§3.6); ESCU's 7040 search groups by Error_Code, so it must exist (value UNVERIFIED).
  setIfAbsent(f, "Error_Code", get(f, "Status") ?? "-");
  if (code === "7045") {
    const name = real(f, "ServiceName");
    set(f, "service_name", name);
    set(f, "service", name);
    set(f, "service_path", real(f, "ImagePath"));
    set(f, "start_mode", startMode(real(f, "StartType")));
    set(f, "user", real(f, "AccountName"));
    return;
  }
  const display = real(f, "param1");
  set(f, "service_name", display);
  set(f, "service", display);
  if (code === "7036") {
    const state = real(f, "param2");
    set(f, "status", state === undefined ? undefined : (STATES[state.toLowerCase()] ?? state));
    // The key name is in <Binary> as UTF-16LE `name/state` (e.g. `sppsvc/1`).
    setIfAbsent(f, "ServiceName", binaryServiceName(get(f, "EventData_Xml")));
  } else {
    set(f, "start_mode", startMode(real(f, "param3")));
    setIfAbsent(f, "ServiceName", real(f, "param4"));
  }
}

/** `<Binary>7300700070007300760063002F0031000000</Binary>` → `sppsvc`. */
function binaryServiceName(xml: string | undefined): string | undefined {
  const hex = xml === undefined ? undefined : /<Binary>([0-9A-Fa-f]+)<\/Binary>/.exec(xml)?.[1];
  if (hex === undefined || hex.length % 4 !== 0) return undefined;
  const text = Buffer.from(hex, "hex").toString("utf16le").replace(/\0+$/, "");
  const slash = text.indexOf("/");
  return slash > 0 ? text.slice(0, slash) : undefined;
}

/** One UserData child's text (values kept as written: no entity decoding, §2.1). */
function userDataValue(xml: string, name: string): string {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? "";
}

/**
 * Windows' message templates for the WMI-Activity provider (the wording matches the rendered
 * `Message` of OTRF's NXLog 5861; 5857's template is UNVERIFIED). Only used when the record
 * carries no rendered Message of its own.
 */
function wmiMessage(f: Fields, rec: WinRecord, code: string): void {
  if (get(f, "Message") !== undefined) return;
  const ud = get(rec.extra, "UserData_Xml");
  if (ud === undefined) return;
  const v = (n: string): string => userDataValue(ud, n);
  if (code === "5861" && ud.includes("<Operation_ESStoConsumerBinding")) {
    const msg =
      `Namespace = ${v("Namespace")}; Eventfilter = ${v("ESS")} (refer to its activate eventid:5859); ` +
      `Consumer = ${v("CONSUMER")}; PossibleCause = ${v("PossibleCause")}`;
    set(f, "Message", msg);
  } else if (code === "5857" && ud.includes("<Operation_StartedOperational")) {
    const msg =
      `${v("ProviderName")} provider started with result code ${v("Code")}. HostProcess = ${v("HostProcess")}; ` +
      `ProcessID = ${v("ProcessID")}; ProviderPath = ${v("ProviderPath")}`;
    set(f, "Message", msg);
  }
}
