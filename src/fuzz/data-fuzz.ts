/**
 * Data-file fuzzing: a real file from ../shared/datasets, damaged (byte-mutations.ts), written to
 * a temp folder under its own name (format detection may look at the extension) and ingested in
 * the worker. Findings: exception, slow, hang, died, and `gained` (more events than the
 * undamaged file without a duplicated range: the reader invented records). Events lost and losses
 * with no warning are counted per format too: expected after a truncation, suspicious after a flip.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import fc from "fast-check";
import { byteMutations, describeMutation, mayAddRecords, mutateBytes, type ByteMutation } from "./byte-mutations.js";
import { pickDataFiles, type DataFile } from "./data-files.js";
import { hunt, type Finding, type HuntResult } from "./hunt.js";
import { JobRunner } from "./job-runner.js";
import { progress } from "./progress.js";
import type { FuzzOptions } from "./fuzz-options.js";

export interface FormatCounts {
  files: number;
  runs: number;
  findings: number;
  eventsLost: number;
  lostWithoutWarning: number;
}

export interface DataFuzzResult extends HuntResult<string> {
  readonly perFormat: Record<string, FormatCounts>;
  readonly skippedFiles: readonly string[];
}

type Input = readonly [number, readonly ByteMutation[]];

export async function dataFuzz(o: FuzzOptions): Promise<DataFuzzResult> {
  const runner = new JobRunner(undefined, o.hardMs);
  const tmp = mkdtempSync(join(tmpdir(), "minispl-datafuzz-"));
  try {
    const { files, originals, skippedFiles } = await baseline(runner, pickDataFiles(join(o.shared, "datasets")));
    const perFormat: Record<string, FormatCounts> = {};
    for (const f of files) (perFormat[f.ext] ??= { files: 0, runs: 0, findings: 0, eventsLost: 0, lostWithoutWarning: 0 }).files++;
    let n = 0;
    const check = async ([i, ms]: Input, replay: boolean): Promise<Finding[]> => {
      const file = files[i]!;
      const dir = join(tmp, String(n++));
      mkdirSync(dir);
      const path = join(dir, basename(file.path));
      writeFileSync(path, mutateBytes(readFileSync(file.path), ms));
      const r = await runner.run({ kind: "ingest", path });
      const found = findings(r, originals[i]!, ms, o.maxMs);
      if (!replay) tally(perFormat[file.ext]!, r, originals[i]!, found);
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
    return { runs: result.runs, counts: result.counts, examples, perFormat, skippedFiles };
  } finally {
    await runner.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Events of each undamaged file; files the library reads no events from are left out. */
async function baseline(runner: JobRunner, candidates: DataFile[]) {
  const files: DataFile[] = [];
  const originals: number[] = [];
  const skippedFiles: string[] = [];
  for (const f of candidates) {
    const r = await runner.run({ kind: "ingest", path: f.path });
    const events = "events" in r ? r.events ?? 0 : 0;
    if (events > 0) {
      files.push(f);
      originals.push(events);
    } else skippedFiles.push(f.path);
  }
  return { files, originals, skippedFiles };
}

function findings(r: Awaited<ReturnType<JobRunner["run"]>>, original: number, ms: readonly ByteMutation[], maxMs: number): Finding[] {
  const took = `${Math.round(r.ms)} ms`;
  if ("hang" in r) return [{ kind: "hang", detail: `no answer after ${took}` }];
  if ("died" in r) return [{ kind: "died", detail: r.died }];
  const found: Finding[] = [];
  if (r.threw) found.push({ kind: "exception", detail: r.threw });
  if (r.ms > maxMs) found.push({ kind: "slow", detail: took, group: "slow" });
  const events = r.events ?? 0;
  if (events > original && !mayAddRecords(ms)) found.push({ kind: "gained", detail: `${events} events, undamaged file ${original}` });
  return found;
}

function tally(c: FormatCounts, r: Awaited<ReturnType<JobRunner["run"]>>, original: number, found: Finding[]): void {
  c.runs++;
  if (found.length > 0) c.findings++;
  if (!("events" in r)) return;
  const lost = Math.max(0, original - (r.events ?? 0));
  c.eventsLost += lost;
  if (lost > 0 && (r.warnings ?? 0) === 0) c.lostWithoutWarning++;
}

/** Keeps a damaged file that showed a finding, for a rerun by hand (`minispl ingest`). */
function keep(path: string, out: string, kind: string, n: number): void {
  mkdirSync(out, { recursive: true });
  copyFileSync(path, join(out, `${kind}-${n}-${basename(path)}`));
}
