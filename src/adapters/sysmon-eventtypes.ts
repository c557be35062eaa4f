/**
 * Splunk_TA_microsoft_sysmon's lookup and eventtype tables: EventCode → EventDescription (the
 * `eventcode` lookup that also feeds `signature`) and the ms-sysmon-* eventtypes with their tags
 * (cim-mapping.md §2.1, §2.2). Every eventtype also requires the exact Sysmon `source` (§2.5).
 */
import { get, type Fields } from "./fields.js";
import type { EventtypeDef } from "./eventtypes.js";

export const SYSMON_SOURCE = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";

/**
 * The TA's microsoft_sysmon_eventcode.csv was not available; these are the event titles of the
 * Sysinternals Sysmon documentation, which match every value cim-mapping.md quotes (1, 3, 11,
 * 12–14, 22). Exact CSV spelling for the others is UNVERIFIED.
 */
export const SYSMON_EVENT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "1": "Process creation",
  "2": "A process changed a file creation time",
  "3": "Network connection",
  "4": "Sysmon service state changed",
  "5": "Process terminated",
  "6": "Driver loaded",
  "7": "Image loaded",
  "8": "CreateRemoteThread",
  "9": "RawAccessRead",
  "10": "ProcessAccess",
  "11": "FileCreate",
  "12": "RegistryEvent (Object create and delete)",
  "13": "RegistryEvent (Value Set)",
  "14": "RegistryEvent (Key and Value Rename)",
  "15": "FileCreateStreamHash",
  "16": "ServiceConfigurationChange",
  "17": "PipeEvent (Pipe Created)",
  "18": "PipeEvent (Pipe Connected)",
  "19": "WmiEvent (WmiEventFilter activity detected)",
  "20": "WmiEvent (WmiEventConsumer activity detected)",
  "21": "WmiEvent (WmiEventConsumerToFilter activity detected)",
  "22": "DNSEvent (DNS query)",
  "23": "FileDelete (File Delete archived)",
  "24": "ClipboardChange (New content in the clipboard)",
  "25": "ProcessTampering (Process image change)",
  "26": "FileDeleteDetected (File Delete logged)",
  "27": "FileBlockExecutable",
  "28": "FileBlockShredding",
  "29": "FileExecutableDetected",
  "255": "Error",
};

/** EventCodes per Sysmon eventtype (cim-mapping.md §2.2). */
export const SYSMON_CODES = {
  process: new Set(["1", "5", "6", "7", "8", "9", "10", "15", "17", "18", "24", "25"]),
  network: new Set(["3"]),
  filemod: new Set(["2", "11", "23", "26", "27", "28", "29"]),
  regmod: new Set(["12", "13", "14"]),
  dns: new Set(["22"]),
  wmimod: new Set(["19", "20", "21"]),
  service: new Set(["4", "16", "255"]),
} as const;

function sysmonType(name: string, codes: ReadonlySet<string>, tags: readonly string[]): EventtypeDef {
  return {
    name,
    tags,
    matches: (f: Fields) => get(f, "source") === SYSMON_SOURCE && codes.has(get(f, "EventCode") ?? ""),
  };
}

export const SYSMON_EVENTTYPES: readonly EventtypeDef[] = [
  sysmonType("ms-sysmon-process", SYSMON_CODES.process, ["process", "report"]),
  sysmonType("ms-sysmon-network", SYSMON_CODES.network, ["network", "communicate"]),
  sysmonType("ms-sysmon-filemod", SYSMON_CODES.filemod, ["endpoint", "filesystem"]),
  sysmonType("ms-sysmon-regmod", SYSMON_CODES.regmod, ["endpoint", "registry"]),
  sysmonType("ms-sysmon-dns", SYSMON_CODES.dns, ["network", "resolution", "dns"]),
  sysmonType("ms-sysmon-wmimod", SYSMON_CODES.wmimod, ["change", "endpoint"]),
  sysmonType("ms-sysmon-service", SYSMON_CODES.service, ["service", "report"]),
];
