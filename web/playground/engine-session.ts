/**
 * The engine in the browser: one EventStore with the built-in samples and the dropped files, the
 * built-in macros, and the same views `minispl web` answers with (src/web/: language services,
 * explain, result and detection views), so the app cannot tell it from the server. Synchronous;
 * engine-worker.ts runs it off the page's thread.
 */
import {
  builtinMacros, EventStore, ingestText, parseDetection, runnableSearch, runSearch, withFilterMacro,
  type Detection, type IngestOptions, type IngestReport, type MacroTable,
} from "../../src/index.js";
import { ingestEvtxBytes } from "../../src/adapters/evtx/ingest-evtx.js";
import { hasEvtxMagic } from "../../src/adapters/evtx/file-header.js";
import { tagFile } from "../../src/adapters/file-field.js";
import { emptyReport } from "../../src/adapters/types.js";
import { withDefaultFilters } from "../../src/web/default-filters.js";
import { detectionView } from "../../src/web/detection-view.js";
import { explainText } from "../../src/web/explain.js";
import { LanguageServices } from "../../src/web/language.js";
import { failedView, resultView } from "../../src/web/result-view.js";
import { plainDiagnostic } from "../../src/web/web-diagnostic.js";
import type { SearchResultView, WebCompletion, WebDiagnostic, WebExplanation, WebHover, WebInfo } from "../src/client.js";
import type { DroppedFile, LoadReport } from "./protocol.js";

/** A search stops after this long (the Cancel button restarts the worker sooner). */
const TIMEOUT_MS = 120_000;
const SHOWN_SKIPS = 5;
const UTF8 = new TextDecoder("utf-8", { fatal: false });

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

  constructor(samples: readonly Sample[], detections: readonly { file: string; yaml: string }[], private readonly tz = "UTC") {
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

  search(text: string): SearchResultView {
    return this.run(text, withDefaultFilters(text, this.macros), null);
  }

  /** A detection (by the file name `info` listed) as `minispl detect` runs it. */
  detection(file: string): SearchResultView {
    const det = this.detections.get(file);
    if (!det) return failedView([plainDiagnostic("bad-detection", `${file}: no such detection in the playground`)]);
    return this.run(runnableSearch(det.search), withFilterMacro(det, this.macros), det);
  }

  private run(spl: string, macros: MacroTable, det: Detection | null): SearchResultView {
    const started = Date.now();
    const now = Math.floor(Date.now() / 1000);
    const result = runSearch(spl, this.store, { macros, name: "query", tz: this.tz, now, budget: { timeoutMs: TIMEOUT_MS, cancelledBy: "the Cancel button" } });
    const view = resultView(result, this.tz, Date.now() - started);
    return det && view.ok ? { ...view, detection: detectionView(det, result, now) } : view;
  }

  private addOne(f: DroppedFile): LoadReport {
    const bytes = new Uint8Array(f.bytes);
    const file = `dropped/${f.name}`;
    const opts: IngestOptions = {};
    let report: IngestReport;
    if (bytes.length >= 8 && hasEvtxMagic(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))) {
      report = emptyReport();
      const store = this.store;
      ingestEvtxBytes({ append: (e) => store.append(tagFile(e, file)) }, bytes, file, opts, report);
      report.byFormat.evtx ??= 0;
    } else {
      report = ingestText(this.store, UTF8.decode(bytes), file, opts);
    }
    this.note(report);
    const format = Object.keys(report.byFormat).join(", ") || "unrecognised";
    return {
      file: f.name, format, events: report.events, skippedCount: report.skipped.length,
      skipped: report.skipped.slice(0, SHOWN_SKIPS).map((s) => `${s.file}:${s.line}: ${s.reason}`),
    };
  }

  private note(r: IngestReport): void {
    for (const s of r.skipped.slice(0, SHOWN_SKIPS)) this.warnings += `warning: ${s.file}:${s.line}: ${s.reason}\n`;
  }
}
