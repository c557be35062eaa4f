/**
 * The playground worker's detection jobs beyond a run: a notable's drilldowns over the session's
 * events, and a detection's tests over the dropped files named like their attack_data URLs'
 * files (each read again from the session's file system into its own store with the entry's
 * source/sourcetype, as `minispl test` loads attack data). The views are the server's (src/web/), so the app shows both alike.
 */
import type { Detection, EventStore, IngestOptions, MacroTable } from "../../src/index.js";
import { detectionTestViews, type AttackDataEntry, type AttackDataLoad } from "../../src/web/detection-tests.js";
import { drilldownViews } from "../../src/web/drilldown-run.js";
import { failedView } from "../../src/web/result-view.js";
import { plainDiagnostic } from "../../src/web/web-diagnostic.js";
import type { CellValue, SearchResultView } from "../src/client.js";

/** A search stops after this long (the Cancel button restarts the worker sooner). */
const TIMEOUT_MS = 120_000;

/** What the jobs need of the worker's session (engine-session.ts `context()`). */
export interface SessionContext {
  readonly store: EventStore;
  readonly macros: MacroTable;
  readonly tz: string;
  detection(file: string): Detection | null;
  /** The newest dropped file of that name read into a new store with `opts`; null when none was dropped. */
  loadDropped(name: string, opts: IngestOptions): AttackDataLoad | null;
}

const budget = { timeoutMs: TIMEOUT_MS, cancelledBy: "the Cancel button" };

export function drilldownsJob(s: SessionContext, file: string, fields: Readonly<Record<string, CellValue>>): SearchResultView {
  const det = s.detection(file);
  if (!det) return noDetection(file);
  const started = Date.now();
  const drilldowns = drilldownViews(det, fields, s.store, s.macros, { now: Math.floor(Date.now() / 1000), tz: s.tz, budget });
  return { ...failedView([], Date.now() - started), ok: true, drilldowns };
}

/** The file name each attack_data URL ends in (decoded), which the page looks for among the dropped files. */
export function attackDataName(url: string): string {
  const path = url.replace(/[?#].*$/, "");
  const last = path.slice(path.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function testsJob(s: SessionContext, file: string): SearchResultView {
  const det = s.detection(file);
  if (!det) return noDetection(file);
  const started = Date.now();
  const load = (a: AttackDataEntry): AttackDataLoad => {
    const name = attackDataName(a.data);
    const opts: IngestOptions = { ...(a.sourcetype ? { sourcetype: a.sourcetype } : {}), ...(a.source ? { source: a.source } : {}) };
    return s.loadDropped(name, opts) ?? { file: null, error: `not loaded: drop ${name} onto the page (the playground looks for attack data among the dropped files by name)` };
  };
  const tests = detectionTestViews(det, s.macros, load, { tz: s.tz, budget }, () => false);
  return { ...failedView([], Date.now() - started), ok: true, tests };
}

function noDetection(file: string): SearchResultView {
  return failedView([plainDiagnostic("bad-detection", `${file}: no such detection in the playground`)]);
}
