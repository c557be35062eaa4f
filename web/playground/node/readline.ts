/** `node:readline` in the browser: no terminal; throws. */
import { unavailable } from "./unavailable.js";

export const createInterface = unavailable("readline.createInterface");
