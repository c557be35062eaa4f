/**
 * An Engine that lives in a worker thread, for callers that must stay responsive (a server, an
 * editor, a UI): every search runs off the caller's thread, and an AbortSignal or a timeout ends
 * it with `error[cancelled]` / `error[budget]` while the loaded data stays.
 *
 *   const engine = new AsyncEngine();
 *   await engine.loadData(["logs/"]);
 *   const out = await engine.search("index=* | stats count by host", { signal: AbortSignal.timeout(5000) });
 *   await engine.close();
 *
 * Cancelling sets a flag the worker's search reads at its next check (between commands, and in
 * commands whose work is not bounded by their input). A search that has not stopped `graceMs`
 * after its abort or its deadline (a long step with no check inside) is stopped for sure: the
 * worker is terminated, a new one replays the setup calls (loadData, loadMacros, defineMacros,
 * openIndex), and the search answers `error[cancelled]` or `error[budget]` all the same.
 *
 * A replay reads the files again, and they may have changed since they were first loaded. Each
 * setup call keeps the size and modification time of the files it read (stat only, no content);
 * at a replay a file that vanished, changed or appeared, and a replayed call that failed, is a
 * warning naming the file: given to `onWarning`, and added to the diagnostics (severity
 * `warning`, code `bad-record`) of the next search or detection the worker answers.
 */
