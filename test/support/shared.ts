/**
 * Access to ../shared (real datasets and the ESCU corpus, beside the checkout). The corpus suite
 * must fail loudly when it is missing, never skip.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));

export function sharedPath(rel: string): string {
  if (!existsSync(SHARED)) {
    throw new Error(`../shared is missing (looked for ${SHARED}); the corpus suite needs the datasets and the ESCU corpus beside the checkout`);
  }
  const p = SHARED + rel;
  if (!existsSync(p)) throw new Error(`missing ${p} in ../shared`);
  return p;
}

export function readShared(rel: string): string {
  return readFileSync(sharedPath(rel), "utf8");
}
