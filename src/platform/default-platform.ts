/**
 * The platform the engine starts with. Node's here; the playground's build resolves this one
 * module to browser-default-platform.ts instead (web/vite.playground.config.ts), so no Node module
 * is reachable from the browser bundle.
 */
export { nodePlatform as defaultPlatform } from "./node-platform.js";
