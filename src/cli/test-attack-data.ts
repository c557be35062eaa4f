/**
 * Attack data for `minispl test`: each file, with the ingest options its test entry forces, is
 * ingested once per run (per worker thread) and its store shared by every test that names it.
 * ESCU tests share attack data a lot (one Atomic Red Team capture serves several detections), and
 * ingesting it is most of a test's time.
 *
 * `AttackDataSource` is the seam for an on-disk index cache: anything that can turn
 * (file, options) into a store can stand behind the memo (`close` lets it free an opened index
 * once the memo drops it). Stores handed out are shared, so they are read-only to their users:
 * runSearch never appends to the store it searches, and the memo reloads a store that changed.
 *
 * Where a URL's file is (AttackDataResolver, below): `--attack-data-map` prefixes, the attack_data
 * repository layout under `--attack-data`, then a unique file of that name anywhere under it.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { attackDataRelativePath, EventStore, ingestPaths, type SkippedRecord } from "../index.js";

/** The ingest options a test's attack_data entry can force. */
export interface AttackDataOptions {
  readonly sourcetype?: string;
  readonly source?: string;
  readonly host?: string;
}

/** One attack data file's events, and what ingestion said about them. */
export interface AttackData {
  readonly store: EventStore;
  readonly events: number;
  readonly skipped: readonly SkippedRecord[];
  /** Frees what the store holds open (an on-disk index's files); called once no test needs it. */
  close?(): void;
}

/** Turns a file into its events: ingestAttackData below, later an on-disk index; the memo shares what it gives. */
export interface AttackDataSource {
  load(file: string, opts: AttackDataOptions): AttackData;
}

/** Ingests the file afresh, every time. */
export const ingestAttackData: AttackDataSource = {
  load(file, opts) {
    const store = new EventStore();
    const report = ingestPaths(store, [file], opts);
    // Sealed into compact chunks, as session.ts does after a load: the memo may keep it a while.
    store.compact();
    return { store, events: report.events, skipped: report.skipped };
  },
};

interface Entry {
  data: AttackData | null;
  /** store.version right after loading: a change means someone appended to a shared store. */
  version: number;
  /** Uses not yet released; the entry is dropped at zero, so memory holds only data still needed. */
  pending: number;
}

/**
 * Keeps each loaded file while tests still need it. Declare every use first (`expect`), `load`
 * when the test runs (the first load ingests), and `release` each declared use once when its test
 * is done with it, loaded or not (a test can stop at an earlier error). The last release drops
 * the store. A load that was not declared counts as one use, to be released the same way.
 */
export class AttackDataMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly source: AttackDataSource = ingestAttackData) {}

  expect(file: string, opts: AttackDataOptions): void {
    const entry = this.entries.get(keyOf(file, opts));
    if (entry) entry.pending++;
    else this.entries.set(keyOf(file, opts), { data: null, version: 0, pending: 1 });
  }

  load(file: string, opts: AttackDataOptions): AttackData {
    const key = keyOf(file, opts);
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { data: null, version: 0, pending: 1 }));
    // A store that changed since it was loaded no longer holds just this file's events.
    if (!entry.data || entry.data.store.version !== entry.version) {
      entry.data?.close?.();
      entry.data = this.source.load(file, opts);
      entry.version = entry.data.store.version;
    }
    return entry.data;
  }

  release(file: string, opts: AttackDataOptions): void {
    const key = keyOf(file, opts);
    const entry = this.entries.get(key);
    if (!entry || --entry.pending > 0) return;
    this.entries.delete(key);
    entry.data?.close?.();
  }
}

function keyOf(file: string, opts: AttackDataOptions): string {
  return JSON.stringify([file, opts.sourcetype ?? null, opts.source ?? null, opts.host ?? null]);
}

// Moved to src/testing (no IO); re-exported for the CLI's callers.
export { concatStores } from "../index.js";

/** `--attack-data-map <url-prefix=dir>`: URLs starting with the prefix are files under the folder. */
export interface AttackDataMap {
  readonly prefix: string;
  readonly dir: string;
}

/**
 * The `--attack-data-map` values, split at their last `=` (a folder name rarely holds one; a URL
 * prefix may, in a query); longest prefix first, so the most specific entry is tried first.
 */
