/**
 * The control words shared by node-inflate.ts (main thread) and its worker (node-inflate-worker.ts),
 * at the start of each job's SharedArrayBuffer: Int32 [0] state, [1] byte count of what is
 * published (data, or a JSON message for NOTE/FAILED). The worker writes FULL, DONE, NOTE or
 * FAILED and waits for EMPTY; the main thread consumes and writes EMPTY, or ABORT to stop the job.
 */
export const EMPTY = 0;
export const FULL = 1;
/** The job ended; the last bytes (possibly none) are published with it. */
export const DONE = 2;
/** An unexpected error (I/O, a worker bug): thrown on the main thread. */
export const FAILED = 3;
export const ABORT = 4;
/** Damage in the data (truncated, corrupt, CRC mismatch, trailing bytes): a warning; DONE follows. */
export const NOTE = 5;
export const HEADER_BYTES = 16;
