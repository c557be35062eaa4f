/**
 * Driver side of the worker: sends one job at a time and waits at most `hardMs`. A job still
 * running then (a hang), or a worker that dies (out of memory, a native crash), is reported as
 * such and the worker is replaced, so one bad input never ends the fuzz run.
 */
import { Worker } from "node:worker_threads";
import type { FuzzJob, JobResult } from "./fuzz-job.js";

export type RunOutcome = JobResult | { readonly ms: number; readonly hang: true } | { readonly ms: number; readonly died: string };

export class JobRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 0;

  constructor(private readonly escuDir: string | undefined, private readonly hardMs: number) {}

  async run(job: FuzzJob): Promise<RunOutcome> {
    const w = await this.start();
    const id = this.nextId++;
    const t0 = performance.now();
    return new Promise<RunOutcome>((resolve) => {
      const done = (r: RunOutcome, restart: boolean) => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        if (restart) void this.stop();
        resolve(r);
      };
      const onMessage = (m: { id?: number; result?: JobResult }) => { if (m.id === id && m.result) done(m.result, false); };
      const onError = (e: Error) => done({ ms: performance.now() - t0, died: `${e.name}: ${e.message}` }, true);
      const onExit = (code: number) => done({ ms: performance.now() - t0, died: `worker exited with code ${code}` }, true);
      const timer = setTimeout(() => done({ ms: performance.now() - t0, hang: true }, true), this.hardMs);
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      w.postMessage({ id, job });
    });
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }

  private async start(): Promise<Worker> {
    if (!this.worker) {
      const w = new Worker(new URL("./fuzz-worker.js", import.meta.url), { workerData: { escuDir: this.escuDir } });
      this.worker = w;
      this.ready = new Promise((resolve, reject) => {
        w.once("message", () => resolve());
        w.once("error", reject);
      });
    }
    await this.ready;
    return this.worker!;
  }
}

/** `size` JobRunners, one job each at a time: the driver's side of `--jobs`. */
export class RunnerPool {
  private readonly idle: JobRunner[];
  private readonly all: JobRunner[];
  private readonly waiting: ((r: JobRunner) => void)[] = [];

  constructor(escuDir: string | undefined, hardMs: number, size: number) {
    this.all = Array.from({ length: Math.max(1, size) }, () => new JobRunner(escuDir, hardMs));
    this.idle = [...this.all];
  }

  async run(job: FuzzJob): Promise<RunOutcome> {
    const r = this.idle.pop() ?? (await new Promise<JobRunner>((resolve) => this.waiting.push(resolve)));
    try {
      return await r.run(job);
    } finally {
      const next = this.waiting.shift();
      if (next) next(r);
      else this.idle.push(r);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((r) => r.stop()));
  }
}
