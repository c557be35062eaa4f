/** What the web tests share: the server's options over samples/, the built worker, the seed detection's search. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { WebOptions } from "../../../src/web/serve.js";

/** The engine's worker as `pretest` builds it (a worker cannot load the TypeScript sources). */
export const WORKER_URL = new URL("../../../dist/web/web-engine.js", import.meta.url);

export function webOptions(): WebOptions {
  return { data: ["samples/data/"], macros: [], lookups: [], format: "table", tz: "UTC", port: 0, detections: ["samples/detections/"], cache: false, quiet: true };
}

/** The seed detection's search as written (macros and all). */
export function seedSearch(): string {
  return (parse(readFileSync("samples/detections/script_execution_via_wmi.yml", "utf8")) as { search: string }).search;
}
