/**
 * default-platform.ts in the playground's build (web/vite.playground.config.ts resolves that
 * module here): the engine starts on the browser platform, with an empty in-memory file system
 * that the playground fills (`platform().fs`).
 */
import { browserPlatform } from "./browser-platform.js";

export const defaultPlatform = browserPlatform();
