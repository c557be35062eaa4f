/**
 * Data-file fuzzing: a real file from ../shared/datasets, damaged (byte-mutations.ts), written to
 * a temp folder under its own name (format detection may look at the extension) and ingested in a
 * worker. Every event read from the damaged file is compared with the undamaged file's events,
 * record by record (record-compare.ts). Findings: exception, slow, hang, died, `lost-elsewhere`
 * (an event lost whose bytes the damage does not reach) and `changed-elsewhere` (an event no
 * original one equals, away from the damage). Counts are kept per format and per mutation kind.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import fc from "fast-check";
import { byteMutations, describeMutation, mutateBytes, type ByteMutation } from "./byte-mutations.js";
import { pickDataFiles, type DataFile } from "./data-files.js";
import { hunt, type Finding, type HuntResult } from "./hunt.js";
import { RunnerPool, type RunOutcome } from "./job-runner.js";
import { progress } from "./progress.js";
import { addCounts, baselineOf, compareRecords, emptyCounts, type Baseline, type RecordCounts } from "./record-compare.js";
import type { FuzzOptions } from "./fuzz-options.js";

export interface GroupCounts extends RecordCounts {
  runs: number;
  findings: number;
}

export interface DataFuzzResult extends HuntResult<string> {
  readonly files: number;
  readonly perFormat: Record<string, GroupCounts & { files: number }>;
  /** Keyed by the mutation kinds of a run, e.g. `flip`, `insert+truncate`. */
  readonly perMutation: Record<string, GroupCounts>;
  readonly total: GroupCounts;
  readonly skippedFiles: readonly string[];
}

type Input = readonly [number, readonly ByteMutation[]];

export async function dataFuzz(o: FuzzOptions): Promise<DataFuzzResult> {
  const runner = new RunnerPool(undefined, o.hardMs, o.jobs);
  const tmp = mkdtempSync(join(tmpdir(), "minispl-datafuzz-"));
  try {
    const { files, bases, baseMs, skippedFiles } = await baseline(runner, pickDataFiles(join(o.shared, "datasets"), o.perExtension));
    const perFormat: Record<string, GroupCounts & { files: number }> = {};
    const perMutation: Record<string, GroupCounts> = {};
    const total = group();
    for (const f of files) (perFormat[f.ext] ??= { ...group(), files: 0 }).files++;
    let n = 0;
    const check = async ([i, ms]: Input, replay: boolean): Promise<Finding[]> => {
      const file = files[i]!;
      const dir = join(tmp, String(n++));
      mkdirSync(dir);
      const path = join(dir, basename(file.path));
      const damaged = mutateBytes(bases[i]!.bytes, ms);
      writeFileSync(path, damaged);
      const r = await runner.run({ kind: "ingest", path, records: true });
      const counts = "records" in r && r.records ? compareRecords(bases[i]!, damaged, ms, r.records) : undefined;
      const found = findings(r, counts, slowAfter(o.maxMs, baseMs[i]!));
      if (!replay) {
        const kinds = [...new Set(ms.map((m) => m.kind))].sort().join("+");
        for (const g of [perFormat[file.ext]!, (perMutation[kinds] ??= group()), total]) tally(g, counts, found);
      }
      if (found.length > 0 && !replay) keep(path, o.out, found[0]!.kind, n);
      rmSync(dir, { recursive: true, force: true });
      return found;
    };
    const arb = fc.tuple(fc.nat({ max: files.length - 1 }), byteMutations);
    const result = await hunt<Input>(arb, check, { ...o, onProgress: progress(o.runs) });
    const label = ([i, ms]: Input) => `${files[i]?.path} with ${ms.map(describeMutation).join(", ")}`;
    const examples = result.examples.map(({ input, minimal, ...rest }) => ({
      ...rest, input: label(input), ...(minimal ? { minimal: label(minimal) } : {}),
    }));
    return { runs: result.runs, counts: result.counts, examples, files: files.length, perFormat, perMutation, total, skippedFiles };
  } finally {
    await runner.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function group(): GroupCounts {
  return { runs: 0, findings: 0, ...emptyCounts() };
}

/** Events of each undamaged file, placed at their bytes; files the library reads no events from are left out. */
async function baseline(runner: RunnerPool, candidates: DataFile[]) {
  const files: DataFile[] = [];
  const bases: Baseline[] = [];
  const baseMs: number[] = [];
  const skippedFiles: string[] = [];
  for (const f of candidates) {
    const r = await runner.run({ kind: "ingest", path: f.path, records: true });
    const records = "records" in r ? r.records ?? [] : [];
    if (records.length > 0) {
      files.push(f);
      bases.push(baselineOf(readFileSync(f.path), records));
      baseMs.push(r.ms);
    } else skippedFiles.push(f.path);
  }
  return { files, bases, baseMs, skippedFiles };
}

/**
 * A damaged file is slow past --max-ms and past twice the time its undamaged self took: damage
 * must not make reading slower, but a file that takes 2 s whole (a 900 KB tar.gz of XML holds
 * 25 MB) is not a finding for taking 2 s damaged.
 */
function slowAfter(maxMs: number, undamagedMs: number): number {
  return Math.max(maxMs, 2 * undamagedMs);
}

function findings(r: RunOutcome, counts: RecordCounts | undefined, maxMs: number): Finding[] {
  const took = `${Math.round(r.ms)} ms`;
  if ("hang" in r) return [{ kind: "hang", detail: `no answer after ${took}` }];
  if ("died" in r) return [{ kind: "died", detail: r.died }];
  const found: Finding[] = [];
  if (r.threw) found.push({ kind: "exception", detail: r.threw });
  if (r.ms > maxMs) found.push({ kind: "slow", detail: took, group: "slow" });
  const warned = r.skipped?.length ? `; warnings: ${r.skipped.slice(0, 3).join(" | ")}` : "; no warning";
  if (counts && counts.lostElsewhere > 0) {
    found.push({ kind: "lost-elsewhere", detail: `${counts.lostElsewhere} events lost away from the damage (${counts.equal} equal)${warned}` });
  }
  if (counts && counts.changedElsewhere > 0) {
    found.push({ kind: "changed-elsewhere", detail: `${counts.changedElsewhere} events changed or invented away from the damage${warned}` });
  }
  return found;
}

function tally(g: GroupCounts, counts: RecordCounts | undefined, found: Finding[]): void {
  g.runs++;
  if (found.length > 0) g.findings++;
  if (counts) addCounts(g, counts);
}

/** Keeps a damaged file that showed a finding, for a rerun by hand (`minispl ingest`). */
function keep(path: string, out: string, kind: string, n: number): void {
  mkdirSync(out, { recursive: true });
  copyFileSync(path, join(out, `${kind}-${n}-${basename(path)}`));
}
