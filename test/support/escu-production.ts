/**
 * The ESCU corpus as the differential corpus tests read it (index-differential, chdb-differential):
 * every production detection in path order, ESCU's macros over the built-ins, and the lookups folder.
 */
import { readFileSync } from "node:fs";
import { builtinMacros, listFiles, loadMacroFiles, parseDetection, type Detection } from "../../src/index.js";
import { sharedPath } from "./shared.js";

export const ESCU_LOOKUPS = sharedPath("escu/lookups");

/** ESCU's macros/*.yml loaded over the built-in macros; `errors` must be empty. */
export function escuMacros() {
  const load = loadMacroFiles([sharedPath("escu/macros")]);
  return { macros: builtinMacros().with(load.macros), errors: load.errors };
}

/** Every production detection, in path order. */
export function productionDetections(): Detection[] {
  return listFiles([sharedPath("escu/detections")], [".yml", ".yaml"]).flatMap((file) => {
    const det = parseDetection(readFileSync(file, "utf8"), file).detection;
    return det && det.status === "production" ? [det] : [];
  });
}
