/**
 * A detection YAML file's `search:` as an editor needs it: the search as it runs (prefixed with
 * `search ` unless it starts with `|`, as contentctl does), its macros (the detection's `_filter`
 * macro defined, as `detect` runs it), and the offsets mapped both ways between the search text
 * and the YAML file (a folded, quoted scalar: `''` is one `'`, a line break one space), so
 * diagnostics land on the right line and column of the file and a cursor in the file completes in
 * the search.
 */
import { parseDetection, runnableSearch, withFilterMacro, type Detection } from "../detections/detection.js";
import { searchOffsets } from "../detections/search-position.js";
import type { MacroTable } from "../macros/macro-table.js";
import { builtinMacros } from "../macros/builtins.js";

export interface DetectionSearch {
  readonly detection: Detection;
  /** The search as it runs. */
  readonly text: string;
  /** The detection's macros: the given ones plus its `_filter` macro (`search *` unless defined). */
  macros(table?: MacroTable): MacroTable;
  /** The YAML offset of offset `at` of `text` (at `text.length`: just after the search's last character). */
  toYaml(at: number): number;
  /** The offset in `text` of YAML offset `at`, or null when `at` is not inside the search. */
  toSearch(at: number): number | null;
}

export type DetectionSearchResult =
  | { readonly search: DetectionSearch; readonly error?: undefined }
  /** Not a detection, or YAML that does not parse: why, and where when known (1-based). */
  | { readonly search: null; readonly error: { readonly message: string; readonly line?: number; readonly col?: number }; readonly notDetection?: boolean };

export function detectionSearch(yaml: string, file: string): DetectionSearchResult {
  const parsed = parseDetection(yaml, file);
  const det = parsed.detection;
  if (!det) {
    const message = parsed.diagnostics[0]?.message ?? "not a detection";
    return { search: null, error: { message, ...(parsed.errorAt ?? {}) }, ...(parsed.notDetection ? { notDetection: true } : {}) };
  }
  const text = runnableSearch(det.search);
  const shift = text.length - det.search.length;
  const map = searchOffsets(yaml, det.search) ?? { start: 0, offsets: [] };
  const { offsets, start } = map;
  const last = offsets.length - 1;
  return {
    search: {
      detection: det,
      text,
      macros: (table) => withFilterMacro(det, table ?? builtinMacros()),
      toYaml(at) {
        if (last < 0) return start;
        const i = at - shift;
        if (i <= 0) return offsets[0] ?? start;
        if (i > last) return (offsets[last] ?? start) + 1;
        return offsets[i] ?? start;
      },
      toSearch(at) {
        if (last < 0 || at < (offsets[0] ?? 0) || at > (offsets[last] ?? 0) + 1) return null;
        // The last character at or before `at` (offsets increase with the search's characters).
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((offsets[mid] ?? 0) <= at) lo = mid;
          else hi = mid - 1;
        }
        return shift + (offsets[lo] === at ? lo : lo + 1);
      },
    },
  };
}
