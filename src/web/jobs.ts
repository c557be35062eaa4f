/**
 * Search jobs: a search (or a detection, its drilldowns, its tests) runs in the engine's worker
 * while the page polls its job for the state and the time it has run, and may cancel it. Finished
 * jobs' statuses are kept for a while (the page fetches the result once) and then dropped; their
 * full tables stay in the worker, the newest few only (kept-results.ts), for paging.
 */
import type { JobStatus, SearchResultView } from "./api.js";

/** Finished jobs kept, newest first; older ones are dropped. */
const KEEP_FINISHED = 20;

interface Job {
  readonly id: string;
  readonly started: number;
  readonly abort: AbortController;
  status: Omit<JobStatus, "elapsedMs"> & { elapsedMs?: number };
}

export class JobTable {
  private readonly jobs = new Map<string, Job>();
  private next = 1;

  /** Starts `run` as a new job (given its id, which names its kept rows); its promise settles the job (a rejection is a failed job with the message). */
  start(run: (signal: AbortSignal, id: string) => Promise<SearchResultView>): JobStatus {
    const id = `j${this.next++}`;
    const job: Job = { id, started: Date.now(), abort: new AbortController(), status: { id, state: "running" } };
    this.jobs.set(id, job);
    run(job.abort.signal, id).then(
      (result) => this.finish(job, { id, state: job.abort.signal.aborted && !result.ok ? "cancelled" : result.ok ? "done" : "failed", result, elapsedMs: Date.now() - job.started }),
      (e: Error) => this.finish(job, { id, state: "failed", error: e.message, elapsedMs: Date.now() - job.started }),
    );
    return this.status(job);
  }

  get(id: string): JobStatus | null {
    const job = this.jobs.get(id);
    return job ? this.status(job) : null;
  }

  /** Asks a running job to stop (its search ends with `error[cancelled]` at its next check). */
  cancel(id: string): JobStatus | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    if (job.status.state === "running") job.abort.abort();
    return this.status(job);
  }

  /** Stops every running job (the server is closing). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status.state === "running") job.abort.abort();
  }

  private status(job: Job): JobStatus {
    return { ...job.status, elapsedMs: job.status.elapsedMs ?? Date.now() - job.started };
  }

  private finish(job: Job, status: JobStatus): void {
    job.status = status;
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== "running");
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old.id);
  }
}
