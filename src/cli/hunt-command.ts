/**
 * `minispl hunt <logs>... | --index <dir>`: runs every selected ESCU detection over the logs
 * (worker threads on every core, a progress bar on a terminal), then prints a summary (detections
 * fired, top risk objects, one line per detection that could not run) and writes the timeline
 * (`--timeline out.csv|.jsonl`), the HTML report (`--report`) and the ATT&CK Navigator layer
 * (`--navigator`). The hunt itself is src/hunt/ (README there).
 *
 * This file is also the entry point of the hunt's worker threads (started with ROLE in
 * workerData): each opens the same events (the index, or the --data cache the main thread has
 * brought up to date) and serves the pool's searches and drilldowns. With `--backend chdb` or
 * `clickhouse://…` (issue 13) the hunt runs in this thread, each detection's pushable prefix on the
 * backend (run-on-backend.ts); drilldowns run in memory.
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { SingleBar } from "cli-progress";
import {
  DEFAULT_RISK_RULES, navigatorLayer, parseDetection, renderReport, riskByObject, riskEventInput, runDrilldowns, runHunt, runnableSearch, runSearch, runSearchOnBackend,
  selectDetections, timelineFormat, timelineRows, withFilterMacro, WorkerPool, writeHuntSummary, huntSummaryJson, writeTimeline,
  type Detection, type HuntExecutor, type PoolRequest, type RiskEvent, type RiskRules, type Value, type HuntSearchOutcome, type RunResult, type SqlBackend,
} from "../index.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import { listFiles, listingWarning } from "./load-files.js";
import type { CommonOptions } from "./options.js";
import { internalMessage } from "./report-internal.js";
import { prepareRun, type RunContext } from "./run-context.js";
import { closeSearchBackend, openSearchBackend, printDiagnostics, type Io } from "./session.js";

export interface HuntCommandOptions extends CommonOptions {
  detections: string[];
  /** Comma-separated statuses, or "all" (default production). */
  status: string;
  mitre?: string;
  minRisk?: number;
  timeline?: string;
  report?: string;
  navigator?: string;
  jobs?: number;
  riskThreshold?: number;
  tacticThreshold?: number;
  /** Notables per detection whose drilldowns run (default 3). */
  drilldowns?: number;
}

const ROLE = "minispl-hunt-worker";

