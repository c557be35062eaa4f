/**
 * A HuntExecutor over worker threads: searches and drilldowns are queued and each goes to the
 * next idle worker (a long detection does not hold up a share of the others, as round-robin
 * dealing would); risk events go to every worker. The worker side answers `{ id, result }` to
 * `{ id, op, ... }` messages in order (the CLI's hunt-command.ts serves them). A worker that dies
 * fails its current job with the reason and leaves the pool; the others go on.
 */
import type { WorkerThread } from "../platform/threads.js";
import type { DrilldownResult, RiskEvent } from "../notables/index.js";
import type { HuntExecutor, Row, HuntSearchOutcome } from "./hunt-types.js";

/** What the pool sends; the worker replies `{ id, result }` (search: HuntSearchOutcome, drilldowns: DrilldownResult[]). */
export type PoolRequest =
  | { readonly id: number; readonly op: "search"; readonly detection: number }
  | { readonly id: number; readonly op: "risk"; readonly events: readonly RiskEvent[] }
  | { readonly id: number; readonly op: "drilldowns"; readonly detection: number; readonly row: Row; readonly now: number };

interface Pending {
  readonly msg: PoolRequest;
  resolve(v: unknown): void;
}

interface Slot {
  readonly worker: WorkerThread;
  busy: Pending | null;
  alive: boolean;
  /** Broadcast acks this worker still owes, by message id. */
  readonly acks: Map<number, Pending>;
}

export class WorkerPool implements HuntExecutor {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(size: number, spawn: () => WorkerThread) {
    this.slots = Array.from({ length: size }, () => this.start(spawn()));
  }

  search(detection: number): Promise<HuntSearchOutcome> {
    return this.enqueue({ id: this.nextId++, op: "search", detection }) as Promise<HuntSearchOutcome>;
  }

  drilldowns(detection: number, row: Row, now: number): Promise<DrilldownResult[]> {
    return this.enqueue({ id: this.nextId++, op: "drilldowns", detection, row, now }) as Promise<DrilldownResult[]>;
  }

  async addRiskEvents(events: readonly RiskEvent[]): Promise<void> {
    await Promise.all(this.slots.filter((s) => s.alive).map((s) => new Promise((resolve) => {
      const msg: PoolRequest = { id: this.nextId++, op: "risk", events };
      s.acks.set(msg.id, { msg, resolve });
      s.worker.postMessage(msg);
    })));
  }

  /** Ends every worker. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(worker: WorkerThread): Slot {
    const slot: Slot = { worker, busy: null, alive: true, acks: new Map() };
    worker.on("message", (m: { id: number; result: unknown }) => {
      const ack = slot.acks.get(m.id);
      if (ack) {
        slot.acks.delete(m.id);
        ack.resolve(m.result);
        return;
      }
      const job = slot.busy;
      slot.busy = null;
      job?.resolve(m.result);
      this.pump();
    });
    const die = (why: string) => {
      if (!slot.alive) return;
      slot.alive = false;
      const job = slot.busy;
      slot.busy = null;
      for (const a of slot.acks.values()) a.resolve(undefined);
      slot.acks.clear();
      if (job) job.resolve(failure(job.msg, `the worker thread ended: ${why}`));
      if (!this.slots.some((s) => s.alive)) for (const p of this.queue.splice(0)) p.resolve(failure(p.msg, "no worker thread left"));
      this.pump();
    };
    worker.on("error", (e) => die(e.message));
    worker.on("exit", (code) => die(`exit code ${code}`));
    return slot;
  }

  private enqueue(msg: PoolRequest): Promise<unknown> {
    return new Promise((resolve) => {
      if (!this.slots.some((s) => s.alive)) {
        resolve(failure(msg, "no worker thread left"));
        return;
      }
      this.queue.push({ msg, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const s of this.slots) {
      if (!s.alive || s.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      s.busy = job;
      s.worker.postMessage(job.msg);
    }
  }
}

function failure(msg: PoolRequest, error: string): HuntSearchOutcome | DrilldownResult[] {
  return msg.op === "search" ? { rows: null, error, ms: 0 } : [];
}