export function parseAttackDataMaps(values: readonly string[]): { maps: AttackDataMap[] } | { error: string } {
  const maps: AttackDataMap[] = [];
  for (const v of values) {
    const eq = v.lastIndexOf("=");
    if (eq <= 0 || eq === v.length - 1) return { error: `option '--attack-data-map <url-prefix=dir>' argument '${v}' is invalid. expected a URL prefix, "=" and a folder, e.g. https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/=/data/attack_data/datasets` };
    maps.push({ prefix: v.slice(0, eq), dir: v.slice(eq + 1) });
  }
  return { maps: maps.sort((a, b) => b.prefix.length - a.prefix.length) };
}

/** Where a test's attack data URL is on disk, or why it is not. */
export type ResolvedAttackData = { readonly path: string } | { readonly error: string };

/**
 * Finds each attack_data URL's local file, in this order:
 *  1. `--attack-data-map` entries whose prefix the URL starts with: `<dir>/<rest of the URL>` (the
 *     folder itself when the prefix is the whole URL and the folder is a file);
 *  2. the attack_data repository layout under `--attack-data`: `<root>/<path after …/master/>`;
 *  3. a file with the URL's file name anywhere under `--attack-data`, when exactly one has it
 *     (several: an error listing them, as picking one would test the wrong data silently).
 * The error when nothing is found names the URL and every path looked at. Results are kept per
 * URL: testFiles asks for each one when it declares the uses, and again when the test runs.
 */
export class AttackDataResolver {
  private readonly cache = new Map<string, ResolvedAttackData>();
  /** File name → paths under the root; read on the first URL that needs the name search. */
  private byName: Map<string, string[]> | null = null;

  constructor(
    private readonly root: string,
    private readonly maps: readonly AttackDataMap[] = [],
  ) {}

  resolve(url: string): ResolvedAttackData {
    let r = this.cache.get(url);
    if (!r) this.cache.set(url, (r = this.find(url)));
    return r;
  }

  private find(url: string): ResolvedAttackData {
    const tried: string[] = [];
    const candidates: string[] = [];
    for (const m of this.maps) {
      if (!url.startsWith(m.prefix)) continue;
      const rest = safeRest(url.slice(m.prefix.length));
      if (rest !== null) candidates.push(rest === "" ? m.dir : join(m.dir, rest));
    }
    const rel = attackDataRelativePath(url);
    if (rel) candidates.push(join(this.root, rel));
    for (const c of candidates) {
      if (isFile(c)) return { path: c };
      tried.push(c);
    }
    const name = fileNameOf(url);
    if (name) {
      const found = this.filesNamed(name);
      if (found.length === 1) return { path: found[0] as string };
      if (found.length > 1) {
        return { error: `attack data file for ${url} is ambiguous: ${found.length} files named ${name} under ${this.root}: ${found.join(", ")} (--attack-data-map <url-prefix=dir> says which)` };
      }
      tried.push(`any file named ${name} under ${this.root}`);
    }
    return { error: `missing attack data file for ${url}: looked for ${tried.join(", ") || "nothing (not a file URL)"} (--attack-data-map <url-prefix=dir> maps a URL prefix to a folder)` };
  }

  private filesNamed(name: string): string[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const file of walk(this.root)) {
        const base = file.slice(file.lastIndexOf("/") + 1);
        const list = this.byName.get(base);
        if (list) list.push(file);
        else this.byName.set(base, [file]);
      }
    }
    return this.byName.get(name) ?? [];
  }
}

/** The rest of a URL after a map prefix as a relative path; null if it would leave the folder. */
function safeRest(rest: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rest.replace(/[?#].*$/, "")).replace(/^\/+/, "");
  } catch {
    return null;
  }
  return path.split("/").some((seg) => seg === "..") ? null : path;
}

/** The URL's last path segment, decoded; null when it has none. */
function fileNameOf(url: string): string | null {
  const path = url.replace(/[?#].*$/, "");
  const last = path.slice(path.lastIndexOf("/") + 1);
  try {
    const name = decodeURIComponent(last);
    return name === "" || name === "." || name === ".." ? null : name;
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Every file under `dir` (sorted, so a listing of candidates is stable); linked folders are not entered. */
function walk(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() || (e.isSymbolicLink() && isFile(p))) out.push(p);
    }
  };
  visit(dir);
  return out;
}
