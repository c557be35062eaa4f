/**
 * File IO for lookups (`--lookups <dir>`, repeatable): definitions (`*.yml`) and tables (`*.csv`)
 * found recursively under each path, the first path's files shadowing later ones of the same name;
 * and the writer for `outputlookup`, which only ever writes `<name>.csv` directly inside the first
 * --lookups directory. Splunk takes "only file names … Paths are explicitly not supported"
 * (transforms.conf.spec `filename`), so a name with a directory part, a symlink target or a
 * non-.csv name is refused. It never deletes a file: when outputlookup would remove a table (no
 * results, create_empty=false), the file is left in place with a warning.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildLookupStore, formatCsv, type LookupStore, type LookupWrite, type LookupWriter } from "../index.js";
import { listFiles } from "./load-files.js";

export interface LookupLoad {
  readonly store: LookupStore;
  /** `file:line: message` for bad YAML or CSV (the rest is loaded). */
  readonly problems: string[];
}

export function loadLookups(paths: readonly string[], opts: { followSymlinks?: boolean } = {}): LookupLoad {
  const listing: string[] = [];
  const files = listFiles(paths, [".yml", ".yaml", ".csv"], (w) => listing.push(`${w.path}: ${w.reason}`), opts);
  const read = (p: string) => ({ path: p, text: readFileSync(p, "utf8") });
  const defs = files.filter((f) => !f.toLowerCase().endsWith(".csv")).map(read);
  const csvs = files.filter((f) => f.toLowerCase().endsWith(".csv")).map(read);
  const { store, problems } = buildLookupStore(defs, csvs);
  return { store, problems: [...listing, ...problems.map((p) => `${p.file}:${p.line}: ${p.message}`)] };
}

/**
 * What search and detect pass to runSearch: the loaded lookups and the file writer (problems
 * printed as warnings). Null, after an error line, when a --lookups path does not exist.
 */
export function lookupOptions(paths: readonly string[], err: (s: string) => void, opts: { followSymlinks?: boolean } = {}): { lookups: LookupStore; writeLookup: LookupWriter } | null {
  const missing = paths.filter((p) => !existsSync(p));
  for (const p of missing) err(`error: --lookups ${p}: no such file or directory\n`);
  if (missing.length > 0) return null;
  const loaded = loadLookups(paths, opts);
  for (const p of loaded.problems) err(`warning: ${p}\n`);
  return { lookups: loaded.store, writeLookup: lookupFileWriter(paths[0], (m) => err(`warning: ${m}\n`)) };
}

/** The outputlookup writer for the CLI: CSV files in `dir` only. `warn` prints a warning line. */
export function lookupFileWriter(dir: string | undefined, warn: (message: string) => void): LookupWriter {
  return (w: LookupWrite) => {
    if (dir === undefined) {
      warn(`outputlookup ${w.name}: no --lookups directory, so ${w.filename} is kept in memory for this run only`);
      return;
    }
    const target = safeTarget(dir, w.filename);
    if (w.table === null) {
      warn(`outputlookup ${w.name}: no results; ${target} is left in place (minispl does not delete lookup files)`);
      return;
    }
    // Write beside the target and rename, so a reader never sees half a file.
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, formatCsv(w.table), { flag: "wx" });
    renameSync(tmp, target);
  };
}

/** `dir/filename`, or an Error when the name could land anywhere else. */
export function safeTarget(dir: string, filename: string): string {
  if (!/^[^/\\]+\.csv$/i.test(filename) || filename === ".." || filename.startsWith(".")) {
    throw new Error(`"${filename}" is not a plain .csv file name (no directories, not hidden)`);
  }
  if (!isDirectory(dir)) throw new Error(`the first --lookups path, ${dir}, is not a directory`);
  const root = realpathSync(dir);
  const target = resolve(root, filename);
  if (dirname(target) !== root) throw new Error(`"${filename}" would be written outside ${dir}`);
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(target);
  } catch {
    existing = undefined;
  }
  if (existing && !existing.isFile()) throw new Error(`${join(dir, filename)} exists and is not a regular file (a symlink or directory is never written through)`);
  return target;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
