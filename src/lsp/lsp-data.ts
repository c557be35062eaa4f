/**
 * The events "Run detection" searches and completion's loaded fields, held by an AsyncEngine: the
 * data is read (or the index opened) in its worker thread, so the server's own thread keeps
 * answering while gigabytes of logs load. The load starts right after `initialized`, one file at a
 * time (each file is a loadData call: between them the load reports its progress, in bytes, and a
 * newer load stops it); it ends with the field names and a log line. A saved data file starts a new
 * load: the old worker is terminated at once (the data is not held twice), the old field names are
 * kept for completion until the new ones are known. An index (`--index`) is opened in the worker
 * instead: nothing is loaded into memory.
 */
import { statSync } from "node:fs";
import { expandDataPaths, type DetectionOutcome, type IngestReport, type MacroDef, type MacroTable } from "../index.js";
import { isInside, type LspOptions } from "./lsp-options.js";

/** The part of AsyncEngine the server uses (tests wrap one to hold a load back). */
export interface DataEngine {
  loadData(paths: readonly string[]): Promise<IngestReport | null>;
  openIndex(dir: string): Promise<void>;
  defineMacros(defs: readonly MacroDef[]): Promise<void>;
  storeSummary(): Promise<{ readonly events: number; readonly fields: readonly string[] }>;
  runDetection(yaml: string, opts: { signal?: AbortSignal }): Promise<DetectionOutcome>;
  close(): Promise<void>;
}

/** LSP work-done progress, or nothing (a client that did not advertise window.workDoneProgress). */
export interface LoadProgress {
  begin(title: string, percentage?: number, message?: string): void;
  report(percentage: number, message?: string): void;
  done(): void;
}

export interface LspDataDeps {
  readonly createEngine: () => DataEngine;
  readonly log: (message: string) => void;
  readonly progress: () => Promise<LoadProgress>;
}

/** One load: its engine, done when the data is in (or failed: `error`). */
export interface DataLoad {
  readonly engine: DataEngine;
  done: Promise<void>;
  /** Why the data could not be read; the engine then searches what it has, maybe nothing. */
  error: string | null;
  /** The macro table last given to the worker (runs define the workspace's when it changed). */
  macros: MacroTable | null;
}

export class LspData {
  private current: DataLoad | null = null;
  private closed = false;
  /** The loaded events' field names: those of the last finished load (kept during a reload). */
  fields: readonly string[] = [];
  /** True while a load is under way. */
  loading = false;

  constructor(
    private readonly options: LspOptions,
    private readonly deps: LspDataDeps,
  ) {}

  /** True when there is data or an index to run detections on. */
  get configured(): boolean {
    return this.options.index !== undefined || this.options.data.length > 0;
  }

  /** Starts loading (again: a newer load replaces one under way); nothing without data. */
  load(): void {
    if (!this.configured || this.closed) return;
    const previous = this.current;
    // Its worker is terminated now, not when the new load ends: the data is not held twice.
    void previous?.engine.close();
    const engine = this.deps.createEngine();
    const load: DataLoad = { engine, done: Promise.resolve(), error: null, macros: null };
    this.current = load;
    this.loading = true;
    load.done = this.fill(load).finally(() => {
      if (this.current === load) this.loading = false;
    });
  }

  /**
   * The finished load to run on, waiting for one under way (and for any that replaces it
   * meanwhile); null without data or once closed.
   */
  async loaded(): Promise<DataLoad | null> {
    // A client that never sent `initialized`: the first run starts the load.
    if (!this.current) this.load();
    for (;;) {
      const load = this.current;
      if (!load) return null;
      await load.done;
      if (this.current === load) return load;
    }
  }

  /** True when `load` is no longer the data (a reload replaced it, or the server closed). */
  replaced(load: DataLoad): boolean {
    return this.current !== load;
  }

  /** True when a path is one of the data files or inside a data folder (not an index's). */
  isDataFile(path: string): boolean {
    return this.options.index === undefined && isInside(path, this.options.data);
  }

  async close(): Promise<void> {
    this.closed = true;
    const load = this.current;
    this.current = null;
    await load?.engine.close();
  }

  private async fill(load: DataLoad): Promise<void> {
    const { index, data } = this.options;
    const what = index !== undefined ? `index ${index}` : data.join(", ");
    const progress = await this.deps.progress().catch((): LoadProgress => ({ begin() {}, report() {}, done() {} }));
    progress.begin(index !== undefined ? "minispl: opening the index" : "minispl: loading the data", 0, what);
    try {
      const started = Date.now();
      let report: IngestReport | null = null;
      if (index !== undefined) {
        if (data.length > 0) this.deps.log(`warning: the data paths are ignored with an index (${data.join(", ")}): add them to the index with \`minispl index\``);
        await load.engine.openIndex(index);
      } else {
        report = await this.loadFiles(load, progress);
        if (!report) return;
      }
      const summary = await load.engine.storeSummary();
      if (this.replaced(load)) return;
      this.fields = summary.fields;
      const skipped = report?.skipped ?? [];
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      this.deps.log(`${index !== undefined ? "opened" : "loaded"} ${summary.events} event(s) from ${what} in ${seconds} s${skipped.length ? `; ${skipped.length} record(s) skipped` : ""}`);
      for (const s of skipped.slice(0, 10)) this.deps.log(`data: ${s.file}:${s.line}: ${s.reason}`);
      // Nothing read and something refused (a missing path is one): a run would only say "0 results".
      if (summary.events === 0 && skipped.length > 0) load.error = `cannot read the data (${what}): ${skipped.slice(0, 3).map((s) => `${s.file}: ${s.reason}`).join("; ")}`;
    } catch (e) {
      if (this.replaced(load)) return;
      load.error = `cannot ${index !== undefined ? "open the index" : "read the data"} (${what}): ${(e as Error).message}`;
      this.deps.log(load.error);
    } finally {
      progress.done();
    }
  }

  /** Each file in turn, the progress by bytes; null when a newer load (or close) took over. */
  private async loadFiles(load: DataLoad, progress: LoadProgress): Promise<IngestReport | null> {
    const total: IngestReport = { files: 0, events: 0, bytes: 0, byFormat: {}, skipped: [] };
    const files = expandDataPaths(this.options.data, total);
    const sizes = files.map((f) => statSync(f, { throwIfNoEntry: false })?.size ?? 0);
    const all = sizes.reduce((a, b) => a + b, 0);
    let done = 0;
    let shown = 0;
    for (const [i, file] of files.entries()) {
      if (this.replaced(load)) return null;
      const r = await load.engine.loadData([file]);
      if (r) {
        total.files += r.files;
        total.events += r.events;
        total.bytes += r.bytes;
        total.skipped.push(...r.skipped);
      }
      done += sizes[i] ?? 0;
      const percentage = all > 0 ? Math.floor((done * 100) / all) : 100;
      // One report per percent: a folder of 10,000 files is not 10,000 notifications.
      if (percentage > shown) {
        shown = percentage;
        progress.report(percentage, `${i + 1} of ${files.length} file(s), ${total.events} event(s)`);
      }
    }
    return this.replaced(load) ? null : total;
  }
}
