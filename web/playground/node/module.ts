/**
 * `node:module` in the browser: `createRequire` throws, so src/lexer/chevrotain.ts falls back to
 * its plain `import("chevrotain")`, which the bundler resolves.
 */
import { unavailable } from "./unavailable.js";

export const createRequire = unavailable("module.createRequire");
