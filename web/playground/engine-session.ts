/**
 * The engine in the browser: one EventStore with the built-in samples and the dropped files, the
 * built-in macros, and the same views `minispl web` answers with (src/web/: language services,
 * explain, result and detection views), so the app cannot tell it from the server. Synchronous;
 * engine-worker.ts runs it off the page's thread.
 */
import {
  builtinMacros, EventStore, ingestPaths, ingestText, parseDetection, runnableSearch, runSearch, withFilterMacro,
  type Detection, type IngestOptions, type IngestReport, type MacroTable,
} from "../../src/index.js";
import { browserPlatform, type BrowserPlatform } from "../../src/platform/browser-platform.js";
import { usePlatform } from "../../src/platform/platform.js";
import { withDefaultFilters } from "../../src/web/default-filters.js";
import { detectionView } from "../../src/web/detection-view.js";
import { explainText } from "../../src/web/explain.js";
import { LanguageServices } from "../../src/web/language.js";
import { KeptResults } from "../../src/web/kept-results.js";
import { failedView, resultView } from "../../src/web/result-view.js";
import { plainDiagnostic } from "../../src/web/web-diagnostic.js";
import type { SearchResultView, WebCompletion, WebDiagnostic, WebExplanation, WebHover, WebInfo } from "../src/client.js";
import type { DroppedFile, LoadReport } from "./protocol.js";
import type { SessionContext } from "./session-jobs.js";

/** A search stops after this long (the Cancel button restarts the worker sooner). */
const TIMEOUT_MS = 120_000;
const SHOWN_SKIPS = 5;

export interface Sample {
  readonly name: string;
  readonly text: string;
}

export class EngineSession {
  private readonly store = new EventStore();
  private readonly macros: MacroTable = builtinMacros();
  private readonly language: LanguageServices;
  private readonly detections = new Map<string, Detection>();
  private warnings = "";
  /** A dropped file's name → the newest file of that name in the session's file system. */
  private readonly dropped = new Map<string, string>();
  /** The newest results' tables, for paging (`rows` requests). */
  readonly kept = new KeptResults();

  /**
   * `platform`: where dropped files are kept and read (the worker passes the engine's own, the
   * browser platform; tests a fresh one). Installed only while a file is read.
   */
  constructor(
    samples: readonly Sample[],
    detections: readonly { file: string; yaml: string }[],
    private readonly tz = "UTC",
    readonly platform: BrowserPlatform = browserPlatform(),
  ) {
    for (const s of samples) this.note(ingestText(this.store, s.text, s.name, {}));
    for (const d of detections) {
      const parsed = parseDetection(d.yaml, d.file).detection;
      if (parsed) this.detections.set(d.file, parsed);
      else this.warnings += `warning: ${d.file}: not a detection\n`;
    }
    this.language = new LanguageServices(this.macros, this.store.fieldNames());
  }

  info(): WebInfo {
    return {
      ok: true,
      events: this.store.length,
      fields: this.store.fieldNames(),
      macros: [...new Set(this.macros.values().map((m) => m.name))].sort(),
      detections: [...this.detections].map(([file, d]) => ({ name: d.name, file })),
      warnings: this.warnings,
    };
  }

  /** Adds dropped files: EVTX by its signature, anything else as text (format from the content). */
  add(files: readonly DroppedFile[]): LoadReport[] {
    const out = files.map((f) => this.addOne(f));
    this.language.setFields(this.store.fieldNames());
    return out;
  }

  diagnostics(text: string): WebDiagnostic[] {
    return this.language.diagnostics(text);
  }

  complete(text: string, offset: number): WebCompletion {
    return this.language.complete(text, offset);
  }

  hover(text: string, offset: number): WebHover | null {
    return this.language.hover(text, offset);
  }

  explain(text: string): WebExplanation {
    return explainText(text, this.macros);
  }

  /** `key`: the job's id, under which the result's table is kept for paging. */
  search(text: string, key = ""): SearchResultView {
    return this.run(text, withDefaultFilters(text, this.macros), null, key);
  }

  /** A detection (by the file name `info` listed) as `minispl detect` runs it. */
  detection(file: string, key = ""): SearchResultView {
    const det = this.detections.get(file);
    if (!det) return failedView([plainDiagnostic("bad-detection", `${file}: no such detection in the playground`)]);
    return this.run(runnableSearch(det.search), withFilterMacro(det, this.macros), det, key);
  }

  /** What the drilldowns and tests jobs need (session-jobs.ts). */
  context(): SessionContext {
    return {
      store: this.store, macros: this.macros, tz: this.tz,
      detection: (file) => this.detections.get(file) ?? null,
      loadDropped: (name, opts) => {
        const path = this.dropped.get(name);
        if (path === undefined) return null;
        const store = new EventStore();
        const report = this.read(store, path, opts);
        return { file: name, store, events: report.events, skipped: report.skipped };
      },
    };
  }

  private run(spl: string, macros: MacroTable, det: Detection | null, key: string): SearchResultView {
    const started = Date.now();
    const now = Math.floor(Date.now() / 1000);
    const result = runSearch(spl, this.store, { macros, name: "query", tz: this.tz, now, budget: { timeoutMs: TIMEOUT_MS, cancelledBy: "the Cancel button" } });
    const view = resultView(result, this.tz, Date.now() - started);
    if (key && result.table && view.ok) this.kept.keep(key, result.table, view.fields, this.tz);
    return det && view.ok ? { ...view, detection: detectionView(det, result, now) } : view;
  }

  /**
   * A dropped file goes into the session's in-memory file system (`/dropped/<name>`) and is read
   * from there exactly as `--data <file>` reads a file on disk: the format from the content (EVTX
   * by its signature, XML, JSON, CSV…), gzip, zip and tar opened in place, the same limits and
   * damage reports. A second file of the same name becomes `name (2)`.
   */
  private addOne(f: DroppedFile): LoadReport {
    const fs = this.platform.fs;
    let name = f.name.replace(/[\\/]/g, "_") || "unnamed";
    for (let n = 2; fs.exists(`/dropped/${name}`); n++) name = `${f.name} (${n})`;
    const path = fs.add(`/dropped/${name}`, new Uint8Array(f.bytes));
    this.dropped.set(f.name, path);
    const report = this.read(this.store, path, {});
    this.note(report);
    const format = Object.keys(report.byFormat).join(", ") || "unrecognised";
    return {
      file: name, format, events: report.events, skippedCount: report.skipped.length,
      skipped: report.skipped.slice(0, SHOWN_SKIPS).map((s) => `${s.file}:${s.line}: ${s.reason}`),
    };
  }

  /** Reads a file of the session's file system into `store` (with the platform installed only meanwhile). */
  private read(store: EventStore, path: string, opts: IngestOptions): IngestReport {
    const restore = usePlatform(this.platform);
    try {
      return ingestPaths(store, [path], opts);
    } finally {
      restore();
    }
  }

  private note(r: IngestReport): void {
    for (const s of r.skipped.slice(0, SHOWN_SKIPS)) this.warnings += `warning: ${s.file}:${s.line}: ${s.reason}\n`;
  }
}
