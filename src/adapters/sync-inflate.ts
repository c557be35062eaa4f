/**
 * Streaming decompression for the synchronous ingestion API. node:zlib only streams
 * asynchronously, and `ingestPaths` (used by search/detect/check) is synchronous, so a worker
 * thread runs `createGunzip`/`createInflateRaw` over a file byte range and hands the output over
 * through a SharedArrayBuffer, one buffer-full at a time, while this thread blocks on
 * `Atomics.wait`. Only public Node APIs are used; memory stays at one buffer however large the
 * archive member is (the alternative, `gunzipSync`, holds the whole inflated member).
 */
import { Worker } from "node:worker_threads";

export interface InflateSource {
  readonly path: string;
  /** First byte of the compressed data. */
  readonly start: number;
  /** One past the last byte. */
  readonly end: number;
  /** `gzip` (RFC 1952, multi-member) or `raw` (RFC 1951 deflate, as in zip members). */
  readonly kind: "gzip" | "raw";
}

// Control words (Int32): [0] state, [1] byte count of the published data or error message.
const EMPTY = 0;
const FULL = 1;
const DONE = 2;
const FAILED = 3;
const ABORT = 4;
const HEADER_BYTES = 16;
/** A stalled worker (it cannot happen short of a crash) fails loudly instead of hanging forever. */
const STALL_MS = 120_000;

// Plain CommonJS so it runs with `eval: true` both from dist/ and from vitest's TS sources.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { createReadStream } = require("node:fs");
const zlib = require("node:zlib");
const { sab, path, start, end, kind, stallMs } = workerData;
const ctrl = new Int32Array(sab, 0, 4);
const data = new Uint8Array(sab, ${HEADER_BYTES});
let fill = 0;
function waitEmpty() {
  for (;;) {
    const s = Atomics.load(ctrl, 0);
    if (s === ${EMPTY}) return true;
    if (s === ${ABORT}) return false;
    if (Atomics.wait(ctrl, 0, s, stallMs) === "timed-out") return false;
  }
}
function publish(state, n) {
  ctrl[1] = n;
  Atomics.store(ctrl, 0, state);
  Atomics.notify(ctrl, 0);
}
function fail(e) {
  if (!waitEmpty()) return;
  const msg = Buffer.from(String((e && e.message) || e));
  const n = Math.min(msg.length, data.length);
  data.set(msg.subarray(0, n));
  publish(${FAILED}, n);
}
(async () => {
  const input = createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 });
  const z = kind === "gzip" ? zlib.createGunzip() : zlib.createInflateRaw();
  input.on("error", (e) => z.destroy(e));
  input.pipe(z);
  try {
    for await (const chunk of z) {
      let off = 0;
      while (off < chunk.length) {
        const n = Math.min(chunk.length - off, data.length - fill);
        data.set(chunk.subarray(off, off + n), fill);
        fill += n;
        off += n;
        if (fill === data.length) {
          publish(${FULL}, fill);
          fill = 0;
          if (!waitEmpty()) { input.destroy(); z.destroy(); return; }
        }
      }
    }
    publish(${DONE}, fill);
  } catch (e) {
    if (fill > 0) { publish(${FULL}, fill); fill = 0; }
    fail(e);
  }
})();
`;

/**
 * Yields the decompressed bytes in pieces of at most `bufferSize`. Each yielded view is only valid
 * until the next iteration (the buffer is reused); consumers decode or copy it at once. Breaking
 * out of the loop stops the worker.
 */
export function* inflateChunks(src: InflateSource, bufferSize: number): Generator<Uint8Array, void, undefined> {
  const sab = new SharedArrayBuffer(HEADER_BYTES + Math.max(1024, bufferSize));
  const ctrl = new Int32Array(sab, 0, 4);
  const data = new Uint8Array(sab, HEADER_BYTES);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { sab, path: src.path, start: src.start, end: src.end, kind: src.kind, stallMs: STALL_MS },
  });
  worker.unref();
  let finished = false;
  try {
    for (;;) {
      const state = waitPublished(ctrl);
      const n = ctrl[1] ?? 0;
      if (state === FAILED) {
        finished = true;
        throw new Error(`decompression failed: ${Buffer.from(data.subarray(0, n)).toString()}`);
      }
      if (n > 0) yield data.subarray(0, n);
      if (state === DONE) {
        finished = true;
        return;
      }
      Atomics.store(ctrl, 0, EMPTY);
      Atomics.notify(ctrl, 0);
    }
  } finally {
    if (!finished) {
      Atomics.store(ctrl, 0, ABORT);
      Atomics.notify(ctrl, 0);
    }
    void worker.terminate();
  }
}

function waitPublished(ctrl: Int32Array): number {
  for (;;) {
    const state = Atomics.load(ctrl, 0);
    if (state !== EMPTY) return state;
    if (Atomics.wait(ctrl, 0, EMPTY, STALL_MS) === "timed-out") throw new Error("decompression stalled (worker did not answer)");
  }
}
