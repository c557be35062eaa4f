/**
 * The platform without Node: files in memory (the playground's samples and dropped files),
 * fflate, inline regex, pure-JavaScript digests. Pure JavaScript, so Node tests run the engine on
 * it too (test/unit/platform) and check it answers as Node's does.
 */
import { browserCompression } from "./browser-compression.js";
import { browserDigests } from "./browser-digests.js";
import { browserThreads } from "./browser-threads.js";
import { MemoryFileSystem } from "./memory-file-system.js";
import type { Platform } from "./platform.js";

export interface BrowserPlatform extends Platform {
  readonly fs: MemoryFileSystem;
}

export function browserPlatform(fs = new MemoryFileSystem()): BrowserPlatform {
  return { name: "browser", fs, compression: browserCompression(fs), threads: browserThreads, digests: browserDigests };
}
