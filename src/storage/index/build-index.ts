/**
 * `buildIndex(paths, dir)`: ingests input files into an on-disk index folder, once. Each input
 * file becomes one or more Parquet parts (a new part every PART_ROWS events, so memory stays
 * bounded on a 10 GB EVTX); files whose path, size and mtime match the manifest are kept as they
 * are, changed files are re-indexed, vanished files dropped. Rows keep input order (sorted
 * paths, then file order), the order `--data` gives them, so both answer identically.
 */
import { platform } from "../../platform/platform.js";
import { join, resolve } from "node:path";
import { expand, ingestStream } from "../../adapters/ingest.js";
import type { IngestOptions, SkippedRecord } from "../../adapters/types.js";
import { emptyStreamReport, type StreamOptions } from "../../adapters/stream-types.js";
import { memberships } from "../../datamodels/memberships.js";
import { DATASETS_FIELD, EventStore, type EventInput } from "../../store/event-store.js";
import { INDEX_FORMAT, MAPPING_VERSION, readManifest, writeManifest, type IndexedFile, type Manifest, type PartInfo } from "./manifest.js";
import { writePart } from "./write-part.js";
import { IndexWorkers } from "./index-workers.js";
import { TermBlocksBuilder, writePartTerms } from "../terms/part-terms.js";
import { writePartMembers } from "../members/part-members.js";

export const PART_ROWS = 262_144;
const VERSION = "0.1.0";

export interface BuildProgress {
  readonly file: string;
  readonly filesDone: number;
  readonly files: number;
  readonly bytesDone: number;
  readonly bytes: number;
  readonly events: number;
}

export interface BuildOptions extends StreamOptions {
  /** Called after every file and every part written. */
  readonly progress?: (p: BuildProgress) => void;
}

export interface BuildSummary {
  readonly manifest: Manifest;
  /** Files (re)indexed by this run, and kept from the previous one. */
  readonly indexed: readonly string[];
  readonly kept: readonly string[];
  readonly removed: readonly string[];
  readonly events: number;
  readonly inputBytes: number;
  readonly ms: number;
  /** Events per sourcetype and per dataset over the whole index. */
  readonly sourcetypes: Readonly<Record<string, number>>;
  readonly datasets: Readonly<Record<string, number>>;
  readonly skipped: readonly SkippedRecord[];
  /** Files and archive members not read because their name says they are not logs (walk-paths.ts). */
  readonly notLogs: readonly string[];
}

/** What a build must do: every input file in order, with its manifest entry when it is unchanged. */
interface BuildPlan {
  readonly options: string;
  readonly files: readonly { readonly path: string; readonly size: number; readonly mtimeMs: number; readonly keep?: IndexedFile; readonly stale?: IndexedFile }[];
  readonly removed: readonly IndexedFile[];
  readonly listingSkipped: readonly SkippedRecord[];
  readonly listingNotLogs: readonly string[];
  readonly total: number;
}

function planBuild(paths: readonly string[], dir: string, opts: StreamOptions): BuildPlan {
  platform().fs.mkdir(join(dir, "events"));
  const options = optionsKey(opts);
  let old: Manifest | null = null;
  try {
    old = readManifest(dir);
  } catch {
    old = null; // an unreadable manifest means a rebuild, not a failure
  }
  if (old && (old.format !== INDEX_FORMAT || old.mapping !== MAPPING_VERSION || old.options !== options)) {
    for (const f of old.files) removeParts(dir, f);
    old = null;
  }
  const previous = new Map((old?.files ?? []).map((f) => [f.path, f]));
  const listing = emptyStreamReport();
  const files = expand(paths.map((p) => resolve(p)), listing, opts).map((path) => {
    const st = platform().fs.stat(path);
    const prev = previous.get(path);
    previous.delete(path);
    const same = prev && prev.size === st.size && prev.mtimeMs === st.mtimeMs;
    return { path, size: st.size, mtimeMs: st.mtimeMs, ...(same ? { keep: prev } : prev ? { stale: prev } : {}) };
  });
  return { options, files, removed: [...previous.values()], listingSkipped: listing.skipped, listingNotLogs: listing.notLogs ?? [], total: files.reduce((n, f) => n + f.size, 0) };
}

function finishBuild(dir: string, plan: BuildPlan, entries: readonly IndexedFile[], t0: number): BuildSummary {
  for (const gone of plan.removed) removeParts(dir, gone);
  const manifest: Manifest = { format: INDEX_FORMAT, mapping: MAPPING_VERSION, minispl: VERSION, options: plan.options, files: entries };
  writeManifest(dir, manifest);
  return {
    manifest,
    indexed: plan.files.filter((f) => !f.keep).map((f) => f.path),
    kept: plan.files.filter((f) => f.keep).map((f) => f.path),
    removed: plan.removed.map((f) => f.path),
    events: entries.reduce((n, f) => n + f.events, 0),
    inputBytes: entries.reduce((n, f) => n + f.inputBytes, 0),
    ms: performance.now() - t0,
    sourcetypes: sum(entries.map((f) => f.sourcetypes)),
    datasets: sum(entries.map((f) => f.datasets)),
    skipped: [...plan.listingSkipped, ...entries.flatMap((f) => f.skipped)],
    notLogs: [...plan.listingNotLogs, ...entries.flatMap((f) => f.notLogs ?? [])],
  };
}

