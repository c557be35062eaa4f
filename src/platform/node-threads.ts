/** Threads on Node: `node:worker_threads`. */
import { Worker } from "node:worker_threads";
import { runBacktrackingInWorker } from "./node-backtracking.js";
import type { Threads } from "./threads.js";

export const nodeThreads: Threads = {
  start: (entry, workerData) => new Worker(entry, { workerData }),
  runBacktracking: runBacktrackingInWorker,
};
