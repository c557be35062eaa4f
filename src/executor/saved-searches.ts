/**
 * The saved searches `| savedsearch <name>` runs (SPL Search Reference, savedsearch: "Runs a
 * saved search, or report, and returns the search results"). Offline, the saved searches are the
 * loaded detections: each answers to its `name:` and to the name Enterprise Security schedules it
 * under, `ESCU - <name> - Rule` (notables/risk-events.ts searchNameOf), and runs as `detect` runs
 * it: its search as written, its `_filter` macro defined as contentctl generates it.
 */
import type { Detection } from "../detections/detection.js";
import { runnableSearch, withFilterMacro } from "../detections/detection.js";
import type { MacroTable } from "../macros/macro-table.js";
import { searchNameOf } from "../notables/risk-events.js";

/** One saved search: its SPL and the macros it runs with. */
export interface SavedSearch {
  readonly name: string;
  readonly search: string;
  readonly macros?: MacroTable;
}

/** Saved searches by name (ExecuteOptions.savedSearches). `names()` feeds did-you-mean. */
export interface SavedSearches {
  get(name: string): SavedSearch | undefined;
  names(): readonly string[];
}

/** Saved searches from a list (names are exact, as Splunk's are). */
export function savedSearchList(list: readonly SavedSearch[]): SavedSearches {
  const byName = new Map<string, SavedSearch>();
  for (const s of list) if (!byName.has(s.name)) byName.set(s.name, s);
  return { get: (n) => byName.get(n), names: () => [...byName.keys()] };
}

/** The detections as saved searches, each under its name and its `ESCU - <name> - Rule` search name. */
export function detectionSavedSearches(detections: () => readonly Detection[], macros: MacroTable): SavedSearches {
  let built: SavedSearches | null = null;
  // Built on first use: a search that never says `savedsearch` never reads the detections.
  const get = (): SavedSearches => {
    built ??= savedSearchList(detections().flatMap((d) => {
      const s = { search: runnableSearch(d.search), macros: withFilterMacro(d, macros) };
      return [{ name: d.name, ...s }, { name: searchNameOf(d), ...s }];
    }));
    return built;
  };
  return { get: (n) => get().get(n), names: () => get().names() };
}

export const NO_SAVED_SEARCHES: SavedSearches = { get: () => undefined, names: () => [] };
