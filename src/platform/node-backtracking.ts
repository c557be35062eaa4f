/**
 * Runs a JavaScript regex under a time budget. A running JavaScript regex cannot be interrupted
 * from its own thread, and a backtracking pattern such as `(?=(a+)+$)` can run for longer than the
 * universe on 40 characters, so the match runs in a worker thread while the caller waits for it
 * synchronously (Atomics.wait on a shared flag, receiveMessageOnPort for the answer). When the
 * budget runs out the worker is terminated (V8 stops a regex for that) and the call answers
 * `{ timedOut: true }`; the next call starts a fresh worker. The worker is started on first use
 * and does not keep the process alive. A round trip costs tens of microseconds, which only the
 * few patterns RE2 cannot run pay (safe-regex.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { BacktrackAnswer, BacktrackJob, WireMatch } from "./threads.js";

/** Milliseconds a new worker may take to start (a loaded machine can be slow). */
const STARTUP_MS = 15_000;

// The worker's code, run with `eval` so that it works from the TypeScript sources (tests) and
// from dist alike. It compiles each distinct pattern once.
const WORKER_CODE = `
const { workerData } = require("node:worker_threads");
const state = new Int32Array(workerData.state);
const port = workerData.port;
const cache = new Map();
function compile(source, flags) {
  const key = flags + "/" + source;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re;
}
port.on("message", (job) => {
  let out;
  try {
    if (job.op === "test") {
      const re = compile(job.source, job.flags.replace(/[gyd]/g, ""));
      out = { value: re.test(job.input) };
    } else {
      const re = compile(job.source, job.flags.replace(/[gyd]/g, "") + "dg");
      const list = [];
      if (job.limit > 0) {
        for (const m of job.input.matchAll(re)) {
          const spans = job.spans ? Array.from(m.indices, (x) => (x ? [x[0], x[1]] : undefined)) : null;
          list.push([m.index, m.index + m[0].length, Array.from(m), spans]);
          if (list.length >= job.limit) break;
        }
      }
      out = { value: list };
    }
  } catch (e) {
    out = { error: String((e && e.message) || e) };
  }
  port.postMessage(out);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
});
Atomics.store(state, 1, 1);
Atomics.notify(state, 1);
`;

interface Runner {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** [0]: 1 once an answer is posted; [1]: 1 once the worker listens. */
  readonly state: Int32Array;
}

let runner: Runner | null = null;

function start(): Runner | null {
  const state = new Int32Array(new SharedArrayBuffer(8));
  const channel = new MessageChannel();
  const worker = new Worker(WORKER_CODE, { eval: true, workerData: { state: state.buffer, port: channel.port2 }, transferList: [channel.port2] });
  worker.unref();
  channel.port1.unref();
  const r: Runner = { worker, port: channel.port1, state };
  if (Atomics.wait(state, 1, 0, STARTUP_MS) === "timed-out") {
    stop(r);
    return null;
  }
  return r;
}

function stop(r: Runner): void {
  void r.worker.terminate();
  r.port.close();
  if (runner === r) runner = null;
}

/** Runs one job on the worker within `budgetMs`. */
export function runBacktrackingInWorker(job: BacktrackJob, budgetMs: number): BacktrackAnswer {
  runner ??= start();
  const r = runner;
  if (!r) return { timedOut: true };
  Atomics.store(r.state, 0, 0);
  r.port.postMessage(job);
  if (Atomics.wait(r.state, 0, 0, budgetMs) === "timed-out") {
    stop(r);
    return { timedOut: true };
  }
  const answer = receiveMessageOnPort(r.port)?.message as { error?: string; value?: boolean | WireMatch[] } | undefined;
  if (!answer) {
    stop(r);
    return { timedOut: true };
  }
  return { timedOut: false, ...answer };
}
