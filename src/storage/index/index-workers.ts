/**
 * A small pool of worker threads for `buildIndexParallel`: each job indexes one input file
 * (index-worker.ts) and answers with its manifest entry. A worker that fails fails its job with
 * the worker's message; the pool never hangs on a dead worker.
 */
import { platform } from "../../platform/platform.js";
import type { WorkerThread } from "../../platform/threads.js";
import type { StreamOptions } from "../../adapters/stream-types.js";
import type { IndexedFile } from "./manifest.js";

export interface IndexJob {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly dir: string;
  readonly opts: StreamOptions;
}

type Reply = { readonly ok: IndexedFile } | { readonly error: string };

export class IndexWorkers {
  private readonly idle: WorkerThread[] = [];
  private readonly all: WorkerThread[] = [];
  private readonly waiting: ((w: WorkerThread) => void)[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = platform().threads.start(new URL("./index-worker.js", import.meta.url));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  async run(job: IndexJob): Promise<IndexedFile> {
    const w = await this.take();
    try {
      return await new Promise<IndexedFile>((resolve, reject) => {
        const onMessage = (r: Reply) => {
          cleanup();
          if ("ok" in r) resolve(r.ok);
          else reject(new Error(r.error));
        };
        const onError = (e: Error) => {
          cleanup();
          reject(e);
        };
        const onExit = (code: number) => {
          cleanup();
          reject(new Error(`index worker stopped (exit ${code}) while indexing ${job.file}`));
        };
        const cleanup = () => {
          w.off("message", onMessage);
          w.off("error", onError);
          w.off("exit", onExit);
        };
        w.on("message", onMessage);
        w.on("error", onError);
        w.on("exit", onExit);
        w.postMessage(job);
      });
    } finally {
      this.give(w);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private take(): Promise<WorkerThread> {
    const w = this.idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(w: WorkerThread): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }
}
