/**
 * JSON-lines files may mix CrowdStrike FDR and NXLog Windows events (e.g. a combined export), so
 * the JSON format decides per line: `event_simpleName` → FDR, `EventID` + `Channel`/`SourceName`
 * → NXLog (cim-mapping.md §4.1; datasets.md §4.6–4.10). Events are counted per format
 * (`crowdstrike-fdr`, `nxlog-json`), not under this format's name.
 */
import type { LogFormat } from "./log-format.js";
import { jsonHandler } from "./json-stream.js";
import { fdrObjects, isFdrObject } from "./crowdstrike-fdr.js";
import { nxlogObjects } from "./nxlog-json.js";

export const jsonEvents: LogFormat = {
  name: "json-events",
  // Anywhere in the head, not only its first lines: a file whose first 47 KB were zeroed (data
  // fuzz) still holds FDR lines after them. Each line is decided on its own anyway.
  recognises: (head) => head.json && (/"event_simpleName"\s*:/.test(head.text) || /"EventID"\s*:/.test(head.text)),
  open(ctx) {
    const fdr = fdrObjects(ctx);
    const nxlog = nxlogObjects(ctx, "unrecognised JSON record (no event_simpleName, no EventID+Channel)");
    return jsonHandler(ctx, (l) => (isFdrObject(l.obj) ? fdr(l) : nxlog(l)));
  },
};
