/** The worker side of index-workers.ts: indexes one input file per message. */
import { parentPort } from "node:worker_threads";
import { indexFile } from "./build-index.js";
import type { IndexJob } from "./index-workers.js";

parentPort?.on("message", (job: IndexJob) => {
  try {
    parentPort?.postMessage({ ok: indexFile(job.file, job, job.dir, job.opts) });
  } catch (e) {
    parentPort?.postMessage({ error: `${job.file}: ${(e as Error).message}` });
  }
});