import { platform } from "../platform/platform.js";
import type { WorkerThread } from "../platform/threads.js";
import { expand } from "../adapters/ingest.js";
import { emptyReport } from "../adapters/types.js";
import { walkPaths } from "../adapters/walk-paths.js";
import type { IngestOptions, IngestReport } from "../adapters/types.js";
import { diag, SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { DEFAULT_TIMEOUT_MS } from "../executor/budget.js";
import type { MacroDef } from "../macros/macro-table.js";
import type { DetectionOutcome, EngineOptions, SearchOutcome } from "./engine.js";
import type { BudgetLimits } from "./node-budget.js";

export interface AsyncEngineOptions extends EngineOptions {
  /** The worker script (default: engine-worker.js beside this file; tests running the sources pass the built one). */
  readonly workerUrl?: URL;
  /** Milliseconds a search may take to stop after its abort or deadline before its worker is terminated (default 2000). */
  readonly graceMs?: number;
  /** Called with each warning of a replay (a loaded file that vanished or changed). */
  readonly onWarning?: (message: string) => void;
}

export interface AsyncSearchOptions extends BudgetLimits {
  readonly signal?: AbortSignal;
}

type Setup =
  | { readonly op: "loadData"; readonly paths: readonly string[]; readonly ingest: IngestOptions }
  | { readonly op: "loadMacros"; readonly paths: readonly string[] }
  | { readonly op: "defineMacros"; readonly defs: readonly MacroDef[] }
  | { readonly op: "openIndex"; readonly dir: string };

type Run =
  | { readonly op: "search"; readonly spl: string; readonly limits: BudgetLimits; readonly cancel: SharedArrayBuffer }
  | { readonly op: "runDetection"; readonly yamlOrPath: string; readonly limits: BudgetLimits; readonly cancel: SharedArrayBuffer };

/** A question about what is loaded: answered at once, changes nothing, never replayed. */
type Query = { readonly op: "storeSummary" };

/** What the worker's engine searches: its events (loaded or an index's) and their field names. */
export interface StoreSummary {
  readonly events: number;
  /** EventStore.fieldNames(): bookkeeping fields left out. */
  readonly fields: readonly string[];
}

/** A request to the worker (engine-worker.ts). */
export type AsyncRequest = (Setup | Run | Query) & { readonly id: number };
/** Its answer: the value, or the message of the exception the Engine threw; `started` when a search begins. */
export type AsyncResponse =
  | { readonly id: number; readonly value: unknown }
  | { readonly id: number; readonly error: string }
  | { readonly id: number; readonly started: true };

/** A setup call and the files it read: path → "size, modification time" (compared as a string). */
interface Loaded {
  readonly setup: Setup;
  files: ReadonlyMap<string, string>;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  /** For a search: what to answer when its worker has to be terminated. */
  stopped?: (d: Diagnostic) => void;
  /** For a search: the worker began it (searches wait their turn in the worker). */
  started?: () => void;
}

export class AsyncEngine {
  private worker: WorkerThread;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly setup: Loaded[] = [];
  /** Replay warnings not yet added to an answer's diagnostics. */
  private warnings: string[] = [];
  private closed = false;
  private replays = 0;

  /** How many times the worker was replaced (a search that did not stop, a crash) and the setup replayed. */
  get restarts(): number {
    return this.replays;
  }

  constructor(private readonly options: AsyncEngineOptions = {}) {
    this.worker = this.start();
  }

  async loadData(paths: readonly string[], ingest: IngestOptions = {}): Promise<IngestReport | null> {
    return this.configure<IngestReport | null>({ op: "loadData", paths: [...paths], ingest });
  }

  async loadMacros(paths: readonly string[]): Promise<void> {
    await this.configure({ op: "loadMacros", paths: [...paths] });
  }

  async defineMacros(defs: readonly MacroDef[]): Promise<void> {
    await this.configure({ op: "defineMacros", defs: [...defs] });
  }

  async openIndex(dir: string): Promise<void> {
    await this.configure({ op: "openIndex", dir });
  }

  /** How many events the worker's engine searches, and their fields (for completion). */
  storeSummary(): Promise<StoreSummary> {
    return this.call<StoreSummary>({ op: "storeSummary" });
  }

  /** Runs a search in the worker; an abort or a passed budget is an error diagnostic of the outcome. */
  search(spl: string, opts: AsyncSearchOptions = {}): Promise<SearchOutcome> {
    return this.run<SearchOutcome>((limits, cancel) => ({ op: "search", spl, limits, cancel }), opts, (d) => failed(d));
  }

  /**
   * Runs a detection in the worker. Stopped in time, it answers like a search; when its worker had
   * to be terminated it rejects with an SplRuntimeError carrying the diagnostic (the detection was
   * parsed in the worker that is gone).
   */
  runDetection(yamlOrPath: string, opts: AsyncSearchOptions = {}): Promise<DetectionOutcome> {
    return this.run<DetectionOutcome>((limits, cancel) => ({ op: "runDetection", yamlOrPath, limits, cancel }), opts, (d) => {
      throw new SplRuntimeError(d);
    });
  }

  /** Ends the worker; pending calls reject. */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error("the engine was closed"));
    await this.worker.terminate();
  }

  private async configure<T>(s: Setup): Promise<T> {
    const files = filesOf(s);
    const value = await this.call<T>(s);
    this.setup.push({ setup: s, files });
    return value;
  }

  /**
   * Replays the setup calls in a new worker. Their files are checked first: what vanished,
   * changed or appeared since they were loaded is a warning (once: the new stamps are kept).
   */
  private replay(): void {
    this.replays++;
    for (const l of this.setup) {
      const now = filesOf(l.setup);
      for (const w of compareFiles(l.files, now)) this.warn(`${describeSetup(l.setup)} replayed after the worker restarted: ${w}`);
      l.files = now;
      void this.call(l.setup).catch((e: Error) => this.warn(`${describeSetup(l.setup)} failed when replayed after the worker restarted: ${e.message}`));
    }
  }

  private warn(message: string): void {
    this.warnings.push(message);
    this.options.onWarning?.(message);
  }

  /** A search's or detection's outcome with the pending replay warnings added to its diagnostics. */
  private withWarnings(value: unknown): unknown {
    if (this.warnings.length === 0 || typeof value !== "object" || value === null || !Array.isArray((value as SearchOutcome).diagnostics)) return value;
    const added = this.warnings.map((message) => diag("bad-record", { message }, undefined, { severity: "warning" }));
    this.warnings = [];
    const out = value as SearchOutcome;
    return { ...out, diagnostics: [...added, ...out.diagnostics] };
  }

  /**
   * A search or detection. The timers that terminate a worker start when the worker begins this
   * search (`started`), not when it is queued: only then is it the one the worker is running.
   */
  private run<T>(make: (limits: BudgetLimits, cancel: SharedArrayBuffer) => Run, opts: AsyncSearchOptions, stopped: (d: Diagnostic) => T): Promise<T> {
    const { signal, ...limits } = opts;
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    const grace = this.options.graceMs ?? 2000;
    const timeoutMs = limits.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let started = false;
    let killTimer: NodeJS.Timeout | undefined;
    const killAfter = (ms: number, d: () => Diagnostic) => {
      clearTimeout(killTimer);
      killTimer = setTimeout(() => this.restart(id, d()), ms);
    };
    const cancelled = () => diag("cancelled", { by: "AbortSignal" });
    const onAbort = () => {
      Atomics.store(flag, 0, 1);
      if (started) killAfter(grace, cancelled);
    };
    const onStart = () => {
      started = true;
      if (Atomics.load(flag, 0) !== 0) killAfter(grace, cancelled);
      else if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
        killAfter(timeoutMs + grace, () => diag("budget", {
          budget: "time", limit: `${timeoutMs / 1000} s`, message: `the search ran past its time budget of ${timeoutMs / 1000} s and did not stop`,
        }, undefined, { hints: ["raise it with the timeoutMs option"] }));
      }
    };
    // Set before the request is posted: the worker may pick it up at once, on its own thread.
    if (signal?.aborted) Atomics.store(flag, 0, 1);
    else signal?.addEventListener("abort", onAbort, { once: true });
    const id = this.nextId;
    const answer = this.call<T>(make(limits, cancel), { stopped, started: onStart });
    return answer.finally(() => {
      clearTimeout(killTimer);
      signal?.removeEventListener("abort", onAbort);
    });
  }

  private call<T>(req: Setup | Run | Query, search?: { stopped: (d: Diagnostic) => T; started: () => void }): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the engine was closed"));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const stopped = (d: Diagnostic) => {
        try {
          resolve((search as { stopped: (d: Diagnostic) => T }).stopped(d));
        } catch (e) {
          reject(e as Error);
        }
      };
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject, ...(search ? { stopped, started: search.started } : {}) });
      this.worker.ref();
      this.worker.postMessage({ ...req, id } satisfies AsyncRequest);
    });
  }

  private start(): WorkerThread {
    const url = this.options.workerUrl ?? new URL("./engine-worker.js", import.meta.url);
    const { workerUrl: _u, graceMs: _g, onWarning: _w, ...engineOptions } = this.options;
    const w = platform().threads.start(url, engineOptions);
    w.on("message", (m: AsyncResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if ("started" in m) {
        p.started?.();
        return;
      }
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if ("error" in m) p.reject(new Error(m.error));
      else p.resolve(p.stopped ? this.withWarnings(m.value) : m.value);
    });
    w.on("error", (e: Error) => this.failAll(e));
    // A worker that ended by itself (a crash, out of memory) is replaced with the same setup, so
    // the next call works; the calls it was answering have failed ("error" above, or here).
    w.on("exit", () => {
      if (this.closed || this.worker !== w) return;
      this.failAll(new Error("the engine's worker stopped"));
      this.worker = this.start();
      this.replay();
    });
    // An idle worker does not keep the caller's process alive; a busy one does (call() refs it).
    w.unref();
    return w;
  }

  /**
   * The search `id` did not stop in time: its worker is terminated and replaced, the setup calls
   * are replayed in the new one, and every call that was waiting on the old worker gets an answer
   * (the search its diagnostic; a queued search `cancelled`; a setup call an error).
   */
  private restart(id: number, d: Diagnostic): void {
    if (this.closed || !this.pending.has(id)) return;
    const old = this.worker;
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    void old.terminate();
    this.worker = this.start();
    this.replay();
    for (const [pid, p] of waiting) {
      if (pid === id && p.stopped) p.stopped(d);
      else if (p.stopped) p.stopped(diag("cancelled", { by: "the engine was restarted to stop another search" }));
      else p.reject(new Error("the engine was restarted to stop a search"));
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/** The files a setup call reads, each with its size and modification time. */
function filesOf(s: Setup): Map<string, string> {
  const paths = s.op === "loadData" ? expand(s.paths, emptyReport(), s.ingest) : s.op === "loadMacros" ? walkPaths(s.paths, { skipHidden: true, followSymlinks: true }).files : s.op === "openIndex" ? walkPaths([s.dir], { followSymlinks: true }).files : [];
  const out = new Map<string, string>();
  for (const f of paths) {
    try {
      const st = platform().fs.stat(f);
      out.set(f, `${st.size} bytes, modified ${new Date(st.mtimeMs).toISOString()}`);
    } catch {
      // Gone between the walk and the stat: not there.
    }
  }
  return out;
}

function compareFiles(before: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [f, stamp] of before) {
    const cur = now.get(f);
    if (cur === undefined) out.push(`${f} has vanished since it was loaded (its events are no longer searched)`);
    else if (cur !== stamp) out.push(`${f} has changed since it was loaded (${stamp} then, ${cur} now); it was read as it is now`);
  }
  for (const f of now.keys()) if (!before.has(f)) out.push(`${f} has appeared since the data was loaded; it was read too`);
  return out;
}

function describeSetup(s: Setup): string {
  const arg = s.op === "openIndex" ? s.dir : s.op === "defineMacros" ? `${s.defs.length} definition(s)` : s.paths.join(", ");
  return `${s.op}(${arg})`;
}

/** The outcome of a search that was stopped from outside its worker. */
function failed(d: Diagnostic): SearchOutcome {
  return { rows: [], fields: [], diagnostics: [d], ok: false };
}
