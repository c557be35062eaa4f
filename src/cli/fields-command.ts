/**
 * `minispl fields <dataset-or-sourcetype> --data <path>...`: which fields exist, how many events
 * carry each, and one example value. For a datamodel dataset (`Endpoint.Processes`) the fields
 * are the model's, addressed as tstats addresses them (`Processes.process_name`; `_time`, `host`,
 * `source`, `sourcetype` without prefix, cim-mapping.md §1.1) and counted over the dataset's rows;
 * anything else is taken as a sourcetype (case-insensitive) and lists the events' own fields.
 * The `from` column says where each field came from: for a dataset, `calculated (CIM)` or
 * `event field <name>`; for a sourcetype, what the events' `_raw` shows (`EventData X`,
 * `System X`, `JSON key`, `Message label`, `metadata`, else `add-on (search-time)`;
 * src/adapters/field-origin.ts), judged on the first few events that carry the field.
 */
import { existsSync } from "node:fs";
import { isStdinPath } from "./load-files.js";
import {
  BASE_FIELDS, BatchSink, datasetFieldOrigin, datasetView, EventStore, FieldOrigins, findDataset, ingestStream, rootOf, Table, uiTime, writeTextTable,
  type DatasetDef, type EventInput, type Value,
} from "../index.js";
import { EXIT } from "./exit-codes.js";
import { ingestOptions, type Io } from "./session.js";

export interface FieldsCommandOptions {
  data: string[];
  format: "table" | "json";
  sourcetype?: string;
  source?: string;
  /** `--mapping <file.yml>` for JSON-lines/CSV logs no adapter recognises (as search/detect). */
  mapping?: string;
  /** `--follow-symlinks` (walk-paths.ts). */
  followSymlinks?: boolean;
}

interface FieldStat {
  count: number;
  example: Value;
}

export function fieldsCommand(target: string, opts: FieldsCommandOptions, io: Io): number {
  if (opts.data.length === 0) {
    io.err("error: fields needs --data <path>...\n");
    return EXIT.spl;
  }
  // `-` and /dev/stdin are standard input (adapters/stdin-input.ts), not paths to check.
  const missing = opts.data.filter((p) => !isStdinPath(p) && !existsSync(p));
  for (const p of missing) io.err(`error: --data ${p}: no such file or directory\n`);
  if (missing.length > 0) return EXIT.input;
  const ds = findDataset(target);
  const stats = new Map<string, FieldStat>();
  let events = 0;
  const ingestOpts = ingestOptions(opts, io);
  if (!ingestOpts) return EXIT.input;
  const origins = new FieldOrigins();
  if (ds) {
    for (const name of fieldNames(ds)) stats.set(name, { count: 0, example: null });
    const batches = new BatchSink((store) => (events += datasetFields(store, ds, stats)));
    const report = ingestStream(batches, opts.data, ingestOpts);
    batches.flush();
    warnSkipped(report.skipped.length, io);
  } else {
    const want = target.toLowerCase();
    const report = ingestStream(
      {
        append(e: EventInput, format: string) {
          if (typeof e.fields.sourcetype !== "string" || e.fields.sourcetype.toLowerCase() !== want) return;
          events++;
          eventFields(e, stats);
          origins.observe(e, format);
        },
      },
      opts.data,
      ingestOpts,
    );
    warnSkipped(report.skipped.length, io);
  }
  const what = ds ? `datamodel dataset ${ds.model}.${ds.name}` : `sourcetype ${target}`;
  const from = (field: string): string => (ds ? (datasetFieldOrigin(ds, field) ?? "") : origins.origin(field));
  const rows = [...stats.entries()].map(([field, s]) => ({ field, count: s.count, example: s.example, from: from(field) }));
  if (!ds) rows.sort((a, b) => a.field.localeCompare(b.field));
  if (opts.format === "json") io.out(`${JSON.stringify({ target: what, events, fields: rows }, null, 2)}\n`);
  else {
    io.out(`${events} event${events === 1 ? "" : "s"} in ${what}\n`);
    if (rows.length > 0) writeTextTable(Table.fromRows(rows), io.width, io.out);
  }
  return EXIT.ok;
}

/** Base fields first, then every field visible on the dataset (inherited first), prefixed. */
function fieldNames(ds: DatasetDef): string[] {
  const datasetFields = datasetView(new EventStore(), ds).fields.map((f) => `${rootOf(ds).name}.${f.name}`);
  return [...BASE_FIELDS, ...new Set(datasetFields)];
}

/** Adds one batch's dataset rows to the stats; returns how many rows the batch had. */
function datasetFields(store: EventStore, ds: DatasetDef, stats: Map<string, FieldStat>): number {
  const view = datasetView(store, ds);
  const prefix = `${rootOf(ds).name}.`;
  const n = view.rows.length;
  for (const [name, s] of stats) {
    if (name === "_time") {
      // As every printer shows _time (src/output/time-display.ts); `fields` has no --tz: UTC.
      if (n > 0 && s.example === null) s.example = uiTime(view.time(0), "UTC");
      s.count += n;
      continue;
    }
    const col = view.field(name.startsWith(prefix) ? name.slice(prefix.length) : name);
    if (!col) continue;
    for (let i = 0; i < n; i++) {
      const v = col.value(i);
      if (v === null) continue;
      s.count++;
      if (s.example === null) s.example = detach(v);
    }
  }
  return n;
}

function eventFields(e: EventInput, stats: Map<string, FieldStat>): void {
  const add = (name: string, v: Value): void => {
    const s = stats.get(name);
    if (s) s.count++;
    else stats.set(name, { count: 1, example: detach(v) });
  };
  add("_time", uiTime(e.time, "UTC"));
  for (const name in e.fields) {
    const v = e.fields[name];
    if (v !== undefined) add(name, typeof v === "string" ? v : v.length === 1 ? (v[0] ?? null) : [...v]);
  }
}

/**
 * Example values are copied: a slice of an 8 MiB chunk string would keep the whole chunk alive
 * for the rest of the run.
 */
function detach(v: Value): Value {
  if (typeof v === "string") return Buffer.from(v, "utf8").toString("utf8");
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? Buffer.from(x, "utf8").toString("utf8") : x));
  return v;
}

function warnSkipped(n: number, io: Io): void {
  if (n > 0) io.err(`warning: ${n} record(s) skipped; \`minispl ingest\` lists them\n`);
}