/** Builds or updates the index in this thread (the `--data` cache; tests). */
export function buildIndex(paths: readonly string[], dir: string, opts: BuildOptions = {}): BuildSummary {
  const t0 = performance.now();
  const plan = planBuild(paths, dir, opts);
  const { progress, ...ingest } = opts;
  const entries: IndexedFile[] = [];
  let bytesDone = 0;
  let events = 0;
  plan.files.forEach((f, i) => {
    if (f.stale) removeParts(dir, f.stale);
    const entry = f.keep ?? indexFile(f.path, f, dir, ingest, (n) => progress?.({ file: f.path, filesDone: i, files: plan.files.length, bytesDone, bytes: plan.total, events: events + n }));
    entries.push(entry);
    bytesDone += f.size;
    events += entry.events;
    progress?.({ file: f.path, filesDone: i + 1, files: plan.files.length, bytesDone, bytes: plan.total, events });
  });
  return finishBuild(dir, plan, entries, t0);
}

/**
 * The same build with `jobs` worker threads, one input file per worker at a time (index-worker.ts):
 * files are independent parts, so the manifest is assembled in input order whatever finishes first.
 */
export async function buildIndexParallel(paths: readonly string[], dir: string, opts: BuildOptions & { readonly jobs: number }): Promise<BuildSummary> {
  const t0 = performance.now();
  const plan = planBuild(paths, dir, opts);
  const { progress, jobs, ...ingest } = opts;
  const entries: (IndexedFile | undefined)[] = plan.files.map((f) => f.keep);
  const todo = plan.files.map((f, i) => ({ f, i })).filter(({ f }) => !f.keep);
  let bytesDone = plan.files.reduce((n, f) => n + (f.keep ? f.size : 0), 0);
  let filesDone = plan.files.length - todo.length;
  const report = (file: string) => progress?.({ file, filesDone, files: plan.files.length, bytesDone, bytes: plan.total, events: entries.reduce((n, e) => n + (e?.events ?? 0), 0) });
  const pool = new IndexWorkers(Math.max(1, Math.min(jobs, todo.length)));
  try {
    await Promise.all(
      todo.map(async ({ f, i }) => {
        if (f.stale) removeParts(dir, f.stale);
        entries[i] = await pool.run({ file: f.path, size: f.size, mtimeMs: f.mtimeMs, dir, opts: ingest });
        bytesDone += f.size;
        filesDone++;
        report(f.path);
      }),
    );
  } finally {
    await pool.close();
  }
  return finishBuild(dir, plan, entries as IndexedFile[], t0);
}

/** Indexes one input file into its parts (in this thread; index-worker.ts calls it in a worker). */
export function indexFile(file: string, st: { size: number; mtimeMs: number }, dir: string, opts: StreamOptions, onPart: (events: number) => void = () => {}): IndexedFile {
  const base = `events/${platform().digests.hex("sha1", file).slice(0, 16)}`;
  const parts: PartInfo[] = [];
  const sourcetypes: Record<string, number> = {};
  const datasets: Record<string, number> = {};
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let store = new EventStore();
  let terms = new TermBlocksBuilder();
  let events = 0;
  const flush = (): void => {
    if (store.length === 0) return;
    const { perRow, counts, lists } = memberships(store);
    store.derive(DATASETS_FIELD, (r) => perRow[r] ?? null);
    for (const [k, v] of Object.entries(counts)) datasets[k] = (datasets[k] ?? 0) + v;
    const name = `${base}-${String(parts.length).padStart(4, "0")}.parquet`;
    const written = writePart(join(dir, name), store);
    // Term filter: the part's `_raw` trigrams per block, beside it (storage/terms/).
    const termFile = writePartTerms(dir, name, terms.finish());
    terms = new TermBlocksBuilder();
    // Each dataset's rows, beside the part (storage/members/): what a tstats reads first.
    const memberFile = writePartMembers(dir, name, store.length, lists);
    parts.push({ name, rowGroups: written.rowGroups, columns: written.columns, terms: termFile, members: memberFile });
    events += store.length;
    store = new EventStore();
    onPart(events);
  };
  const sink = {
    append(e: EventInput): void {
      store.append(e);
      terms.add(e.fields._raw);
      const st = e.fields.sourcetype;
      if (typeof st === "string") sourcetypes[st] = (sourcetypes[st] ?? 0) + 1;
      if (e.time < earliest) earliest = e.time;
      if (e.time > latest) latest = e.time;
      if (store.length >= PART_ROWS) flush();
    },
  };
  const report = ingestStream(sink, [file], opts);
  flush();
  return {
    path: file,
    size: st.size,
    mtimeMs: st.mtimeMs,
    parts,
    events,
    inputBytes: report.inputBytes,
    skipped: report.skipped,
    ...(report.notLogs ? { notLogs: report.notLogs } : {}),
    sourcetypes,
    earliest: events > 0 ? earliest : null,
    latest: events > 0 ? latest : null,
    datasets,
  };
}

function removeParts(dir: string, f: IndexedFile): void {
  const fs = platform().fs;
  for (const p of f.parts) fs.remove(join(dir, p.name));
  for (const p of f.parts) if (p.terms) fs.remove(join(dir, p.terms.name));
  for (const p of f.parts) if (p.members) fs.remove(join(dir, p.members.name));
}

/** The ingest options as a string: an index built with other options is rebuilt. */
export function optionsKey(opts: IngestOptions): string {
  const { sourcetype, source, host, index, mapping } = opts;
  const mappingHash = mapping ? platform().digests.hex("sha1", JSON.stringify(mapping)) : undefined;
  // followSymlinks changes which files are read; only added when set, so existing keys stay valid.
  return JSON.stringify({ sourcetype, source, host, index, mapping: mappingHash, ...(opts.followSymlinks ? { followSymlinks: true } : {}) });
}

function sum(maps: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m)) out[k] = (out[k] ?? 0) + v;
  return out;
}
