/**
 * Splunk Add-on for CrowdStrike FDR emulation (cim-mapping.md §4.3): common fields, process
 * telemetry here, DNS/port/file/registry events in ta-crowdstrike-fdr-objects.ts, eventtypes in
 * ta-crowdstrike-fdr-events.ts. The evidence is a third party's extraction of TA 3.2.0 with
 * truncated expressions, so several fields are project decisions (src/adapters/README.md):
 * process_name/process_exec come from ImageFileName, dest/user fall back to what the raw event
 * carries.
 */
import { basename, get, real, set, type Fields } from "./fields.js";
import { classify } from "./eventtypes.js";
import { FDR_EVENTTYPES, FDR_FAMILIES } from "./ta-crowdstrike-fdr-events.js";
import { fdrObjectFields } from "./ta-crowdstrike-fdr-objects.js";

export { FDR_EVENTTYPES } from "./ta-crowdstrike-fdr-events.js";

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

const ROLLUPS = new Set(["ProcessRollup2", "SyntheticProcessRollup2"]);

/** Adds CIM fields and eventtypes/tags to an FDR event. */
export function crowdstrikeTa(f: Fields): void {
  const name = get(f, "event_simpleName") ?? "";
  set(f, "vendor_product", "CrowdStrike FDR");
  set(f, "dest", real(f, "ComputerName") ?? real(f, "aid_computer_name"));
  set(f, "user", real(f, "UserName") ?? real(f, "UserSid"));
  set(f, "user_id", real(f, "UserSid"));
  set(f, "os", PLATFORMS[get(f, "event_platform") ?? ""]);
  const family = FDR_FAMILIES.get(name);
  if (family === "process") processFields(f, ROLLUPS.has(name));
  else if (family !== undefined) fdrObjectFields(f, family, name);
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
