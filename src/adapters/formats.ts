/**
 * The format registry: every text log format minispl reads, one line each, in precedence order.
 * Detection (detect-format.ts) takes the first entry a forced sourcetype selects, else the first
 * whose `recognises` accepts the head. To add a format, write its adapter file exporting a
 * `LogFormat` (log-format.ts) and add it here; nothing else branches on formats. Binary EVTX is
 * not text and is dispatched before this (ingest.ts); gzip/zip/tar are containers (ingest-file.ts).
 */
import type { LogFormat } from "./log-format.js";
import { xmlWinEventLog } from "./xml-win-event-log.js";
import { classicWinEventLog } from "./classic-win-event-log.js";
import { nxlogJson } from "./nxlog-json.js";
import { crowdstrikeFdr } from "./crowdstrike-fdr.js";
import { jsonEvents } from "./json-events.js";
import { linuxSysmon } from "./linux-sysmon.js";
import { mappedEvents } from "./mapped-events.js";

export const FORMATS: readonly LogFormat[] = [
  // Before classic: a mixed `.raw` export is named after its XML records (both are read either way).
  xmlWinEventLog,
  classicWinEventLog,
  // Only selected by a Windows sourcetype on JSON content, or by the FDR sourcetype.
  nxlogJson,
  crowdstrikeFdr,
  // JSON content: FDR and NXLog decided per line.
  jsonEvents,
  // After the Windows and JSON checks: `<Event><System>` lines on non-JSON content.
  linuxSysmon,
  // Last: a user mapping reads only content no adapter above knows (those keep their add-on).
  mappedEvents,
];
