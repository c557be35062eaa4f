/**
 * Picks the adapter for a file: a forced sourcetype first (the way a Splunk input pins one),
 * otherwise the content: XML records starting `<Event xmlns=`, or JSON carrying FDR/NXLog keys.
 */
import type { Adapter, IngestOptions } from "./types.js";
import { xmlWinEventLog } from "./xml-win-event-log.js";
import { crowdstrikeFdr, FDR_SOURCETYPE } from "./crowdstrike-fdr.js";
import { nxlogJson } from "./nxlog-json.js";
import { jsonEvents } from "./json-events.js";

/** How many characters of a file detection looks at. */
export const DETECT_HEAD = 65536;

/**
 * The adapter for a file's first characters, or undefined when none recognises it. A forced
 * `XmlWinEventLog` sourcetype selects the Windows-event adapters (XML, or NXLog when the content
 * is JSON, since NXLog events are XmlWinEventLog too); `crowdstrike:events:sensor` selects FDR.
 */
export function detectAdapter(head: string, opts: IngestOptions = {}): Adapter | undefined {
  const forced = opts.sourcetype?.toLowerCase();
  const json = /^\uFEFF?\s*[{[]/.test(head);
  if (forced === "xmlwineventlog") return json ? nxlogJson : xmlWinEventLog;
  if (forced === FDR_SOURCETYPE) return crowdstrikeFdr;
  if (xmlWinEventLog.detect(head)) return xmlWinEventLog;
  if (json && jsonEvents.detect(head)) return jsonEvents;
  return undefined;
}
