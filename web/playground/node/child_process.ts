/** `node:child_process` in the browser: no processes; every function throws. */
import { unavailable } from "./unavailable.js";

export const execFileSync = unavailable("child_process.execFileSync");
export const spawn = unavailable("child_process.spawn");
export const spawnSync = unavailable("child_process.spawnSync");
