/**
 * CIM fields of the CrowdStrike FDR add-on for the non-process events it tags (DnsRequest,
 * Network*IP4/6, file and ASEP registry events). Source: FDR32's `fdr_to_cim_fields.csv` (TA 3.2.0
 * EVALs extracted by a third party, expressions cut at 250 characters; the same evidence
 * cim-mapping.md §4.3 uses). Branches read in full are implemented as written; the ones the cut
 * hides are minispl choices marked UNVERIFIED here and in src/adapters/README.md.
 */
import { basename, get, set, type Fields } from "./fields.js";
import type { FdrFamily } from "./ta-crowdstrike-fdr-events.js";

/** `crowdstrike_ta_lookup_Protocol` → `Protocol_lc_meaning`: IANA numbers (table UNVERIFIED). */
const TRANSPORT: Readonly<Record<string, string>> = { "6": "tcp", "17": "udp" };
/** `crowdstrike_ta_lookup_RegType` → `RegType_meaning`: Windows REG_* numbering (UNVERIFIED). */
const REG_TYPES: Readonly<Record<string, string>> = {
  "0": "REG_NONE", "1": "REG_SZ", "2": "REG_EXPAND_SZ", "3": "REG_BINARY", "4": "REG_DWORD",
  "5": "REG_DWORD_BIG_ENDIAN", "6": "REG_LINK", "7": "REG_MULTI_SZ", "11": "REG_QWORD",
};
/** `registry_hive` from the `\REGISTRY\…` object name: SAM and SECURITY verified, the rest UNVERIFIED. */
const HIVES: ReadonlyArray<readonly [string, string]> = [
  ["\\REGISTRY\\MACHINE\\SAM\\", "HKEY_LOCAL_MACHINE\\SAM"],
  ["\\REGISTRY\\MACHINE\\SECURITY\\", "HKEY_LOCAL_MACHINE\\Security"],
  ["\\REGISTRY\\MACHINE\\SOFTWARE\\", "HKEY_LOCAL_MACHINE\\Software"],
  ["\\REGISTRY\\MACHINE\\SYSTEM\\", "HKEY_LOCAL_MACHINE\\System"],
  ["\\REGISTRY\\USER\\.DEFAULT\\", "HKEY_USERS\\.DEFAULT"],
];
const CREATE_TIME = new Set(["RarFileWritten", "ELFFileWritten", "FileCreateInfo", "NewExecutableWritten", "PeFileWritten", "DirectoryCreate", "NewScriptWritten", "DmpFileWritten"]);
const MODIFY_TIME = new Set(["FileCreateInfo", "NewExecutableWritten", "PeFileWritten", "DirectoryCreate", "NewScriptWritten", "ExecutableDeleted", "FileOpenInfo"]);
const ACCESS_TIME = new Set([...CREATE_TIME, ...MODIFY_TIME, "CriticalFileAccessed"].filter((n) => n !== "DmpFileWritten"));
const HASHED = new Set(["ELFFileWritten", "PeFileWritten", "PeVersionInfo", "PackedExecutableWritten", "NewExecutableWritten"]);
const SIZED = new Set(["PeFileWritten", "NewScriptWritten", "NewExecutableWritten", "DmpFileWritten"]);
const VOLUMES = new Set(["RemovableMediaVolumeMounted", "FsVolumeMounted"]);

/** Adds the family's CIM fields; `name` is the event_simpleName. */
export function fdrObjectFields(f: Fields, family: FdrFamily, name: string): void {
  if (family === "dns") dnsFields(f);
  else if (family === "port") portFields(f, name);
  else if (family === "filesystem") fileFields(f, name);
  else if (family === "registry") registryFields(f, name);
  // process_id's branch for these events is cut; they carry ContextProcessId (UNVERIFIED).
  if (family !== "process" && family !== "dns") set(f, "process_id", get(f, "ContextProcessId"));
}

