/**
 * What the page and the playground's engine worker say to each other: one request, one answer,
 * matched by id. Dropped files travel as bytes (transferred, not copied); the worker decides the
 * format from the content, as `minispl ingest` does.
 */
import type { CellValue, RowsPage, SearchResultView, WebCompletion, WebDiagnostic, WebExplanation, WebHover, WebInfo } from "../src/client.js";

export interface DroppedFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** What loading one dropped file gave. */
export interface LoadReport {
  readonly file: string;
  readonly format: string;
  readonly events: number;
  /** Skipped records, as `file:line: reason` (the first few). */
  readonly skipped: readonly string[];
  readonly skippedCount: number;
}

export type EngineRequest =
  | { readonly op: "info" }
  | { readonly op: "add"; readonly files: readonly DroppedFile[] }
  | { readonly op: "diagnostics"; readonly text: string }
  | { readonly op: "complete"; readonly text: string; readonly offset: number }
  | { readonly op: "hover"; readonly text: string; readonly offset: number }
  | { readonly op: "explain"; readonly text: string }
  /** `key`: the job's id, under which the worker keeps the result's table for `rows`. */
  | { readonly op: "search"; readonly text: string; readonly key: string }
  | { readonly op: "detection"; readonly file: string; readonly key: string }
  | { readonly op: "rows"; readonly key: string; readonly offset: number; readonly count: number }
  | { readonly op: "drilldowns"; readonly file: string; readonly fields: Readonly<Record<string, CellValue>> }
  /** The tests, over the dropped files named like their attack data (kept in the worker). */
  | { readonly op: "tests"; readonly file: string };

export interface EngineAnswers {
  info: WebInfo;
  add: LoadReport[];
  diagnostics: WebDiagnostic[];
  complete: WebCompletion;
  hover: WebHover | null;
  explain: WebExplanation;
  search: SearchResultView;
  detection: SearchResultView;
  /** null: the result is no longer kept (a newer one replaced it, or Cancel restarted the worker). */
  rows: RowsPage | { readonly error: string } | null;
  drilldowns: SearchResultView;
  tests: SearchResultView;
}

export type WorkerMessage = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: string };
