/**
 * Public surface of the adapters: ingestion entry points, the format registry and detection, the
 * individual formats, and the add-on emulations (exported for tests and for tools that build events).
 */
export type { IngestOptions, IngestReport, SkippedRecord } from "./types.js";
export { emptyReport } from "./types.js";
export { ingestPaths, ingestText } from "./ingest.js";
export type { FileHead, ForcedBy, LogFormat } from "./log-format.js";
export type { HandlerContext, RecordHandler } from "./stream-types.js";
export { FORMATS } from "./formats.js";
export { DETECT_HEAD, detectFormat } from "./detect-format.js";
export { TextSession } from "./text-session.js";
export { classicWinEventLog } from "./classic-win-event-log.js";
export { mappedEvents } from "./mapped-events.js";
export { xmlWinEventLog } from "./xml-win-event-log.js";
export { nxlogJson } from "./nxlog-json.js";
export { crowdstrikeFdr, FDR_SOURCETYPE } from "./crowdstrike-fdr.js";
export { jsonEvents } from "./json-events.js";
export { SYSMON_SOURCE, SYSMON_EVENT_DESCRIPTIONS } from "./sysmon-eventtypes.js";
export { SECURITY_SOURCES } from "./windows-eventtypes.js";
export { XML_SOURCETYPE } from "./win-event.js";
export { linuxSysmon, LINUX_SYSMON_SOURCE, LINUX_SYSMON_SOURCETYPE } from "./linux-sysmon.js";
export { loadMapping, parseMapping, type UserMapping } from "./user-mapping.js";
