/** The platform on Node (the CLI, the REPL, the servers, the tests). */
import type { Platform } from "./platform.js";
import { nodeCompression } from "./node-compression.js";
import { nodeDigests } from "./node-digests.js";
import { nodeFileSystem } from "./node-file-system.js";
import { nodeThreads } from "./node-threads.js";

export const nodePlatform: Platform = {
  name: "node",
  fs: nodeFileSystem,
  compression: nodeCompression,
  threads: nodeThreads,
  digests: nodeDigests,
};
