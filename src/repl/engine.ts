/**
 * The REPL's engine: the loaded events, macros and run options, and every operation a REPL line
 * can ask for, each answered as text (stdout part, stderr part). It is synchronous and runs
 * either in-process (unit tests, `minispl explain`) or inside a worker thread (worker-host.ts),
 * which is what lets Ctrl-C stop a search: the REPL sets the search's cancel flag (a
 * SharedArrayBuffer in the RunRequest), which the search's budget reads at its next check.
 */
import {
  BASE_FIELDS, DATAMODELS, EventStore, datasetView, expandDataPaths, findDataset, ingestStream, notLogsSummary, openIndex, renderDiagnostic, rootOf, runSearch,
  Table, type BudgetOptions, type EventInput, type ExecuteOptions, type IngestReport, type MacroTable, type StreamOptions,
} from "../index.js";
import { LoadedFiles } from "./loaded-files.js";
import { explainSearch } from "./explain.js";
import { renderResult, renderTable, REPL_MAX_EVENTS, shownRows } from "./table-render.js";

export type ReplFormat = "table" | "json" | "csv" | "ndjson";

export interface EngineSetup {
  readonly macros: MacroTable;
  /** tz, now, lookups, lookup writer, geoip: passed to every search. */
  readonly run: Omit<ExecuteOptions, "macros">;
  readonly ingest: StreamOptions;
  /** An index folder to search instead of loading files (`--index`); opening it reads only its manifest. */
  readonly index?: string;
  /** `--debug`: diagnostics of internal errors show their JavaScript stack. */
  readonly debug?: boolean;
  /** Each search's budget (--timeout, --max-rows, --max-memory), with the run's cancel flag; default the library's. */
  readonly budget?: (cancel: { cancelFlag?: Int32Array; cancelledBy?: string }) => BudgetOptions;
}

export interface Reply {
  readonly out: string;
  readonly err: string;
  readonly ok: boolean;
  /** Result rows of a search. */
  readonly rows?: number;
}

export interface RunRequest {
  readonly spl: string;
  readonly format: ReplFormat;
  readonly width: number;
  readonly color: boolean;
  /** A 4-byte SharedArrayBuffer the REPL sets (Atomics.store) to cancel this search (Ctrl-C). */
  readonly cancel?: SharedArrayBuffer;
}

/** Names the completer offers that depend on what was loaded. */
export interface EngineCatalog {
  readonly macros: readonly string[];
  readonly fields: readonly string[];
}

const PROGRESS_EVERY = 50_000;

export class LocalEngine {
  private readonly store: EventStore;
  private readonly loaded = new LoadedFiles();

  /** Throws when `setup.index` cannot be opened (the worker host reports it). */
  constructor(private readonly setup: EngineSetup) {
    this.store = setup.index !== undefined ? openIndex(setup.index).store : new EventStore();
  }

  /**
   * Adds the events of files or folders; `progress` gets a line every PROGRESS_EVERY events. A
   * file loaded before (the same real file, or the same content under another name) is not read
   * again, and the reply says so: `.load` of a folder twice no longer doubles its events.
   */
  load(paths: readonly string[], progress: (line: string) => void = () => {}): Reply {
    if (this.setup.index !== undefined) {
      return { out: "", err: `error: this session searches the index ${this.setup.index}; add files to it with \`minispl index <files> --out ${this.setup.index}\`\n`, ok: false };
    }
    let n = 0;
    const sink = {
      append: (e: EventInput) => {
        this.store.append(e);
        if (++n % PROGRESS_EVERY === 0) progress(`loading: ${n} events…`);
      },
    };
    const listing: IngestReport = { files: 0, events: 0, bytes: 0, byFormat: {}, skipped: [] };
    const again: string[] = [];
    const fresh = expandDataPaths(paths, listing, this.setup.ingest).filter((f) => {
      const why = this.loaded.admit(f);
      if (why !== null) again.push(`${f} (${why})`);
      return why === null;
    });
    const report = fresh.length > 0 ? ingestStream(sink, fresh, this.setup.ingest) : listing;
    if (report !== listing) this.store.compact();
    const skipped = [...(report === listing ? [] : listing.skipped), ...report.skipped];
    const lines = skipped.map((s) => `warning: ${s.file}:${s.line}: skipped record: ${s.reason}\n`);
    const notLogs = notLogsSummary([...(report === listing ? [] : listing.notLogs ?? []), ...(report.notLogs ?? [])]);
    if (notLogs) lines.push(`${notLogs}\n`);
    if (again.length > 0) lines.push(`${alreadyLoaded(again)}\n`);
    const extra = skipped.length ? `, ${skipped.length} record(s) skipped` : "";
    return { out: "", err: `${lines.join("")}loaded ${report.events} events from ${report.files} file(s)${extra} (${this.store.length} in total)\n`, ok: true };
  }

