/**
 * The page's side of the engine worker: requests answered in order, matched by id. Cancel cannot
 * reach into a running search (a flag would need a SharedArrayBuffer, which needs cross-origin
 * isolation headers a static host may not send), so `restart` terminates the worker and starts
 * another, which loads the samples and the files dropped so far again (kept here for that).
 */
import type { DroppedFile, EngineAnswers, EngineRequest, WorkerMessage } from "./protocol.js";

type Op = EngineRequest["op"];
type Pending = { resolve(v: unknown): void; reject(e: Error): void };

export class WorkerEngine {
  private worker: Worker;
  /** Settles when the current worker has loaded its modules and listens (it says so first). */
  private ready: Promise<void> = Promise.resolve();
  /** Why the current worker cannot answer (it failed to load or crashed); later calls fail with it. */
  private failed: string | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Every dropped file, replayed into a restarted worker. */
  private readonly dropped: DroppedFile[] = [];

  constructor(private readonly make: () => Worker) {
    this.worker = this.start();
  }

  call<K extends Op>(req: Extract<EngineRequest, { op: K }>): Promise<EngineAnswers[K]> {
    return this.post(req) as Promise<EngineAnswers[K]>;
  }

  /** Loads files into the engine (kept for a restart: copies, as posting transfers the bytes). */
  addFiles(files: readonly DroppedFile[]): Promise<EngineAnswers["add"]> {
    for (const f of files) this.dropped.push({ name: f.name, bytes: f.bytes.slice(0) });
    return this.call({ op: "add", files });
  }

  /** Stops whatever runs: every waiting call fails with `why`; a new worker loads the same data. */
  restart(why: string): void {
    this.worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(new Error(why));
    this.worker = this.start();
    if (this.dropped.length) void this.post({ op: "add", files: this.dropped.map((f) => ({ name: f.name, bytes: f.bytes.slice(0) })) }).catch(() => undefined);
  }

  private start(): Worker {
    this.failed = null;
    const w = this.make();
    let listening: () => void = () => undefined;
    this.ready = new Promise((resolve) => (listening = resolve));
    w.onmessage = (e: MessageEvent<WorkerMessage | "ready">) => {
      if (e.data === "ready") return listening();
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if ("error" in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.value);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.failed = `the engine failed: ${e.message}`;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const p of waiting) p.reject(new Error(`the engine failed: ${e.message}`));
    };
    return w;
  }

  private post(req: EngineRequest): Promise<unknown> {
    if (this.failed) return Promise.reject(new Error(this.failed));
    const id = this.nextId++;
    // A module worker's messages sent before its modules have loaded (the parser's module waits
    // for Chevrotain) would find no listener: wait for its "ready".
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const transfer = req.op === "add" ? req.files.map((f) => f.bytes) : [];
      void this.ready.then(() => {
        if (this.worker === worker) worker.postMessage({ id, req }, transfer);
      });
    });
  }
}
