/**
 * `minispl repl`: the interactive SPL prompt (src/repl/). The engine (events, macros, lookups)
 * runs in a worker thread so that the prompt stays responsive and Ctrl-C can stop a search (its
 * cancel flag first, terminating the worker only if that fails: engine-client.ts); this same
 * file is the worker's entry point (it serves the engine when started with ROLE in workerData),
 * which keeps the worker's file IO (macros, lookups, GeoIP) with the rest of the CLI's.
 */
import { existsSync } from "node:fs";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { LocalEngine, type Reply } from "../repl/engine.js";
import { WorkerEngine } from "../repl/engine-client.js";
import { HistoryFile, historyPath } from "../repl/history.js";
import { Repl, type ReplIo } from "../repl/repl.js";
import { runTerminal } from "../repl/terminal.js";
import { serveEngine } from "../repl/worker-host.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import { geoipOptions } from "./geoip.js";
import { loadMacros } from "./load-files.js";
import { lookupOptions } from "./lookups.js";
import { memoryCsvFolder } from "../index.js";
import { diskCsvFolder, isCsvDir } from "./csv-dir.js";
import { cliSavedSearches } from "./saved-searches.js";
import type { CommonOptions } from "./options.js";

const ROLE = "minispl-repl-engine";

export interface ReplOptions extends CommonOptions {
  time?: boolean;
}


export async function replCommand(opts: ReplOptions): Promise<number> {
  const missing = opts.data.filter((p) => !existsSync(p));
  for (const p of missing) process.stderr.write(`error: --data ${p}: no such file or directory\n`);
  if (missing.length > 0) return EXIT.input;
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const io: ReplIo = {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    width: () => (process.stdout.isTTY ? (process.stdout.columns ?? 120) : Number.POSITIVE_INFINITY),
  };
  const engine = new WorkerEngine(() => new Worker(new URL(import.meta.url), { workerData: { role: ROLE, opts: { ...opts } } }));
  const init = await engine.init();
  if (init.err) io.err(init.err);
  if (!init.ok) {
    await engine.close();
    return EXIT.input;
  }
  const repl = new Repl(engine, io, { format: opts.format, time: opts.time ?? terminal, debug: opts.debug === true });
  if (opts.data.length > 0) await repl.load(opts.data.join(" "));
  else await repl.refreshCatalog();
  if (terminal && !opts.quiet) io.err("minispl repl: type an SPL search, .help for help, .exit or Ctrl-D to leave\n");
  await runTerminal(repl, engine, io, { input: process.stdin, output: process.stdout, terminal, history: new HistoryFile(terminal ? historyPath() : null, (m) => io.err(`warning: ${m}\n`)) });
  await engine.close();
  return EXIT.ok;
}

/** In the worker: reads macro, lookup and GeoIP files and builds the engine (warnings in the reply). */
function makeEngine(opts: ReplOptions): { engine: LocalEngine | null; reply: Reply } {
  let err = "";
  const say = (s: string) => void (err += s);
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) say(`warning: ${e}\n`);
  const lookups = lookupOptions(opts.lookups, say, { followSymlinks: opts.followSymlinks === true });
  const geoip = lookups ? geoipOptions(opts.geoip, say, opts.quiet) : null;
  if (!lookups || !geoip) return { engine: null, reply: { out: "", err, ok: false } };
  if (opts.csvDir !== undefined && !isCsvDir(opts.csvDir)) return { engine: null, reply: { out: "", err: `${err}error: --csv-dir ${opts.csvDir}: no such folder\n`, ok: false } };
  // One CSV folder and one saved-search set for the whole session: outputcsv then inputcsv works across prompts.
  const csv = opts.csvDir !== undefined ? diskCsvFolder(opts.csvDir) : memoryCsvFolder({}, "memory for this session (no --csv-dir folder)");
  const savedSearches = cliSavedSearches([], opts.detections ?? [], macros.table, { followSymlinks: opts.followSymlinks === true });
  const run = { tz: opts.tz, ...lookups, ...geoip, csv, savedSearches, ...(opts.now !== undefined ? { now: opts.now } : {}) };
  const ingest = { ...(opts.sourcetype ? { sourcetype: opts.sourcetype } : {}), ...(opts.source ? { source: opts.source } : {}), ...(opts.followSymlinks ? { followSymlinks: true } : {}) };
  try {
    const budget = (cancel: { cancelFlag?: Int32Array; cancelledBy?: string }) => cliBudget(opts, cancel);
    const engine = new LocalEngine({ macros: macros.table, run, ingest, budget, debug: opts.debug === true, ...(opts.index !== undefined ? { index: opts.index } : {}) });
    if (opts.index !== undefined && !opts.quiet) say(`opened index ${opts.index}\n`);
    return { engine, reply: { out: "", err, ok: true } };
  } catch (e) {
    return { engine: null, reply: { out: "", err: `${err}error: --index ${(e as Error).message}\n`, ok: false } };
  }
}

const data = workerData as { role?: string; opts?: ReplOptions } | null;
if (!isMainThread && parentPort && data?.role === ROLE && data.opts) {
  const opts = data.opts;
  serveEngine(parentPort, () => makeEngine(opts), { debug: opts.debug === true });
}
