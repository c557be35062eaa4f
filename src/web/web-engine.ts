/**
 * The web server's engine: the events, macros and lookups loaded as `minispl search` loads them
 * (cli/run-context.ts), held in a worker thread so that the server stays responsive while a search
 * runs and the Cancel button can stop it (a SharedArrayBuffer flag the search's budget reads at
 * its next check). A search that has not stopped GRACE_MS after its cancel is stopped for sure:
 * the worker is terminated and a new one loads the same inputs again.
 *
 * This file is also the worker's entry point (it serves when started with ROLE in workerData), as
 * cli/repl-command.ts is for the REPL: in the bundle, `new URL(import.meta.url)` is this module's
 * chunk, which then holds the role check, so the bundle needs no extra entry.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { runnableSearch, runSearch, withFilterMacro, type Detection, type MacroTable } from "../index.js";
import { cliBudget } from "../cli/budget.js";
import { readDetectionFile } from "../cli/load-files.js";
import type { CommonOptions } from "../cli/options.js";
import { prepareRun, type RunContext } from "../cli/run-context.js";
import type { Io } from "../cli/session.js";
import { AttackDataResolver, ingestAttackData, parseAttackDataMaps } from "../cli/test-attack-data.js";
import type { CellValue, RowsPage, SearchResultView } from "./api.js";
import { withDefaultFilters } from "./default-filters.js";
import { detectionTestViews, type AttackDataEntry, type AttackDataLoad } from "./detection-tests.js";
import { detectionView } from "./detection-view.js";
import { drilldownViews } from "./drilldown-run.js";
import { KeptResults } from "./kept-results.js";
import { failedView, resultView } from "./result-view.js";
import { plainDiagnostic } from "./web-diagnostic.js";

const ROLE = "minispl-web-engine";
/** How long a cancelled search may take to stop before its worker is terminated. */
const GRACE_MS = 2000;

export interface WebEngineOptions extends CommonOptions {
  /** `--attack-data <dir>`: where the tests' attack_data files are (test-attack-data.ts). */
  readonly attackData?: string;
  /** `--attack-data-map <url-prefix=dir>` values (checked by serve.ts before the worker starts). */
  readonly attackDataMap?: readonly string[];
}

/** What the worker reports once it has loaded its inputs. */
export interface EngineReady {
  readonly ok: boolean;
  readonly events: number;
  readonly fields: readonly string[];
  /** What loading said on stderr (warnings, the load summary, or why it failed). */
  readonly log: string;
}

/** `key`: the job's id, under which its result is kept for paging. */
type Request =
  | { readonly id: number; readonly op: "init" }
  | { readonly id: number; readonly op: "search"; readonly spl: string; readonly key: string; readonly cancel: SharedArrayBuffer }
  | { readonly id: number; readonly op: "detection"; readonly file: string; readonly key: string; readonly cancel: SharedArrayBuffer }
  | { readonly id: number; readonly op: "drilldowns"; readonly file: string; readonly fields: Readonly<Record<string, CellValue>>; readonly cancel: SharedArrayBuffer }
  | { readonly id: number; readonly op: "tests"; readonly file: string; readonly cancel: SharedArrayBuffer }
  | { readonly id: number; readonly op: "rows"; readonly key: string; readonly offset: number; readonly count: number };
/** A request without its id (the id is given when it is posted). */
type Body = Request extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;
type Response = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: string };

