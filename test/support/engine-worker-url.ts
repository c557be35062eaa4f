/**
 * The engine worker tests start (AsyncEngine's `workerUrl`; tests run the sources, whose own
 * worker would be a .ts file node cannot load): the bundled one that `pretest` builds
 * (scripts/bundle.mjs), which is what the bundled `minispl` starts. A worker on tsc's
 * dist/engine/engine-worker.js loads ~490 modules: 0.74–0.89 s of CPU to load samples/ and run a
 * search against 0.32–0.35 s bundled, and the AsyncEngine and LSP tests start dozens.
 */
export const ENGINE_WORKER_URL = new URL("../../dist/bundle/engine-worker.js", import.meta.url);
