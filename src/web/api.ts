/**
 * What the web UI and the engine say to each other: the JSON shapes of `minispl web`'s HTTP API
 * and the one client interface the single-page app (web/) uses. The app sees the engine only
 * through `EngineClient`; web/src/http-client.ts implements it over this server's API, and the
 * playground (web/playground/worker-client.ts) in the browser. Types only: the app
 * imports this file too, so it must stay free of Node imports.
 */

/** One diagnostic as the editor shows it (the shape of src/editor's EditorDiagnostic). */
export interface WebDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly message: string;
  readonly hints: readonly string[];
  readonly backtrace: readonly string[];
  /** As the CLI prints it (caret, hints, macro backtrace), without colour. */
  readonly rendered: string;
}

export interface WebCompletionItem {
  readonly label: string;
  readonly kind: "command" | "function" | "aggregate" | "macro" | "field" | "datamodel" | "keyword";
  readonly detail?: string;
  readonly doc?: string;
  readonly insert?: string;
}

export interface WebCompletion {
  readonly from: number;
  readonly items: readonly WebCompletionItem[];
}

export interface WebHover {
  readonly from: number;
  readonly to: number;
  readonly markdown: string;
}

/** What was loaded, for the header and the completions. */
export interface WebInfo {
  /** False when the engine could not load its inputs (`warnings` says why); searches then fail. */
  readonly ok: boolean;
  readonly events: number;
  readonly fields: readonly string[];
  readonly macros: readonly string[];
  /** Detections found under --detections / --escu (name and file), for the detections tab. */
  readonly detections: readonly { readonly name: string; readonly file: string }[];
  /** Warnings from loading (unreadable macro files, skipped records), as the CLI prints them. */
  readonly warnings: string;
}

/** A field of the results with its most frequent values (the events tab's sidebar). */
export interface FieldSummary {
  readonly field: string;
  /** Results that have the field. */
  readonly count: number;
  readonly distinct: number;
  readonly top: readonly { readonly value: string; readonly count: number }[];
}

/** One bar of the timeline: events whose _time is in [start, start + span). */
export interface TimelineBucket {
  readonly start: number;
  readonly count: number;
}

export type CellValue = null | string | number | boolean | readonly (string | number | boolean | null)[];

export interface SearchResultView {
  /** Result fields in order (`_time` and `_raw` first for events). */
  readonly fields: readonly string[];
  /** The first `rows.length` of `total` results; `_time` as Splunk Web shows it. */
  readonly rows: readonly Record<string, CellValue>[];
  /** Each shown row's `_time` in epoch seconds (null when it has none), for charts. */
  readonly times: readonly (number | null)[];
  readonly total: number;
  /** The search ends in events (events tab), else it made a table (statistics tab). */
  readonly events: boolean;
  /** The results can be drawn as lines: `_time` or a first column, then numeric series. */
  readonly chart: boolean;
  /** The tab Splunk opens for this result: events, a timechart/chart's visualization, else statistics. */
  readonly view: "events" | "statistics" | "visualization";
  readonly summary: readonly FieldSummary[];
  readonly timeline: { readonly span: number; readonly buckets: readonly TimelineBucket[] } | null;
  /** Warnings (and the error, when the search failed), rendered as the CLI does. */
  readonly diagnostics: readonly WebDiagnostic[];
  readonly ok: boolean;
  readonly elapsedMs: number;
  /** For a detection's run: its notables (one per result) and contentctl's verdict. */
  readonly detection?: DetectionRunView;
  /** For a drilldowns job: each drilldown of the notable, resolved and run (the view itself has no rows). */
  readonly drilldowns?: readonly DrilldownView[];
  /** For a tests job: each of the detection's tests with contentctl's verdict (no rows either). */
  readonly tests?: readonly DetectionTestView[];
}

/** Rows `offset` … `offset + rows.length - 1` of a finished job's `total` (GET /api/jobs/:id/rows). */
export interface RowsPage {
  readonly offset: number;
  readonly total: number;
  readonly rows: readonly Record<string, CellValue>[];
  readonly times: readonly (number | null)[];
}

