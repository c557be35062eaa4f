/**
 * Streaming decompression for the synchronous ingestion API. node:zlib only streams
 * asynchronously, and `ingestPaths` (used by search/detect/check) is synchronous, so a worker
 * thread inflates a file byte range and hands the output over through a SharedArrayBuffer, one
 * buffer-full at a time, while this thread blocks on `Atomics.wait`. Only public Node APIs are
 * used; memory stays at one buffer however large the archive member is (the alternative,
 * `gunzipSync`, holds the whole inflated member).
 *
 * One worker serves a whole run: a zip of 10,000 members used to start 10,000 threads and run out
 * of memory. A worker is checked out per live generator (two alive at once get two workers) and
 * kept for the next one when its job ended cleanly. Damage in the data (truncated, corrupt, CRC or
 * size mismatch, trailing bytes) is not thrown: it is added to `problems`, reading stops at it and
 * everything decoded before it has been yielded (node-inflate-worker.ts).
 */
import { Worker } from "node:worker_threads";
import type { InflateProblem, InflateSource } from "./compression.js";
import { ABORT, DONE, EMPTY, FAILED, HEADER_BYTES, NOTE } from "./node-inflate-protocol.js";
import { WORKER_SOURCE } from "./node-inflate-worker.js";

/** A stalled worker (it cannot happen short of a crash) fails loudly instead of hanging forever. */
const STALL_MS = 120_000;

interface Pooled {
  readonly worker: Worker;
  sab: SharedArrayBuffer | undefined;
}

/** The idle worker kept between jobs (at most one: ingestion reads one member at a time). */
let idle: Pooled | undefined;
/** Workers started so far (tests check that members share one). */
let started = 0;

export function inflateWorkersStarted(): number {
  return started;
}

function acquire(): Pooled {
  const p = idle;
  idle = undefined;
  if (p) return p;
  started++;
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref();
  return { worker, sab: undefined };
}

function release(p: Pooled, clean: boolean): void {
  // After an abort the worker may still be winding that job down: its buffer is not reused.
  if (!clean) p.sab = undefined;
  if (idle === undefined) idle = p;
  else void p.worker.terminate();
}

/**
 * Yields the decompressed bytes in pieces of at most `bufferSize`. Each yielded view is only valid
 * until the next iteration (the buffer is reused); consumers decode or copy it at once. Breaking
 * out of the loop stops the job. Damage in the data is pushed to `problems`, never thrown.
 */
export function* inflateChunks(src: InflateSource, bufferSize: number, problems: InflateProblem[] = []): Generator<Uint8Array, void, undefined> {
  const pooled = acquire();
  const size = HEADER_BYTES + Math.max(1024, bufferSize);
  const sab = pooled.sab && pooled.sab.byteLength === size ? pooled.sab : new SharedArrayBuffer(size);
  pooled.sab = sab;
  const ctrl = new Int32Array(sab, 0, 4);
  const data = new Uint8Array(sab, HEADER_BYTES);
  Atomics.store(ctrl, 0, EMPTY);
  pooled.worker.postMessage({ sab, path: src.path, start: src.start, end: src.end, kind: src.kind, stallMs: STALL_MS });
  let clean = false;
  try {
    for (;;) {
      const state = waitPublished(ctrl);
      const n = ctrl[1] ?? 0;
      if (state === FAILED) {
        clean = true;
        throw new Error(`decompression failed: ${message(data, n).message}`);
      }
      if (state === NOTE) problems.push(message(data, n));
      else if (n > 0) yield data.subarray(0, n);
      if (state === DONE) {
        clean = true;
        return;
      }
      Atomics.store(ctrl, 0, EMPTY);
      Atomics.notify(ctrl, 0);
    }
  } finally {
    if (!clean) {
      Atomics.store(ctrl, 0, ABORT);
      Atomics.notify(ctrl, 0);
    }
    release(pooled, clean);
  }
}

function message(data: Uint8Array, n: number): InflateProblem {
  const text = Buffer.from(data.subarray(0, n)).toString();
  try {
    const m = JSON.parse(text) as InflateProblem;
    return { message: String(m.message), cut: m.cut === true };
  } catch {
    return { message: text, cut: true };
  }
}

function waitPublished(ctrl: Int32Array): number {
  for (;;) {
    const state = Atomics.load(ctrl, 0);
    if (state !== EMPTY) return state;
    if (Atomics.wait(ctrl, 0, EMPTY, STALL_MS) === "timed-out") throw new Error("decompression stalled (worker did not answer)");
  }
}
