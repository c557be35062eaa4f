/** `node:url` in the browser: file URLs name files on disk, which the playground has none of. */
import { unavailable } from "./unavailable.js";

export const fileURLToPath = unavailable("url.fileURLToPath");
export const pathToFileURL = unavailable("url.pathToFileURL");
export const URL = globalThis.URL;
