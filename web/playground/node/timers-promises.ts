/** `node:timers/promises` in the browser: unused on the playground's paths; throws. */
import { unavailable } from "./unavailable.js";

export const setTimeout = unavailable("timers/promises.setTimeout");
