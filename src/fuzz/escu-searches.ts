/**
 * ESCU's detection searches and the macro table they run with, read at run time from a checkout
 * of security_content (never bundled): the seeds the query fuzzer mutates.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "../engine/files.js";
import { loadMacroFiles } from "../engine/macro-files.js";
import { filterMacroName, parseDetection, runnableSearch } from "../detections/detection.js";
import { builtinMacros } from "../macros/builtins.js";
import type { MacroTable } from "../macros/macro-table.js";

export interface EscuSeeds {
  readonly searches: readonly string[];
  /** Builtins + ESCU's macros + every detection's filter macro as `search *` (as contentctl does). */
  readonly macros: MacroTable;
}

export function loadEscuSeeds(escuDir: string): EscuSeeds {
  const files = listFiles([join(escuDir, "detections")], [".yml", ".yaml"], () => {});
  const searches: string[] = [];
  const filters = new Set<string>();
  for (const file of files) {
    const det = parseDetection(readFileSync(file, "utf8"), file).detection;
    if (!det) continue;
    searches.push(runnableSearch(det.search));
    filters.add(filterMacroName(det.name));
  }
  const loaded = loadMacroFiles([join(escuDir, "macros")]);
  const generated = [...filters].map((name) => ({ name, args: [], definition: "search *", origin: "generated (contentctl default)" }));
  return { searches, macros: builtinMacros().with([...loaded.macros, ...generated]) };
}