  run(req: RunRequest): Reply {
    const cancel = req.cancel ? { cancelFlag: new Int32Array(req.cancel), cancelledBy: "Ctrl-C" } : {};
    const budget = this.setup.budget ? this.setup.budget(cancel) : cancel;
    // A table of events shows at most REPL_MAX_EVENTS: one more is fetched to know that more follow.
    const eventsLimit = req.format === "table" ? { eventsLimit: REPL_MAX_EVENTS + 1 } : {};
    const result = runSearch(req.spl, this.store, { ...this.setup.run, macros: this.setup.macros, name: "query", budget, ...eventsLimit });
    const err = result.diagnostics.map((d) => `${renderDiagnostic(d, result.sources, { color: req.color, debug: this.setup.debug === true })}\n`).join("");
    if (!result.table) return { out: "", err, ok: false };
    const shown = { ...req, cut: req.format === "table", ...(this.setup.run.tz !== undefined ? { tz: this.setup.run.tz } : {}) };
    return { out: renderResult(result.table, result.commands, shown), err, ok: true, rows: shownRows(result.table, result.commands, req.format) };
  }

  explain(spl: string, color: boolean): Reply {
    const e = explainSearch(spl, { macros: this.setup.macros, color });
    return { out: e.text, err: e.diagnostics, ok: e.ok };
  }

  /** `.macros [filter]`: name(arity) = definition, filtered by a substring of the name. */
  macros(filter: string): Reply {
    const defs = this.setup.macros.values().filter((d) => d.name.toLowerCase().includes(filter.toLowerCase()));
    defs.sort((a, b) => a.name.localeCompare(b.name));
    const lines = defs.map((d) => `${d.name}${d.args.length ? `(${d.args.join(", ")})` : ""} = ${d.definition.replace(/\s*\n\s*/g, " ")}`);
    return { out: lines.length ? `${lines.join("\n")}\n` : "", err: lines.length ? "" : `no macro matches "${filter}"\n`, ok: true };
  }

  /** `.fields`: the loaded events' fields with counts; `.fields Model.Dataset`: the dataset's fields with counts. */
  fields(dataset: string, width: number, color: boolean): Reply {
    const opts = { width, color };
    if (dataset === "") {
      const rows = this.store.fieldNames().sort().map((field) => ({ field, events: countPresent(this.store, field) }));
      return { out: rows.length ? `${renderTable(Table.fromRows(rows), opts)}\n` : "", err: `${this.store.length} events loaded\n`, ok: true };
    }
    const ds = findDataset(dataset);
    if (!ds) return { out: "", err: `error: unknown dataset "${dataset}" (.datamodels lists them)\n`, ok: false };
    const view = datasetView(this.store, ds);
    const prefix = `${rootOf(ds).name}.`;
    const rows = [...BASE_FIELDS.map((f) => ({ field: f, type: f === "_time" ? "time" : "string" })), ...view.fields.map((f) => ({ field: `${prefix}${f.name}`, type: f.type }))];
    return { out: `${renderTable(Table.fromRows(rows), opts)}\n`, err: `${view.rows.length} of the loaded events are in ${ds.model}.${ds.name}\n`, ok: true };
  }

  /**
   * `.datamodels`: every dataset with the number of loaded events in it, the count `| tstats count
   * from datamodel=<Model.Dataset>` gives (both read the same dataset view).
   */
  datamodels(width: number, color: boolean): Reply {
    const rows = DATAMODELS.flatMap((m) =>
      m.datasets.map((d) => ({ dataset: `${m.name}.${d.name}`, events: datasetView(this.store, d).rows.length, parent: d.parent ?? "" })),
    );
    const out = renderTable(Table.fromRows(rows), { width, color });
    return { out: `${out}\n`, err: `${this.store.length} events loaded\n`, ok: true };
  }

  catalog(): EngineCatalog {
    return { macros: [...new Set(this.setup.macros.values().map((d) => d.name))], fields: this.store.fieldNames() };
  }
}

/** How many names the "already loaded" line lists. */
const LISTED = 5;

function alreadyLoaded(files: readonly string[]): string {
  const more = files.length > LISTED ? `, … (${files.length - LISTED} more)` : "";
  return `skipped ${files.length} file(s) already loaded: ${files.slice(0, LISTED).join(", ")}${more}`;
}

function countPresent(store: EventStore, field: string): number {
  let n = 0;
  for (let i = 0; i < store.length; i++) if (store.value(i, field) !== null) n++;
  return n;
}