export async function huntCommand(logs: readonly string[], opts: HuntCommandOptions, io: Io): Promise<number> {
  const o: HuntCommandOptions = { ...opts, data: [...logs, ...opts.data] };
  if (o.data.length === 0 && o.index === undefined) return usage(io, "give the log files or folders to hunt in, or --index <dir>");
  if (o.detections.length === 0) return usage(io, "give the detections to run with --detections <dir> (e.g. an ESCU checkout's detections/)");
  const loaded = readDetections(o, io);
  const selected = selectDetections(loaded.detections, {
    status: o.status.split(","), ...(o.mitre ? { mitre: o.mitre.split(",") } : {}), ...(o.minRisk !== undefined ? { minRisk: o.minRisk } : {}),
  });
  if (!o.quiet) io.err(`${selected.length} of ${loaded.detections.length} detection(s) selected${loaded.notDetections ? ` (${loaded.notDetections} YAML file(s) that are not detections skipped)` : ""}\n`);
  const local = new HuntSession(selected, o, io);
  if (!local.run) return EXIT.input;
  const backend = await openSearchBackend(o, io);
  if (backend === undefined) return EXIT.input;
  local.backend = backend;
  // --no-cache would load every event again in each thread: hunt in this one instead; so does a
  // backend (one connection, and ClickHouse does the parallel work).
  const jobs = backend || (o.index === undefined && o.cache === false) ? 1 : Math.max(1, Math.min(o.jobs ?? availableParallelism(), selected.length));
  const pool = jobs > 1 ? new WorkerPool(jobs, () => new Worker(new URL(import.meta.url), { workerData: { role: ROLE, opts: { ...o, quiet: true }, files: selected.map((d) => d.file) } })) : null;
  const bar = io.color && !o.quiet ? progressBar() : null;
  try {
    const run = await runHunt(selected, pool ?? local.executor(), { ...(o.now !== undefined ? { now: o.now } : {}), maxDrilldowns: o.drilldowns ?? 3, ...(bar ? { progress: bar.update } : {}) });
    bar?.stop();
    const rules: RiskRules = { ...DEFAULT_RISK_RULES, ...(o.riskThreshold !== undefined ? { scoreThreshold: o.riskThreshold } : {}), ...(o.tacticThreshold !== undefined ? { tacticThreshold: o.tacticThreshold } : {}) };
    const risk = riskByObject(run.riskEvents, rules);
    const inputs = o.index !== undefined ? `--index ${o.index}` : o.data.join(" ");
    if (o.timeline) toFile(o.timeline, (w) => writeTimeline(timelineRows(run), timelineFormat(o.timeline as string), w));
    if (o.report) toFile(o.report, (w) => renderReport({ run, risk, rules, inputs, generated: Math.floor(Date.now() / 1000) }, w));
    if (o.navigator) toFile(o.navigator, (w) => w(`${JSON.stringify(navigatorLayer(run), null, 2)}\n`));
    if (o.format === "json") io.out(`${JSON.stringify({ ...huntSummaryJson(run, risk), unreadable: loaded.unreadable }, null, 2)}\n`);
    else {
      writeHuntSummary(run, risk, io.out, io.width);
      for (const u of loaded.unreadable) io.out(`could not run: ${u.file}: ${u.reason}\n`);
    }
    for (const [flag, file] of [["timeline", o.timeline], ["report", o.report], ["navigator layer", o.navigator]] as const) if (file && !o.quiet) io.err(`wrote the ${flag} to ${file}\n`);
    return loaded.unreadable.length > 0 ? EXIT.input : EXIT.ok;
  } finally {
    bar?.stop();
    await pool?.close();
    await closeSearchBackend(backend, io);
  }
}

function usage(io: Io, message: string): number {
  io.err(`error: ${message}\n  = hint: run \`minispl hunt --help\` for its arguments and options\n`);
  return EXIT.spl;
}