function dnsFields(f: Fields): void {
  set(f, "query", get(f, "DomainName"));
  set(f, "query_count", get(f, "DnsRequestCount"));
  set(f, "message_type", "Query");
  set(f, "additional_answer_count", "0");
  set(f, "reply_code_id", get(f, "QueryStatus"));
  set(f, "transaction_id", get(f, "id"));
  set(f, "signature", get(f, "name"));
  const v4 = get(f, "IP4Records");
  const v6 = get(f, "IP6Records");
  set(f, "record_type", v6 !== undefined ? "AAAA" : v4 !== undefined ? "A" : undefined);
  // mvindex(split(IP4Records.IP6Records, ";"), 0, -2): the lists end in `;`, the last item is empty.
  const parts = v4 === undefined && v6 === undefined ? [] : `${v4 ?? ""}${v6 ?? ""}`.split(";");
  const answers = parts.slice(0, -1);
  set(f, "answer_count", String(Math.max(0, parts.length - 1)));
  if (answers.length > 0) f.answer = answers.length === 1 ? answers[0]! : answers;
}

function portFields(f: Fields, name: string): void {
  const outbound = name.startsWith("NetworkConnect") || name.startsWith("NetworkClose");
  set(f, "dest_port", get(f, outbound ? "RemotePort" : "LocalPort"));
  set(f, "src_port", get(f, outbound ? "LocalPort" : "RemotePort"));
  set(f, "creation_time", get(f, "ContextTimeStamp"));
  set(f, "transport", TRANSPORT[get(f, "Protocol") ?? ""]);
  const tcp = get(f, "Protocol") === "6";
  // Listen's branch is cut: `listening` is minispl's (UNVERIFIED).
  set(f, "state", name.startsWith("NetworkClose") ? "closed" : name.startsWith("NetworkListen") ? "listening" : tcp ? "established" : "open");
  // src's branch is cut (UNVERIFIED): the side that opened the connection.
  const local = get(f, "LocalAddressIP4") ?? get(f, "LocalAddressIP6");
  const remote = get(f, "RemoteAddressIP4") ?? get(f, "RemoteAddressIP6");
  set(f, "src", outbound ? local : remote);
}

function fileFields(f: Fields, name: string): void {
  const win = get(f, "event_platform") === "Win";
  const path = VOLUMES.has(name)
    ? get(f, "VolumeName")
    : name === "PeVersionInfo"
      ? get(f, "ImageFileName")
      : name === "LFODownloadConfirmation"
        ? (get(f, "DownloadPath") ?? get(f, "TargetFileName"))
        : get(f, "TargetFileName");
  set(f, "file_path", path);
  if (path !== undefined) set(f, "file_name", win ? path.slice(path.lastIndexOf("\\") + 1) : basename(path));
  if (HASHED.has(name)) set(f, "file_hash", get(f, "SHA256HashData"));
  const size = Number(get(f, "Size"));
  // round(Size/1000): the add-on reports kilobytes.
  if (SIZED.has(name) && get(f, "Size") !== undefined && Number.isFinite(size)) set(f, "file_size", String(Math.round(size / 1000)));
  const ctx = get(f, "ContextTimeStamp");
  if (CREATE_TIME.has(name)) set(f, "file_create_time", ctx);
  if (MODIFY_TIME.has(name)) set(f, "file_modify_time", ctx);
  if (ACCESS_TIME.has(name)) set(f, "file_access_time", ctx);
  if (name === "PeVersionInfo") set(f, "original_file_name", get(f, "OriginalFilename"));
  if (name === "PeFileWritten") set(f, "user", get(f, "UserName"));
}

function registryFields(f: Fields, name: string): void {
  const obj = get(f, "RegObjectName");
  set(f, "registry_path", obj);
  set(f, "registry_value_name", obj);
  if (name === "AsepValueUpdate") {
    set(f, "registry_value_data", get(f, "RegStringValue"));
    set(f, "registry_value_type", REG_TYPES[get(f, "RegType") ?? ""]);
  } else set(f, "registry_value_type", "REG_BINARY");
  const upper = (obj ?? "").toUpperCase();
  set(f, "registry_hive", HIVES.find(([prefix]) => upper.startsWith(prefix.toUpperCase()))?.[1]);
}
