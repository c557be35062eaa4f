/**
 * One golden case (test/cases/<group>/<name>.json) read, set up and checked: shared by the
 * in-memory harness (golden.test.ts) and the chDB run of the same cases (golden-chdb.test.ts), so
 * both assert exactly the same things. The format:
 *   { "query": "...", "datasets"?: ["file under test/datasets"], "now"?: epoch, "tz"?: zone,
 *     "rows": [ {...}, ... ]                       — the exact result rows, in order,
 *     "columns"?: [...]                            — and, when given, the exact field order, or
 *     "error": { "code": "...", "at"?: [start, end] } — the first error diagnostic,
 *     "lookups"?: "dir under test/datasets/lookups"  — lookup definitions (*.yml) and tables (*.csv),
 *     "warnings"?: ["text", ...]                     — each warning, in order, contains the text,
 *     "csv"?: { "file.csv": "text" }                 — inputcsv/outputcsv's folder, in memory,
 *     "savedsearches"?: { "name": "spl" }            — what `| savedsearch <name>` runs }
 * Language-neutral data, one harness (JSONata's test-suite layout). Unknown keys are rejected so a
 * typo cannot silently weaken a case.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { buildLookupStore, EventStore, ingestText, memoryCsvFolder, savedSearchList, type LookupStore, type RunResult } from "../../src/index.js";

export interface GoldenCase {
  readonly description?: string;
  readonly query: string;
  readonly datasets?: readonly string[];
  readonly now?: number;
  readonly tz?: string;
  readonly rows?: readonly Record<string, unknown>[];
  readonly columns?: readonly string[];
  readonly error?: { readonly code: string; readonly at?: readonly [number, number] };
  readonly lookups?: string;
  readonly warnings?: readonly string[];
  readonly csv?: Readonly<Record<string, string>>;
  readonly savedsearches?: Readonly<Record<string, string>>;
}

const KEYS = new Set(["description", "query", "datasets", "now", "tz", "rows", "columns", "error", "lookups", "warnings", "csv", "savedsearches"]);
const CASES = fileURLToPath(new URL(".", import.meta.url));
const DATASETS = fileURLToPath(new URL("../datasets/", import.meta.url));

/** Every group folder under test/cases, sorted. */
export function caseGroups(): string[] {
  return readdirSync(CASES).filter((g) => statSync(join(CASES, g)).isDirectory()).sort();
}

/** The case files of one group, sorted. */
export function caseFiles(group: string): string[] {
  return readdirSync(join(CASES, group)).filter((f) => f.endsWith(".json")).sort();
}

/** One case, its keys checked (rows or error, nothing unknown). */
export function readCase(group: string, file: string): GoldenCase {
  const c = JSON.parse(readFileSync(join(CASES, group, file), "utf8")) as GoldenCase;
  expect(c.rows !== undefined || c.error !== undefined, "a case needs rows or error").toBe(true);
  expect(Object.keys(c).filter((k) => !KEYS.has(k)), "unknown keys in the case").toEqual([]);
  return c;
}

/** A fresh store with the case's datasets, every record of them ingested. */
export function caseStore(c: GoldenCase): EventStore {
  const store = new EventStore();
  for (const d of c.datasets ?? []) {
    const report = ingestText(store, readFileSync(join(DATASETS, d), "utf8"), d, {});
    expect(report.skipped, `records skipped in ${d}`).toEqual([]);
  }
  return store;
}

/** The search options of a case: its now and time zone, and fresh lookups, csv folder and saved searches. */
export function caseOptions(c: GoldenCase) {
  const lookups = c.lookups === undefined ? {} : { lookups: loadLookupDir(join(DATASETS, "lookups", c.lookups)) };
  const csv = c.csv === undefined ? {} : { csv: memoryCsvFolder(c.csv) };
  const saved = c.savedsearches === undefined ? {} : { savedSearches: savedSearchList(Object.entries(c.savedsearches).map(([name, search]) => ({ name, search }))) };
  return { now: c.now ?? 1_700_000_000, tz: c.tz ?? "UTC", ...lookups, ...csv, ...saved };
}

/** The case's expectations on a run: its warnings, then its error or its rows and columns. */
export function checkResult(c: GoldenCase, r: RunResult): void {
  if (c.warnings) {
    const warnings = r.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
    expect(warnings.length, warnings.join("; ")).toBe(c.warnings.length);
    c.warnings.forEach((w, i) => expect(warnings[i]).toContain(w));
  }
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (c.error) {
    expect(errors[0]?.code, JSON.stringify(errors)).toBe(c.error.code);
    if (c.error.at) expect([errors[0]?.span?.start, errors[0]?.span?.end]).toEqual(c.error.at);
    return;
  }
  expect(errors, errors.map((d) => d.message).join("; ")).toEqual([]);
  expect(r.table?.rows()).toEqual(c.rows);
  if (c.columns) expect(r.table?.fields).toEqual(c.columns);
}

/** A fresh store per case (outputlookup writes stay in the case): *.yml definitions and *.csv tables. */
function loadLookupDir(dir: string): LookupStore {
  const files = readdirSync(dir).sort().map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
  const r = buildLookupStore(files.filter((f) => /\.ya?ml$/.test(f.path)), files.filter((f) => f.path.endsWith(".csv")));
  expect(r.problems, `problems in ${dir}`).toEqual([]);
  return r.store;
}