/** The main-thread side: one worker, its requests answered in order. */
export class WebEngine {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; search: boolean }>();
  private closed = false;
  /** The current worker's init answer. */
  private ready: Promise<EngineReady> | null = null;

  /** `workerUrl`: this file as built (tests running the sources pass dist/web/web-engine.js). */
  constructor(private readonly opts: WebEngineOptions, private readonly workerUrl: URL = new URL(import.meta.url)) {}

  /** Starts the worker, which loads the inputs first (a replaced worker loads them again). */
  init(): Promise<EngineReady> {
    this.live();
    return this.ready as Promise<EngineReady>;
  }

  /** `key` names the result for `rows` later (the job's id). */
  search(spl: string, signal?: AbortSignal, key = ""): Promise<SearchResultView> {
    return this.run((cancel) => ({ op: "search", spl, key, cancel }), signal);
  }

  /** A detection file run as `minispl search --detection` runs it (its `_filter` macro defined). */
  detection(file: string, signal?: AbortSignal, key = ""): Promise<SearchResultView> {
    return this.run((cancel) => ({ op: "detection", file, key, cancel }), signal);
  }

  /** A detection's drilldowns for one notable's row: the view's `drilldowns`. */
  drilldowns(file: string, fields: Readonly<Record<string, CellValue>>, signal?: AbortSignal): Promise<SearchResultView> {
    return this.run((cancel) => ({ op: "drilldowns", file, fields, cancel }), signal);
  }

  /** A detection's tests over their attack data (--attack-data): the view's `tests`. */
  tests(file: string, signal?: AbortSignal): Promise<SearchResultView> {
    return this.run((cancel) => ({ op: "tests", file, cancel }), signal);
  }

  /** A page of a kept result; null when it is no longer kept (or the worker was restarted since). */
  rows(key: string, offset: number, count: number): Promise<RowsPage | { readonly error: string } | null> {
    return this.call({ op: "rows", key, offset, count });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error("the engine was closed"));
    await this.worker?.terminate();
    this.worker = null;
  }

  private run(make: (cancel: SharedArrayBuffer) => Body, signal?: AbortSignal): Promise<SearchResultView> {
    const cancel = new SharedArrayBuffer(4);
    let kill: NodeJS.Timeout | undefined;
    let id = 0;
    const onAbort = () => {
      Atomics.store(new Int32Array(cancel), 0, 1);
      kill = setTimeout(() => this.restart(id), GRACE_MS);
    };
    if (signal?.aborted) Atomics.store(new Int32Array(cancel), 0, 1);
    else signal?.addEventListener("abort", onAbort, { once: true });
    const answer = this.call<SearchResultView>(make(cancel) as Body);
    // The id call() just gave this request (after the init request of a new worker, if any).
    id = this.nextId - 1;
    return answer.finally(() => {
      clearTimeout(kill);
      signal?.removeEventListener("abort", onAbort);
    });
  }

  /** The worker, started (with its init request first) when there is none. */
  private live(): Worker {
    if (this.worker) return this.worker;
    const w = this.start();
    this.worker = w;
    this.ready = this.post<EngineReady>(w, { op: "init" });
    // A failed start is answered to whoever awaits init(); this keeps it from being unhandled.
    this.ready.catch(() => undefined);
    return w;
  }

  private call<T>(req: Body): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the engine was closed"));
    return this.post<T>(this.live(), req);
  }

  private post<T>(worker: Worker, req: Body): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject, search: req.op !== "init" && req.op !== "rows" });
      worker.ref();
      worker.postMessage({ ...req, id });
    });
  }

  private start(): Worker {
    const w = new Worker(this.workerUrl, { workerData: { role: ROLE, opts: this.opts } });
    w.on("message", (m: Response) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if ("error" in m) p.reject(new Error(m.error));
      else p.resolve(m.value);
    });
    w.on("error", (e: Error) => this.failAll(e));
    w.on("exit", () => {
      if (this.worker !== w) return;
      // Crashed (out of memory…): the calls it was answering fail; the next call starts a new one.
      this.worker = null;
      this.failAll(new Error("the engine's worker stopped"));
    });
    w.unref();
    return w;
  }

  /** The search `id` did not stop in time: every waiting call is answered, and a new worker loads the inputs. */
  private restart(id: number): void {
    if (this.closed || !this.pending.has(id) || !this.worker) return;
    const old = this.worker;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.worker = null;
    void old.terminate();
    const stopped = plainDiagnostic("cancelled", "the search was cancelled (it did not stop by itself, so the engine was restarted)");
    for (const p of waiting) {
      if (p.search) p.resolve(failedView([stopped]));
      else p.reject(new Error("the engine was restarted to stop a search"));
    }
    this.live();
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/** In the worker: the inputs loaded once, then one search at a time. */
function serve(opts: WebEngineOptions): void {
  const port = parentPort;
  if (!port) return;
  let run: RunContext | null = null;
  const kept = new KeptResults();
  const maps = parseAttackDataMaps(opts.attackDataMap ?? []);
  const where = new AttackDataResolver(opts.attackData ?? "", "maps" in maps ? maps.maps : []);
  port.on("message", (req: Request) => {
    let answer: Response;
    try {
      answer = { id: req.id, value: req.op === "init" ? (run ? ready(run, "") : init()) : req.op === "rows" ? kept.page(req.key, req.offset, req.count) : search(req) };
    } catch (e) {
      answer = { id: req.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(answer);
  });

  function init(): EngineReady {
    let log = "";
    const io: Io = { out: (s) => void (log += s), err: (s) => void (log += s), color: false, width: Number.POSITIVE_INFINITY };
    run = prepareRun({ ...opts, quiet: false }, io);
    return run ? ready(run, log) : { ok: false, events: 0, fields: [], log };
  }

  function search(req: Exclude<Request, { op: "init" | "rows" }>): SearchResultView {
    if (!run) throw new Error("the engine has no data loaded (its start failed)");
    const started = Date.now();
    const now = opts.now ?? Math.floor(Date.now() / 1000);
    const cancel = new Int32Array(req.cancel);
    const budget = cliBudget(opts, { cancelFlag: cancel, cancelledBy: "the Cancel button" });
    let spl: string;
    let macros: MacroTable;
    let det: Detection | null = null;
    if (req.op === "search") {
      spl = req.spl;
      macros = withDefaultFilters(spl, run.macros.table);
    } else {
      let err = "";
      det = readDetectionFile(req.file, { err: (s) => void (err += s) });
      if (!det) return failedView([plainDiagnostic("bad-detection", err.trim() || `${req.file}: not a detection`)]);
      spl = runnableSearch(det.search);
      macros = withFilterMacro(det, run.macros.table);
    }
    if (req.op === "drilldowns" || req.op === "tests") {
      const d = det as Detection;
      const stopped = () => Atomics.load(cancel, 0) !== 0;
      const part = req.op === "drilldowns"
        ? { drilldowns: drilldownViews(d, req.fields, run.store, run.macros.table, { now, tz: opts.tz, budget, exec: run.exec }) }
        : { tests: detectionTestViews(d, run.macros.table, loadAttackData, { tz: opts.tz, now, budget }, stopped) };
      const cancelled = stopped() ? [plainDiagnostic("cancelled", `the ${req.op} were cancelled`)] : [];
      return { ...failedView(cancelled, Date.now() - started), ok: cancelled.length === 0, ...part };
    }
    const result = runSearch(spl, run.store, { macros, name: "query", tz: opts.tz, ...run.exec, now, budget });
    const view = resultView(result, opts.tz, Date.now() - started);
    if (result.table && view.ok && req.key) kept.keep(req.key, result.table, view.fields, opts.tz);
    return det && view.ok ? { ...view, detection: detectionView(det, result, now) } : view;
  }

  /** A test's attack_data entry: its file found as `minispl test` finds it, ingested with the entry's source/sourcetype. */
  function loadAttackData(a: AttackDataEntry): AttackDataLoad {
    if (!opts.attackData && (opts.attackDataMap ?? []).length === 0) return { file: null, error: `not loaded: start minispl web with --attack-data <dir> (or --attack-data-map <url-prefix=dir>) to find ${a.data}` };
    const local = where.resolve(a.data);
    if ("error" in local) return { file: null, error: local.error };
    const o = { ...(a.sourcetype ? { sourcetype: a.sourcetype } : {}), ...(a.source ? { source: a.source } : {}) };
    try {
      return { file: local.path, ...ingestAttackData.load(local.path, o) };
    } catch (e) {
      return { file: local.path, error: `${local.path}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
}

function ready(run: RunContext, log: string): EngineReady {
  return { ok: true, events: run.store.length, fields: run.store.fieldNames(), log };
}

const data = workerData as { role?: string; opts?: WebEngineOptions } | null;
if (!isMainThread && parentPort && data?.role === ROLE && data.opts) serve(data.opts);
