/** `node:http` in the browser: no server; throws. */
import { unavailable } from "./unavailable.js";

export const createServer = unavailable("http.createServer");
