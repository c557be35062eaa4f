/**
 * Running detection files' tests (`minispl test`), shared by the main thread and the test workers
 * (test-worker.ts): map each attack_data URL to a local file, load it with the entry's
 * source/sourcetype (once per run for all the tests that name it: test-attack-data.ts), run the
 * search exactly as written, apply contentctl's pass criterion.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  parseDetection, runDetectionTest, type Detection, type DetectionTest, type LoadedAttackData, type MacroTable, type TestStatus,
} from "../index.js";
import { cliBudget } from "./budget.js";
import type { CommonOptions } from "./options.js";
import { internalMessage } from "./report-internal.js";
import {
  AttackDataMemo, AttackDataResolver, parseAttackDataMaps, type AttackDataOptions, type AttackDataSource,
} from "./test-attack-data.js";

export interface TestOptions extends CommonOptions {
  attackData: string;
  /** `--attack-data-map <url-prefix=dir>` values, as given (test-attack-data.ts parses them). */
  attackDataMap?: string[];
  junit?: string;
  jobs?: number;
}

export interface TestRow {
  file: string;
  name: string;
  test: string;
  status: TestStatus;
  rows: number;
  duration_ms: number;
  message: string;
}

/** A detection file as read: its detection, or why it has none. */
type Parsed =
  | { readonly file: string; readonly detection: Detection }
  | { readonly file: string; readonly detection: null; readonly error: string }
  /** YAML that is not a detection (a macro, a lookup): no rows. */
  | { readonly file: string; readonly detection: null; readonly notDetection: true };

/**
 * Tests the files in order, handing each file's rows to `done` as soon as they are known. Attack
 * data is loaded through a memo that knows every use in advance, so a file is ingested once and
 * dropped after its last test. `source` is where loads go (an on-disk index later; tests count
 * them).
 */
export function testFiles(
  files: readonly string[], macros: MacroTable, opts: TestOptions, done: (index: number, rows: TestRow[]) => void, source?: AttackDataSource,
): void {
  const parsed = files.map(readDetectionFile);
  const maps = parseAttackDataMaps(opts.attackDataMap ?? []);
  // testCommand reports a bad value as a usage error before anything runs.
  if ("error" in maps) throw new Error(maps.error);
  const data: AttackData = { memo: new AttackDataMemo(source), where: new AttackDataResolver(opts.attackData, maps.maps) };
  for (const p of parsed) {
    for (const t of p.detection?.tests ?? []) {
      for (const a of t.attackData) {
        const local = data.where.resolve(a.data);
        if ("path" in local) data.memo.expect(local.path, entryOptions(a));
      }
    }
  }
  parsed.forEach((p, i) => done(i, testParsed(p, macros, opts, data)));
}

/** The run's attack data: where each URL is on disk, and the loaded files. */
interface AttackData {
  readonly memo: AttackDataMemo;
  readonly where: AttackDataResolver;
}

function readDetectionFile(file: string): Parsed {
  try {
    const parsed = parseDetection(readFileSync(file, "utf8"), file);
    if (parsed.detection) return { file, detection: parsed.detection };
    if (parsed.notDetection) return { file, detection: null, notDetection: true };
    return { file, detection: null, error: parsed.diagnostics[0]?.message ?? "unreadable" };
  } catch (e) {
    return { file, detection: null, error: internalMessage(e, "parsing") };
  }
}

/** All test rows of one detection file (none when it has no tests). */
function testParsed(p: Parsed, macros: MacroTable, opts: TestOptions, data: AttackData): TestRow[] {
  const det = p.detection;
  if (!det) return "error" in p ? [{ file: p.file, name: "", test: "", status: "error", rows: 0, duration_ms: 0, message: p.error }] : [];
  return det.tests.map((t) => runOne(det, t, macros, opts, data));
}

function runOne(det: Detection, t: DetectionTest, macros: MacroTable, opts: TestOptions, data: AttackData): TestRow {
  try {
    return searchAttackData(det, t, macros, opts, data);
  } catch (e) {
    // The search has its own net; this one catches loading the attack data and the verdict, so
    // the other tests still run. The row says what failed; --debug adds the stack.
    const message = internalMessage(e, "running");
    const stack = opts.debug && e instanceof Error && e.stack ? `\n${e.stack}` : "";
    return { file: det.file, name: det.name, test: t.name, status: "error", rows: 0, duration_ms: 0, message: `${message}${stack}` };
  } finally {
    // Each use testFiles declared ends here, whether or not this test got as far as loading it.
    for (const a of t.attackData) {
      const local = data.where.resolve(a.data);
      if ("path" in local) data.memo.release(local.path, entryOptions(a));
    }
  }
}

function searchAttackData(det: Detection, t: DetectionTest, macros: MacroTable, opts: TestOptions, attack: AttackData): TestRow {
  const start = performance.now();
  const row = (status: TestStatus, message: string, rows = 0): TestRow => ({
    file: det.file, name: det.name, test: t.name, status, rows, duration_ms: Math.round((performance.now() - start) * 10) / 10, message,
  });
  const data: LoadedAttackData[] = [];
  for (const a of t.attackData) {
    const local = attack.where.resolve(a.data);
    if ("error" in local) return row("error", local.error);
    const loaded = attack.memo.load(local.path, entryOptions(a));
    if (loaded.events === 0 && loaded.skipped.length > 0) {
      return row("error", `${local.path}: no event could be read (${loaded.skipped[0]?.reason ?? "unknown format"})`);
    }
    data.push({ file: local.path, ...loaded });
  }
  const r = runDetectionTest(det, data, macros, { tz: opts.tz, budget: cliBudget(opts), ...(opts.now !== undefined ? { now: opts.now } : {}) });
  return row(r.status, r.message, r.rows);
}

function entryOptions(a: DetectionTest["attackData"][number]): AttackDataOptions {
  return { ...(a.sourcetype ? { sourcetype: a.sourcetype } : {}), ...(a.source ? { source: a.source } : {}) };
}
