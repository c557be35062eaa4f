/**
 * Worker-thread entry: builds the store (and ESCU's macros when given) once, then answers jobs.
 * Runs in its own thread so the driver can terminate it when a job hangs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadEscuSeeds } from "./escu-searches.js";
import { fuzzStore } from "./fuzz-store.js";
import { runJob, type FuzzJob } from "./fuzz-job.js";

const { escuDir } = workerData as { escuDir?: string };
const ctx = { store: fuzzStore(), macros: escuDir ? loadEscuSeeds(escuDir).macros : undefined };

parentPort?.on("message", (msg: { id: number; job: FuzzJob }) => {
  parentPort?.postMessage({ id: msg.id, result: runJob(msg.job, ctx) });
});
parentPort?.postMessage({ ready: true });
