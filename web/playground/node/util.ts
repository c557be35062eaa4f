/** `node:util` in the browser: the platform's TextDecoder; `parseArgs` (CLI only) throws. */
import { unavailable } from "./unavailable.js";

export const TextDecoder = globalThis.TextDecoder;
export const parseArgs = unavailable("util.parseArgs");
