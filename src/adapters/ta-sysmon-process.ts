/**
 * Sysmon TA process fields (cim-mapping.md §2.3, §2.4). EID 1 is mapped in full; the other
 * EventCodes reuse the same Image-based fields, except EID 8/10 where `process_*` describe the
 * **target** and `parent_process_*` the **source** process, as the TA's case() branches do.
 */
import { get, real, set, type Fields } from "./fields.js";
import { sysmonBasename } from "./sysmon-text.js";

/** EventCodes whose Hashes the SYS500 `process_hash` EVAL covers. */
const HASHED = new Set(["1", "6", "7"]);
/** EventCodes where `process` = Image (the TA's second `process` branch). */
const PROCESS_IS_IMAGE = new Set(["5", "27", "28"]);

/** Sets process_* / parent_process_* for one Sysmon event. */
export function sysmonProcessFields(f: Fields, code: string): void {
  if (code === "8" || code === "10") return accessFields(f, code);
  const image = get(f, "Image");
  if (image !== undefined) {
    const name = sysmonBasename(image);
    set(f, "process_name", name);
    set(f, "process_exec", name);
    // EID 3 and 22 have no process_path in the TA; EID 22 has no process_id either (§2.4).
    if (code !== "3" && code !== "22") set(f, "process_path", image);
    if (PROCESS_IS_IMAGE.has(code)) set(f, "process", image);
  }
  if (code !== "22") set(f, "process_id", get(f, "ProcessId"));
  set(f, "process_guid", get(f, "ProcessGuid"));
  if (HASHED.has(code)) set(f, "process_hash", get(f, "Hashes"));
  if (code === "1" || code === "7") set(f, "original_file_name", real(f, "OriginalFileName"));
  if (code === "1") creationFields(f);
  if (code === "7") {
    const loaded = get(f, "ImageLoaded");
    set(f, "loaded_file", loaded === undefined ? undefined : sysmonBasename(loaded));
  }
}

/** EID 1 only: command lines, parent, directory and integrity level. */
function creationFields(f: Fields): void {
  set(f, "process", get(f, "CommandLine"));
  set(f, "process_current_directory", get(f, "CurrentDirectory"));
  // Raw case (`High`); the Endpoint model lower-cases it in its base search (§1.2).
  set(f, "process_integrity_level", get(f, "IntegrityLevel"));
  set(f, "parent_process", get(f, "ParentCommandLine"));
  const parent = get(f, "ParentImage");
  if (parent !== undefined) {
    const name = sysmonBasename(parent);
    set(f, "parent_process_name", name);
    set(f, "parent_process_exec", name);
    set(f, "parent_process_path", parent);
  }
  set(f, "parent_process_id", get(f, "ParentProcessId"));
  set(f, "parent_process_guid", get(f, "ParentProcessGuid"));
}

/** EID 8 (CreateRemoteThread) and 10 (ProcessAccess): target = process, source = parent. */
function accessFields(f: Fields, code: string): void {
  const target = get(f, "TargetImage");
  if (target !== undefined) {
    const name = sysmonBasename(target);
    set(f, "process_name", name);
    set(f, "process_exec", name);
    set(f, "process_path", target);
  }
  set(f, "process_id", get(f, "TargetProcessId"));
  set(f, "process_guid", get(f, "TargetProcessGuid") ?? get(f, "TargetProcessGUID"));
  const source = get(f, "SourceImage");
  if (source !== undefined) {
    const name = sysmonBasename(source);
    set(f, "parent_process_name", name);
    set(f, "parent_process_exec", name);
    set(f, "parent_process_path", source);
  }
  set(f, "parent_process_id", get(f, "SourceProcessId"));
  set(f, "parent_process_guid", get(f, "SourceProcessGuid") ?? get(f, "SourceProcessGUID"));
  if (code === "10") set(f, "granted_access", get(f, "GrantedAccess"));
}