/** Every detection YAML under --detections; YAML that is not a detection (macros, lookups, stories) is counted and skipped. */
function readDetections(o: HuntCommandOptions, io: Io): { detections: Detection[]; unreadable: { file: string; reason: string }[]; notDetections: number } {
  const files = listFiles(o.detections, [".yml", ".yaml"], listingWarning(io), { followSymlinks: o.followSymlinks === true });
  const detections: Detection[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  let notDetections = 0;
  for (const file of files) {
    try {
      const parsed = parseDetection(readFileSync(file, "utf8"), file);
      if (parsed.detection) detections.push(parsed.detection);
      else if (/needs string fields "name" and "search"/.test(parsed.diagnostics[0]?.message ?? "")) notDetections++;
      else unreadable.push({ file, reason: parsed.diagnostics[0]?.message ?? "unreadable" });
    } catch (e) {
      unreadable.push({ file, reason: internalMessage(e, "parsing") });
    }
  }
  return { detections, unreadable, notDetections };
}

/** Writes a file in chunks (a report over many results is never one string). */
function toFile(path: string, body: (write: (s: string) => void) => void): void {
  const fd = openSync(path, "w");
  try {
    body((s) => writeSync(fd, s));
  } finally {
    closeSync(fd);
  }
}

function progressBar(): { update(done: number, total: number, phase: string): void; stop(): void } {
  const bar = new SingleBar({ format: "hunting [{bar}] {value}/{total} {phase}", stream: process.stderr, hideCursor: true, clearOnComplete: true });
  let current = "";
  let started = false;
  return {
    update(done, total, phase) {
      if (phase !== current) {
        if (started) bar.stop();
        bar.start(total, done, { phase });
        [current, started] = [phase, true];
      } else bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** The events, macros and lookups of one thread, and the selected detections' searches over them. */
class HuntSession {
  readonly run: RunContext | null;
  /** `--backend` (this thread only: the hunt then has no workers); null: every step in memory. */
  backend: SqlBackend | null = null;

  constructor(private readonly detections: readonly Detection[], private readonly opts: HuntCommandOptions, private readonly io: Io) {
    this.run = prepareRun(opts, io);
  }

  search(i: number): HuntSearchOutcome {
    const d = det(this.detections, i);
    return this.outcome(Date.now(), () => this.runSpl(runnableSearch(d.search), (this.run as RunContext).store, d, `${d.file} (search)`, this.opts.now));
  }

  /** A detection's search with its pushable prefix on the backend. */
  async searchOn(backend: SqlBackend, i: number): Promise<HuntSearchOutcome> {
    const d = det(this.detections, i);
    const run = this.run as RunContext;
    const start = Date.now();
    let r: RunResult;
    try {
      r = await runSearchOnBackend(runnableSearch(d.search), run.store, backend, {
        macros: withFilterMacro(d, run.macros.table), name: `${d.file} (search)`, tz: this.opts.tz, ...run.exec, budget: cliBudget(this.opts), ...(this.opts.now !== undefined ? { now: this.opts.now } : {}),
      });
      if (this.opts.debug) printDiagnostics(r.diagnostics, r, this.io, this.opts);
    } catch (e) {
      return { rows: null, error: internalMessage(e, "running"), ms: Date.now() - start };
    }
    return this.outcome(start, () => r);
  }

  private outcome(start: number, result: () => RunResult): HuntSearchOutcome {
    try {
      const r = result();
      const err = r.diagnostics.find((d) => d.severity === "error");
      return r.table && !err ? { rows: r.table.rows(), ms: Date.now() - start } : { rows: null, error: err?.message ?? "the search did not run", ms: Date.now() - start };
    } catch (e) {
      return { rows: null, error: internalMessage(e, "running"), ms: Date.now() - start };
    }
  }

  addRiskEvents(events: readonly RiskEvent[]): void {
    for (const ev of events) this.run?.store.append(riskEventInput(ev));
  }

  drilldowns(i: number, row: Record<string, Value>, now: number): ReturnType<typeof runDrilldowns> {
    const det = this.detections[i] as Detection;
    const store = (this.run as RunContext).store;
    try {
      return runDrilldowns(det, row, store, (spl, st, d, label) => this.runSpl(spl, st, d, label, now), { now, tz: this.opts.tz });
    } catch {
      return [];
    }
  }

  /** This thread as the hunt's executor (one search at a time). */
  executor(): HuntExecutor {
    return {
      search: async (i) => (this.backend ? this.searchOn(this.backend, i) : this.search(i)),
      addRiskEvents: async (evs) => this.addRiskEvents(evs),
      drilldowns: async (i, row, now) => this.drilldowns(i, row, now),
    };
  }

  private runSpl(spl: string, store: RunContext["store"], det: Detection, label: string, now?: number): ReturnType<typeof runSearch> {
    const run = this.run as RunContext;
    const r = runSearch(spl, store, { macros: withFilterMacro(det, run.macros.table), name: label, tz: this.opts.tz, ...run.exec, budget: cliBudget(this.opts), ...(now !== undefined ? { now } : {}) });
    if (this.opts.debug) printDiagnostics(r.diagnostics, r, this.io, this.opts);
    return r;
  }
}

function det(detections: readonly Detection[], i: number): Detection {
  return detections[i] as Detection;
}

const data = workerData as { role?: string; opts?: HuntCommandOptions; files?: string[] } | null;
if (!isMainThread && parentPort && data?.role === ROLE && data.opts && data.files) {
  const port = parentPort;
  const opts = data.opts;
  const quietIo: Io = { out: () => {}, err: (s) => void (opts.debug ? process.stderr.write(s) : undefined), color: false, width: Number.POSITIVE_INFINITY };
  const detections = data.files.map((f) => parseDetection(readFileSync(f, "utf8"), f).detection as Detection);
  const session = new HuntSession(detections, opts, quietIo);
  port.on("message", (m: PoolRequest) => {
    if (m.op === "search") port.postMessage({ id: m.id, result: session.search(m.detection) });
    else if (m.op === "risk") port.postMessage({ id: m.id, result: session.addRiskEvents(m.events) });
    else port.postMessage({ id: m.id, result: session.drilldowns(m.detection, m.row, m.now) });
  });
}
