/**
 * Threads in the browser: the playground's engine already runs in a Web Worker that the page
 * terminates to stop it, so a backtracking regex runs inline (inline-backtracking.ts) and no
 * further thread is started (Node's uses: parallel indexing, the async engine, are not offered there).
 */
import { runBacktrackingInline } from "./inline-backtracking.js";
import type { Threads } from "./threads.js";

export const browserThreads: Threads = {
  start(entry) {
    throw new Error(`cannot start a worker thread in the browser (${entry.pathname.split("/").pop()})`);
  },
  runBacktracking: (job) => runBacktrackingInline(job),
};
