/**
 * A Writer onto a file descriptor (the CLI's stdout) that returns only once the chunk is written.
 *
 * Why not process.stdout.write: the printers run in one synchronous loop, and on a pipe Node's
 * stdout is asynchronous. Once the pipe is full each write is queued in memory until the loop
 * ends, so printing a large result to `| less` would hold all of it before the first byte drained.
 * Writing synchronously makes a slow reader slow the printer down instead, and a reader that has
 * gone (EPIPE: `minispl search ... | head -1`) is noticed at the write that fails, not later as an
 * unhandled 'error' event with a stack trace.
 */
import { platform } from "../platform/platform.js";
import type { Writer } from "./writer.js";

/** `onClosed` runs once when the reader has gone; output after that is dropped. */
export function fdWriter(fd: number, onClosed: () => void): Writer {
  let closed = false;
  return (chunk) => {
    if (closed) return;
    const buf = Buffer.from(chunk, "utf8");
    let off = 0;
    let pause = 1;
    while (off < buf.length) {
      try {
        off += platform().fs.write(fd, buf, off, buf.length - off);
        pause = 1;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A reader that closed its end: EPIPE, or ECONNRESET when the pipe is a socket pair (a Node parent).
        if (code === "EPIPE" || code === "ECONNRESET") {
          closed = true;
          onClosed();
          return;
        }
        if (code !== "EAGAIN") throw e;
        // The fd is non-blocking (Node makes a pipe so once process.stdout is touched) and the pipe
        // is full: wait for the reader, 1 ms doubling up to 50 ms, as pino's sonic-boom does.
        sleep(pause);
        pause = Math.min(pause * 2, 50);
      }
    }
  };
}

const cell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` (nothing else can run meanwhile: the printer is synchronous anyway). */
function sleep(ms: number): void {
  Atomics.wait(cell, 0, 0, ms);
}
