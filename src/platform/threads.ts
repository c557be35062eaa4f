/**
 * Threads the engine uses: worker threads started from a module (parallel indexing, the engine
 * off the caller's thread) and one synchronous facility built on them, running a backtracking
 * JavaScript regex under a time budget (backtrack-runner.ts's callers). In the browser the
 * playground's engine already runs in a Web Worker that the page can terminate, so the regex runs
 * inline there and starting a thread is not offered.
 */

/** A match as the regex runner answers it: start, end, the groups ([0] = whole match) and, when asked, their spans. */
export type WireMatch = [index: number, end: number, groups: (string | undefined)[], spans: ([number, number] | undefined)[] | null];

export type BacktrackJob =
  | { readonly op: "test"; readonly source: string; readonly flags: string; readonly input: string }
  | { readonly op: "matches"; readonly source: string; readonly flags: string; readonly input: string; readonly limit: number; readonly spans: boolean };

export type BacktrackAnswer =
  | { readonly timedOut: true }
  | { readonly timedOut: false; readonly error?: string; readonly value?: boolean | WireMatch[] };

/** The part of Node's Worker the engine uses. */
export interface WorkerThread {
  postMessage(message: unknown): void;
  on(event: "message", listener: (message: any) => void): this;
  on(event: "error", listener: (error: Error) => void): this;
  on(event: "exit", listener: (code: number) => void): this;
  once(event: "exit", listener: (code: number) => void): this;
  off(event: string, listener: (...args: any[]) => void): this;
  terminate(): Promise<number>;
  /** Keeps the process alive while the thread runs (Node); a no-op elsewhere. */
  ref(): void;
  unref(): void;
}

export interface Threads {
  /** Starts the module at `entry` in a new thread with `workerData`. Throws where threads cannot be started. */
  start(entry: URL, workerData?: unknown): WorkerThread;
  /** Runs `job` and answers within `budgetMs` (timedOut when it ran out). */
  runBacktracking(job: BacktrackJob, budgetMs: number): BacktrackAnswer;
}
