/**
 * What `| savedsearch <name>` finds from the command line: the detections a command already loaded
 * (detect's, hunt's) and those under `--detections` (search and detect; with `--escu`, the
 * checkout's detections/), read only when a search first says `savedsearch`. A file that does not
 * parse is skipped here: detect, hunt and check report broken detections themselves.
 */
import { readFileSync } from "node:fs";
import { detectionSavedSearches, parseDetection, type Detection, type MacroTable, type SavedSearches } from "../index.js";
import { listFiles } from "./load-files.js";

export function cliSavedSearches(loaded: readonly Detection[], dirs: readonly string[], macros: MacroTable, opts: { followSymlinks?: boolean } = {}): SavedSearches {
  return detectionSavedSearches(() => {
    const more: Detection[] = [];
    for (const file of listFiles(dirs, [".yml", ".yaml"], () => {}, opts)) {
      try {
        const d = parseDetection(readFileSync(file, "utf8"), file).detection;
        if (d) more.push(d);
      } catch {
        // Unreadable: not a saved search (the commands that run detections report it).
      }
    }
    return [...loaded, ...more];
  }, macros);
}
