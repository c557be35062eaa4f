/**
 * What the engine needs from the machine it runs on, as four small interfaces: files, compression,
 * threads and digests. Node's implementation (node-platform.ts) is the default; the browser
 * playground's (browser-platform.ts: files in memory, fflate, Web-Worker-free fallbacks) replaces
 * it. Core code asks `platform()` instead of importing `node:fs`, `node:zlib`,
 * `node:worker_threads` or `node:crypto`, so the same modules run in both places and the browser
 * build needs no stand-ins for Node's modules (it fails if one is imported).
 *
 * The interfaces are synchronous on purpose: ingestion and search are synchronous loops
 * (`ingestPaths`, `runSearch`), and both platforms can answer synchronously (Node's *Sync calls;
 * an in-memory file system and fflate in the browser).
 */
import { defaultPlatform } from "./default-platform.js";
import type { Compression } from "./compression.js";
import type { Digests } from "./digests.js";
import type { FileSystem } from "./file-system.js";
import type { Threads } from "./threads.js";

export interface Platform {
  /** `node` or `browser`: for messages ("… is not available in the browser"), never for behaviour. */
  readonly name: string;
  readonly fs: FileSystem;
  readonly compression: Compression;
  readonly threads: Threads;
  readonly digests: Digests;
}

let current: Platform = defaultPlatform;

/** The platform the engine runs on now. */
export function platform(): Platform {
  return current;
}

/**
 * Installs `p` (the playground at start; tests that run the engine over an in-memory file system).
 * Returns a function that puts the previous one back.
 */
export function usePlatform(p: Platform): () => void {
  const before = current;
  current = p;
  return () => {
    current = before;
  };
}
