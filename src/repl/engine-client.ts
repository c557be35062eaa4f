/**
 * How the REPL talks to its engine: one asynchronous interface, two implementations. InProcess
 * wraps a LocalEngine directly (unit tests; nothing can interrupt it). WorkerEngine runs the
 * LocalEngine in a worker thread, so the REPL's event loop stays free during a search and
 * Ctrl-C can cancel it. cancel() first sets the running search's cancel flag (a
 * SharedArrayBuffer its budget reads between commands and in long loops): the search ends with
 * `error[cancelled]` and the loaded data stays. Only when it has not stopped after CANCEL_GRACE_MS
 * (a long step with no check inside) is the worker terminated and a fresh one started, which
 * loads the same data again; that costs a reload, which the REPL announces.
 */
import type { Worker } from "node:worker_threads";
import type { EngineCatalog, LocalEngine, Reply, RunRequest } from "./engine.js";

export interface ReplEngine {
  load(paths: readonly string[], progress: (line: string) => void): Promise<Reply>;
  run(req: RunRequest): Promise<Reply>;
  explain(spl: string, color: boolean): Promise<Reply>;
  macros(filter: string): Promise<Reply>;
  fields(dataset: string, width: number, color: boolean): Promise<Reply>;
  datamodels(width: number, color: boolean): Promise<Reply>;
  catalog(): Promise<EngineCatalog>;
  /** True when cancel() can stop a running operation. */
  readonly cancellable: boolean;
  /** Stops what is running (its promise rejects with CancelledError) and gets ready for more. */
  cancel(progress: (line: string) => void): Promise<void>;
  close(): Promise<void>;
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
  }
}

export class InProcessEngine implements ReplEngine {
  readonly cancellable = false;
  constructor(private readonly engine: LocalEngine) {}
  load(paths: readonly string[], progress: (line: string) => void): Promise<Reply> {
    return Promise.resolve(this.engine.load(paths, progress));
  }
  run(req: RunRequest): Promise<Reply> {
    return Promise.resolve(this.engine.run(req));
  }
  explain(spl: string, color: boolean): Promise<Reply> {
    return Promise.resolve(this.engine.explain(spl, color));
  }
  macros(filter: string): Promise<Reply> {
    return Promise.resolve(this.engine.macros(filter));
  }
  fields(dataset: string, width: number, color: boolean): Promise<Reply> {
    return Promise.resolve(this.engine.fields(dataset, width, color));
  }
  datamodels(width: number, color: boolean): Promise<Reply> {
    return Promise.resolve(this.engine.datamodels(width, color));
  }
  catalog(): Promise<EngineCatalog> {
    return Promise.resolve(this.engine.catalog());
  }
  cancel(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A request to the worker: the LocalEngine method and its arguments (all structured-cloneable). */
export interface EngineRequest {
  readonly id: number;
  readonly op: "init" | "load" | "run" | "explain" | "macros" | "fields" | "datamodels" | "catalog";
  readonly args: readonly unknown[];
}

/** The worker's answer: a progress line (more to come) or the final value. */
export type EngineResponse = { readonly id: number; readonly progress: string } | { readonly id: number; readonly value: unknown };

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  progress?: (line: string) => void;
}

/** How long a search may take to stop after Ctrl-C set its flag before its worker is terminated. */
export const CANCEL_GRACE_MS = 2000;

export class WorkerEngine implements ReplEngine {
  readonly cancellable = true;
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The cancel flag and answer of the search in flight (the REPL runs one at a time). */
  private running: { flag: Int32Array; done: Promise<unknown> } | null = null;
  /** Paths loaded so far, replayed into a fresh worker after a cancel. */
  private readonly loaded: string[][] = [];

  /** `spawn` starts a worker that serves the protocol (worker-host.ts) and answers `init` first. */
  constructor(private readonly spawn: () => Worker) {
    this.worker = this.start();
  }

  private start(): Worker {
    const w = this.spawn();
    w.on("message", (m: EngineResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if ("progress" in m) p.progress?.(m.progress);
      else {
        this.pending.delete(m.id);
        if (this.pending.size === 0) this.worker.unref();
        p.resolve(m.value);
      }
    });
    w.on("error", (e: Error) => this.failAll(e));
    // An idle worker must not keep the process alive (the REPL decides when to exit); a busy one
    // must, or the process would end while waiting for an answer.
    w.unref();
    return w;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private call<T>(op: EngineRequest["op"], args: readonly unknown[], progress?: (line: string) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject, ...(progress ? { progress } : {}) });
      this.worker.ref();
      this.worker.postMessage({ id, op, args } satisfies EngineRequest);
    });
  }

  /** The worker's setup report (macro and lookup warnings; ok false when an input is missing). */
  init(): Promise<Reply> {
    return this.call<Reply>("init", []);
  }

  async load(paths: readonly string[], progress: (line: string) => void): Promise<Reply> {
    const r = await this.call<Reply>("load", [paths], progress);
    if (r.ok) this.loaded.push([...paths]);
    return r;
  }
  run(req: RunRequest): Promise<Reply> {
    const cancel = new SharedArrayBuffer(4);
    const done = this.call<Reply>("run", [{ ...req, cancel }]);
    const running = { flag: new Int32Array(cancel), done };
    this.running = running;
    return done.finally(() => {
      if (this.running === running) this.running = null;
    });
  }
  explain(spl: string, color: boolean): Promise<Reply> {
    return this.call<Reply>("explain", [spl, color]);
  }
  macros(filter: string): Promise<Reply> {
    return this.call<Reply>("macros", [filter]);
  }
  fields(dataset: string, width: number, color: boolean): Promise<Reply> {
    return this.call<Reply>("fields", [dataset, width, color]);
  }
  datamodels(width: number, color: boolean): Promise<Reply> {
    return this.call<Reply>("datamodels", [width, color]);
  }
  catalog(): Promise<EngineCatalog> {
    return this.call<EngineCatalog>("catalog", []);
  }

  async cancel(progress: (line: string) => void): Promise<void> {
    const running = this.running;
    if (running) {
      Atomics.store(running.flag, 0, 1);
      if (await settlesWithin(running.done, CANCEL_GRACE_MS)) return;
    }
    const old = this.worker;
    this.failAll(new CancelledError());
    await old.terminate();
    this.worker = this.start();
    await this.init();
    for (const paths of this.loaded) {
      const r = await this.call<Reply>("load", [paths], progress);
      if (r.err) progress(r.err.trimEnd());
    }
  }

  async close(): Promise<void> {
    this.failAll(new CancelledError());
    await this.worker.terminate();
  }
}

/** True when the promise settles (either way) within ms. */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = p.then(() => true, () => true);
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}