/** One `drilldown_searches` entry resolved for a notable's row (src/notables) and run. */
export interface DrilldownView {
  /** The name with the row's tokens filled in. */
  readonly name: string;
  /** The search as it ran: `$field$` tokens replaced by the row's values. */
  readonly search: string;
  /** Its time window in epoch seconds (null: unbounded), from earliest_offset/latest_offset. */
  readonly earliest: number | null;
  readonly latest: number | null;
  /** What minispl did that Splunk might not (ignored terms, unreadable offsets). */
  readonly notes: readonly string[];
  /** Its rows (the first page) or its error (ok false, the diagnostic). */
  readonly result: SearchResultView;
}

/** One attack_data entry of a test: which local file it was, and what loading it gave. */
export interface AttackDataView {
  readonly url: string;
  /** The local file (server: a path; playground: a dropped file's name); null when not found. */
  readonly file: string | null;
  readonly events: number;
  /** "loaded", or why not (not found, ambiguous, unreadable). */
  readonly message: string;
}

/** A detection test as `minispl test` runs it: contentctl's verdict over the attack data. */
export interface DetectionTestView {
  readonly name: string;
  readonly status: "pass" | "fail" | "error";
  readonly rows: number;
  readonly message: string;
  readonly durationMs: number;
  readonly attackData: readonly AttackDataView[];
}

/** A notable as `minispl detect --notables` makes it (its drilldowns run on request: `runDrilldowns`). */
export interface WebNotable {
  readonly message: string;
  /** The result row as the engine has it (`_time` in epoch seconds): what a drilldown's tokens are filled from. */
  readonly fields: Readonly<Record<string, CellValue>>;
  readonly risk: readonly { readonly object: string; readonly type: string; readonly score: number; readonly message: string }[];
}

export interface DetectionRunView {
  readonly name: string;
  /** The detection's file as /api/info lists it (what runDrilldowns and runTests name). */
  readonly file: string;
  /** The search as it ran (prefixed as contentctl does), for the search bar. */
  readonly search: string;
  /** contentctl's pass criterion over the results: "pass", "fail"… and why. */
  readonly verdict: { readonly status: string; readonly message: string };
  readonly notables: readonly WebNotable[];
  /** The names of its `drilldown_searches` as written (tokens unfilled): what each notable can run. */
  readonly drilldowns: readonly string[];
  /** The names of its `tests:` (run with `runTests`). */
  readonly tests: readonly string[];
}

export type JobState = "queued" | "running" | "done" | "failed" | "cancelled";

/** A search's job, as polled: its state, how long it has run, and its result once done. */
export interface JobStatus {
  readonly id: string;
  readonly state: JobState;
  readonly elapsedMs: number;
  readonly result?: SearchResultView;
  /** Why it failed or stopped, when not as a diagnostic of the result (the engine crashed). */
  readonly error?: string;
}

export interface WebExplanation {
  /** The sections `minispl explain` prints (expanded, pipeline, plan). */
  readonly text: string;
  readonly diagnostics: readonly WebDiagnostic[];
  readonly ok: boolean;
  /** Grammar rules of the commands used, for the railroad diagram's anchors. */
  readonly commands: readonly string[];
}

/** Everything the app asks of the engine. */
export interface EngineClient {
  info(): Promise<WebInfo>;
  diagnostics(text: string): Promise<readonly WebDiagnostic[]>;
  complete(text: string, offset: number): Promise<WebCompletion>;
  hover(text: string, offset: number): Promise<WebHover | null>;
  explain(text: string): Promise<WebExplanation>;
  /** Starts a search; poll it with `job`, stop it with `cancel`. */
  startSearch(text: string): Promise<JobStatus>;
  job(id: string): Promise<JobStatus>;
  cancel(id: string): Promise<JobStatus>;
  /** Starts a detection (by file) as `detect` runs it; a job like a search's. */
  runDetection(file: string): Promise<JobStatus>;
  /** Runs a detection's drilldowns for one notable (its `fields`), as a job; the result's `drilldowns`. */
  runDrilldowns(file: string, fields: Readonly<Record<string, CellValue>>): Promise<JobStatus>;
  /** Runs a detection's tests over their attack data, as a job; the result's `tests`. */
  runTests(file: string): Promise<JobStatus>;
  /** A page of a finished job's rows (only the last few jobs' results are kept). */
  rows(id: string, offset: number, count: number): Promise<RowsPage>;
  /** The railroad diagram page's URL (null when the client has none). */
  railroadUrl(): Promise<string | null>;
}
