/**
 * Public surface of the adapters: ingestion entry points, format detection, the individual
 * adapters, and the add-on emulations (exported for tests and for tools that build events).
 */
export type { Adapter, IngestOptions, IngestReport, SkippedRecord } from "./types.js";
export { emptyReport } from "./types.js";
export { ingestPaths, ingestText } from "./ingest.js";
export { DETECT_HEAD, detectAdapter } from "./detect.js";
export { xmlWinEventLog } from "./xml-win-event-log.js";
export { nxlogJson } from "./nxlog-json.js";
export { crowdstrikeFdr, FDR_SOURCETYPE } from "./crowdstrike-fdr.js";
export { jsonEvents } from "./json-events.js";
export { SYSMON_SOURCE, SYSMON_EVENT_DESCRIPTIONS } from "./sysmon-eventtypes.js";
export { SECURITY_SOURCES } from "./windows-eventtypes.js";
export { XML_SOURCETYPE } from "./win-event.js";
export { linuxSysmon, LINUX_SYSMON_SOURCE, LINUX_SYSMON_SOURCETYPE } from "./linux-sysmon.js";
export { loadMapping, parseMapping, type UserMapping } from "./user-mapping.js";
