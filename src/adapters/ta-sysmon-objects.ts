/**
 * Sysmon TA fields for file (the filemod codes 2, 11, 23, 26–29) and registry (12–14) events, the
 * parts of cim-mapping.md §2.4 that feed Endpoint.Filesystem and Endpoint.Registry. The EID 11
 * expressions are applied to every filemod code (the spec gives them for 11 only).
 * Registry follows SYS500 (the newer TA) where it differs from SYS402.
 */
import { basename, get, set, type Fields } from "./fields.js";

/** `replace(TargetFilename,"(:[\w\. ]+)","")`: drops an alternate-data-stream suffix. */
const ADS_SUFFIX = /(:[\w. ]+)/g;

export function sysmonFileFields(f: Fields, code: string): void {
  const target = get(f, "TargetFilename");
  if (target !== undefined) {
    const path = target.replace(ADS_SUFFIX, "");
    set(f, "file_path", path);
    set(f, "file_name", basename(path));
  }
  set(f, "file_create_time", get(f, "CreationUtcTime"));
  set(f, "object_category", "file");
  if (code === "11") {
    const created = get(f, "UtcTime") === get(f, "CreationUtcTime");
    set(f, "action", created ? "created" : "modified");
  } else if (code === "23" || code === "26") {
    set(f, "action", "deleted");
    set(f, "file_hash", get(f, "Hashes"));
  }
}

/**
 * Hive names as the TA's case() writes them. Only these three prefixes are in the spec; the
 * output backslash count is UNVERIFIED (cim-mapping.md §7 item 7), minispl writes one.
 */
const HIVES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^HKLM\\System\\/i, "HKEY_LOCAL_MACHINE\\System"],
  [/^HKU\\/i, "HKEY_CURRENT_USER"],
  [/^HKLM\\SOFTWARE\\/i, "HKEY_LOCAL_MACHINE\\Software"],
];

export function sysmonRegistryFields(f: Fields, code: string): void {
  const path = get(f, "TargetObject");
  const eventType = get(f, "EventType");
  set(f, "registry_path", path);
  set(f, "object_path", path);
  set(f, "object_category", "registry");
  if (code === "12") {
    if (eventType === "CreateKey") set(f, "action", "created");
    else if (eventType === "DeleteKey" || eventType === "DeleteValue") set(f, "action", "deleted");
  } else set(f, "action", "modified");
  const success = code !== "14" || get(f, "Keywords") === "0x8000000000000000";
  if (success) set(f, "status", "success");
  set(f, "registry_value_data", get(f, "RegistryValueData") ?? get(f, "Details"));
  const type = get(f, "RegistryValueType");
  set(f, "registry_value_type", type === undefined ? undefined : `REG_${type}`);
  if (path === undefined) return;
  const segments = path.split("\\");
  const last = segments[segments.length - 1];
  const isValue = code === "13" || (code === "14" && eventType === "RenameValue");
  if (isValue) {
    set(f, "registry_value_name", last);
    set(f, "registry_key_name", segments[segments.length - 2]);
  } else set(f, "registry_key_name", last);
  const hive = HIVES.find(([re]) => re.test(path));
  set(f, "registry_hive", hive?.[1]);
}
