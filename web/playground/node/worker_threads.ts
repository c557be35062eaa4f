/**
 * `node:worker_threads` in the browser: the engine runs in a Web Worker that behaves as Node's
 * main thread (no parentPort, so no module serves as a Node worker entry). Starting a Node
 * worker throws: the backtracking-regex runner (src/functions/backtrack-runner.ts) then reports
 * its error for the few patterns RE2 cannot run.
 */
import { unavailable } from "./unavailable.js";

export const isMainThread = true;
export const parentPort = null;
export const workerData = null;
export const MessageChannel = globalThis.MessageChannel;
export const receiveMessageOnPort = unavailable("worker_threads.receiveMessageOnPort");
export class Worker {
  constructor() {
    throw new Error("worker_threads.Worker is not available in the browser playground");
  }
}
