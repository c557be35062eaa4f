/**
 * Function lookup as searches write names: exact first, then lower-cased, because ESCU calls
 * `LIKE(…)` and `CASE(…)` and Splunk accepts them.
 */
import { lookupFunction } from "./registry.js";
import type { FunctionDef } from "./types.js";

export function resolveFunction(name: string): FunctionDef | undefined {
  return lookupFunction(name) ?? lookupFunction(name.toLowerCase());
}
