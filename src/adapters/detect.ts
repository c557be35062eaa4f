/**
 * Picks the adapter for a file: a forced sourcetype first (the way a Splunk input pins one),
 * otherwise the content: XML records starting `<Event xmlns=`, classic WinEventLog blocks
 * (date line + `Key=` header), JSON carrying FDR/NXLog keys, or Sysmon-for-Linux `<Event><System>` lines.
 */
import type { Adapter, IngestOptions } from "./types.js";
import { xmlWinEventLog } from "./xml-win-event-log.js";
import { classicWinEventLog } from "./classic-win-event-log.js";
import { crowdstrikeFdr, FDR_SOURCETYPE } from "./crowdstrike-fdr.js";
import { nxlogJson } from "./nxlog-json.js";
import { jsonEvents } from "./json-events.js";
import { linuxSysmon, LINUX_SYSMON_SOURCETYPE } from "./linux-sysmon.js";

/** How many characters of a file detection looks at. */
export const DETECT_HEAD = 65536;

/**
 * The adapter for a file's first characters, or undefined when none recognises it. A forced
 * `XmlWinEventLog` (or `WinEventLog`) sourcetype selects the Windows-event adapters (XML/classic
 * text, or NXLog when the content is JSON, since NXLog events are Windows events too);
 * `crowdstrike:events:sensor` selects FDR. Content with any XML record line is `xmlwineventlog`
 * even when classic blocks come first (mixed exports); both kinds are read either way.
 */
export function detectAdapter(head: string, opts: IngestOptions = {}): Adapter | undefined {
  const forced = opts.sourcetype?.toLowerCase();
  const json = /^\uFEFF?\s*[{[]/.test(head);
  if (forced === "xmlwineventlog") return json ? nxlogJson : xmlWinEventLog;
  if (forced === "wineventlog") return json ? nxlogJson : classicWinEventLog;
  if (forced === FDR_SOURCETYPE) return crowdstrikeFdr;
  if (forced === LINUX_SYSMON_SOURCETYPE) return linuxSysmon;
  if (xmlWinEventLog.detect(head)) return xmlWinEventLog;
  if (classicWinEventLog.detect(head)) return classicWinEventLog;
  if (json && jsonEvents.detect(head)) return jsonEvents;
  // Sysmon for Linux: `<Event><System>` lines without xmlns (datasets.md §5.1).
  if (!json && linuxSysmon.detect(head)) return linuxSysmon;
  return undefined;
}

/** What the streaming reader does with a file: which record handler, and in which mode. */
export type FormatFamily = "windows-text" | "auto" | "nxlog" | "fdr" | "linux-sysmon" | "mapped";

/** `detectAdapter` reduced to the handler the streaming reader uses. */
export function detectFamily(head: string, opts: IngestOptions = {}): FormatFamily | undefined {
  const adapter = detectAdapter(head, opts);
  // A user mapping only applies to content no adapter knows (known formats keep their add-on).
  if (adapter === undefined) return opts.mapping ? "mapped" : undefined;
  if (adapter === xmlWinEventLog || adapter === classicWinEventLog) return "windows-text";
  if (adapter === nxlogJson) return "nxlog";
  if (adapter === crowdstrikeFdr) return "fdr";
  if (adapter === linuxSysmon) return "linux-sysmon";
  return "auto";
}
