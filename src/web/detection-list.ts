/**
 * The detections the detections tab offers: every YAML file under `--detections` (with `--escu`,
 * `<root>/detections`) that parses as a detection, by name. Only these files can be run through the
 * API: the page names a detection, never a path of its choosing.
 */
import { readFileSync } from "node:fs";
import { listFiles, parseDetection } from "../index.js";

export interface ListedDetection {
  readonly name: string;
  readonly file: string;
}

export function listDetections(paths: readonly string[], warn: (s: string) => void): ListedDetection[] {
  const out: ListedDetection[] = [];
  let files: string[] = [];
  try {
    files = listFiles(paths, [".yml", ".yaml"], (w) => warn(`warning: ${w.path}: ${w.reason}\n`));
  } catch (e) {
    warn(`warning: --detections: ${(e as Error).message}\n`);
  }
  for (const file of files) {
    try {
      const d = parseDetection(readFileSync(file, "utf8"), file).detection;
      if (d) out.push({ name: d.name, file });
    } catch {
      // Not a detection (a macro or lookup definition beside them): not offered.
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
