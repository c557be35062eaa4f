/**
 * JSON-lines files may mix CrowdStrike FDR and NXLog Windows events (e.g. a combined export), so
 * the JSON adapter decides per line: `event_simpleName` → FDR, `EventID` + `Channel`/`SourceName`
 * → NXLog (cim-mapping.md §4.1; datasets.md §4.6–4.10). Counts are reported per format.
 */
import type { EventInput } from "../store/event-store.js";
import type { Adapter, IngestOptions } from "./types.js";
import { forEachJsonLine } from "./json-lines.js";
import { crowdstrikeFdr, fdrEvent, isFdrObject } from "./crowdstrike-fdr.js";
import { isNxlogObject, nxlogEvent, nxlogJson } from "./nxlog-json.js";

/** Parses every line with the adapter its content calls for; `emit` gets the adapter name. */
export function parseJsonEvents(
  text: string,
  opts: IngestOptions,
  emit: (e: EventInput, format: string) => void,
  skip: (line: number, reason: string) => void,
): void {
  forEachJsonLine(
    text,
    ({ obj, raw, line }) => {
      const fdr = isFdrObject(obj);
      if (!fdr && !isNxlogObject(obj)) return skip(line, "unrecognised JSON record (no event_simpleName, no EventID+Channel)");
      const ev = fdr ? fdrEvent(obj, raw, opts) : nxlogEvent(obj, raw, opts);
      if (typeof ev === "string") skip(line, ev);
      else emit(ev, fdr ? crowdstrikeFdr.name : nxlogJson.name);
    },
    skip,
  );
}

export const jsonEvents: Adapter = {
  name: "json-events",
  detect: (head) => crowdstrikeFdr.detect(head) || /^\uFEFF?\s*[{[][\s\S]*"EventID"\s*:/.test(head.slice(0, 65536)),
  parse: (text, _file, opts, emit, skip) => parseJsonEvents(text, opts, (e) => emit(e), skip),
};
