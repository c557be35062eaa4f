/**
 * Splunk Add-on for CrowdStrike FDR emulation for process telemetry (cim-mapping.md §4.3). The
 * evidence is a third party's extraction of TA 3.2.0 with truncated expressions, so several
 * fields are project decisions (src/adapters/README.md): process_name/process_exec come from
 * ImageFileName, dest/user fall back to what the raw event carries.
 */
import { basename, get, real, set, type Fields } from "./fields.js";
import { classify, eqi, type EventtypeDef } from "./eventtypes.js";

/** FDR IntegrityLevel decode table (the TA's `crowdstrike_ta_lookup_IntegrityLevel`), lower-cased. */
const INTEGRITY: Readonly<Record<string, string>> = {
  "0": "untrusted",
  "4096": "low",
  "8192": "medium",
  "8448": "medium_plus",
  "12288": "high",
  "16384": "system",
  "20480": "protected",
};
const PLATFORMS: Readonly<Record<string, string>> = { Win: "Windows", Mac: "macOS", Lin: "Linux" };

/** event_simpleName values the TA tags `process report` (Endpoint.Processes, §4.3). */
const PROCESS_EVENTS = [
  "ProcessRollup2",
  "SyntheticProcessRollup2",
  "EndOfProcess",
  "ProcessRollup2Stats",
  "ProcessBlocked",
  "CommandHistory",
  "DriverLoad",
  "ImageHash",
  "InjectedThread",
  "KernelModeLoadImage",
  "PrivilegedProcessHandleFromUnsignedModule",
  "ScreenshotTakenEtw",
  "WmiCreateProcess",
];
const ROLLUPS = new Set(["ProcessRollup2", "SyntheticProcessRollup2"]);

function fdrType(name: string, simpleNames: readonly string[], tags: readonly string[]): EventtypeDef {
  const names = new Set(simpleNames);
  return {
    name,
    tags,
    matches: (f) => eqi(f.sourcetype, "crowdstrike:events:sensor") && names.has(get(f, "event_simpleName") ?? ""),
  };
}

/**
 * Only crowdstrike_process_rollup2 is a verified eventtype name; the others are named by
 * minispl (UNVERIFIED) but carry the tags the spec gives.
 */
export const FDR_EVENTTYPES: readonly EventtypeDef[] = [
  fdrType("crowdstrike_process_rollup2", ["ProcessRollup2"], ["process", "report"]),
  ...PROCESS_EVENTS.slice(1).map((n) => fdrType(`crowdstrike_${snake(n)}`, [n], ["process", "report"])),
  fdrType("crowdstrike_network_connect", ["NetworkConnectIP4", "NetworkConnectIP6"], ["listening", "port"]),
];

/** Adds CIM fields and eventtypes/tags to an FDR event. */
export function crowdstrikeTa(f: Fields): void {
  const name = get(f, "event_simpleName") ?? "";
  set(f, "vendor_product", "CrowdStrike FDR");
  set(f, "dest", real(f, "ComputerName") ?? real(f, "aid_computer_name"));
  set(f, "user", real(f, "UserName") ?? real(f, "UserSid"));
  set(f, "user_id", real(f, "UserSid"));
  set(f, "os", PLATFORMS[get(f, "event_platform") ?? ""]);
  if (PROCESS_EVENTS.includes(name)) processFields(f, ROLLUPS.has(name));
  classify(f, FDR_EVENTTYPES);
}

function processFields(f: Fields, rollup: boolean): void {
  set(f, "process_id", get(f, "TargetProcessId"));
  set(f, "parent_process_id", get(f, "ParentProcessId"));
  const image = get(f, "ImageFileName");
  if (image !== undefined) {
    const exe = basename(image);
    set(f, "process_name", exe);
    set(f, "process_exec", exe);
  }
  set(f, "process_hash", get(f, "SHA256HashData"));
  const parent = get(f, "ParentBaseFileName");
  set(f, "parent_process_name", parent);
  set(f, "parent_process_exec", parent);
  const integrity = get(f, "IntegrityLevel");
  set(f, "process_integrity_level", integrity === undefined ? undefined : INTEGRITY[integrity]);
  if (!rollup) return;
  set(f, "action", "allowed");
  const cmd = get(f, "CommandLine");
  if (cmd !== undefined) set(f, "process", trimSpaces(cmd).replaceAll('"', ""));
  set(f, "process_path", processPath(f, cmd));
}

/** Win: the quoted first token's content, else the first space-separated token; else ImageFileName. */
function processPath(f: Fields, cmd: string | undefined): string | undefined {
  if (get(f, "event_platform") !== "Win") return get(f, "ImageFileName");
  if (cmd === undefined) return undefined;
  const c = trimSpaces(cmd);
  if (c.startsWith('"')) {
    const close = c.indexOf('"', 1);
    return close < 0 ? c.slice(1) : c.slice(1, close);
  }
  const space = c.indexOf(" ");
  return space < 0 ? c : c.slice(0, space);
}

/** SPL `trim(x," ")`: spaces only, both ends. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}
