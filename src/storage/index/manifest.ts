/**
 * The index manifest (`manifest.json`): which input files were indexed (path, size, mtime) into
 * which parts, with their counts, time range and skipped records, and what built them (format,
 * minispl and mapping versions, ingest options). A manifest from another format or mapping
 * version, or other ingest options, is not reused: the index is rebuilt.
 */
import { platform } from "../../platform/platform.js";
import { join } from "node:path";
import type { SkippedRecord } from "../../adapters/types.js";
import type { ColumnType } from "../parquet/index.js";

/** Bump when the part layout changes (3: Brotli `_raw` pages, XML blocks as spans of `_raw`). */
export const INDEX_FORMAT = 3;
/**
 * Bump when adapters extract different fields from the same input (an index built by an older
 * mapping would answer differently from `--data`). 2: every event has `minispl_file`
 * (adapters/file-field.ts), and files named like README.md are not read (adapters/walk-paths.ts).
 */
export const MAPPING_VERSION = 2;

/**
 * A part column's type: a Parquet column type, or "span" — a blob field whose values are slices
 * of the same row's `_raw`, stored as two INT32 columns (spanColumns) rather than as text.
 */
export type PartColumnType = ColumnType | "span";

/** The INT32 columns of a "span" field: where its value starts in `_raw` (-1: null) and its length, in UTF-16 code units. */
export function spanColumns(name: string): readonly [string, string] {
  return [`${name}.at`, `${name}.len`];
}

/**
 * What opening needs of a part without reading it: its row groups' sizes and its columns, so
 * opening an index reads this manifest only and each part's footer on first use.
 */
export interface PartInfo {
  /** Relative to the index folder. */
  readonly name: string;
  readonly rowGroups: readonly number[];
  /** Name and type of each column, in the store's field order (so an opened index lists fields as `--data` does). */
  readonly columns: readonly (readonly [string, PartColumnType])[];
  /** Its term file (storage/terms/): absent in parts built without one, which every free-text search then reads. */
  readonly terms?: PartTermsInfo;
  /** Its dataset member file (storage/members/): absent in parts built without one, whose memberships come from `_datasets`. */
  readonly members?: PartMembersInfo;
}

/** A part's member file: relative to the index folder, its MEMBERS_VERSION and size. */
export interface PartMembersInfo {
  readonly name: string;
  readonly version: number;
  readonly bytes: number;
}

/** A part's term file: relative to the index folder, its TERMS_VERSION and size. */
export interface PartTermsInfo {
  readonly name: string;
  readonly version: number;
  readonly bytes: number;
}

export interface IndexedFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Its parts, in row order. */
  readonly parts: readonly PartInfo[];
  readonly events: number;
  /** Bytes read from disk. */
  readonly inputBytes: number;
  readonly skipped: readonly SkippedRecord[];
  /** Archive members not read because their name says they are not logs (absent: none). */
  readonly notLogs?: readonly string[];
  readonly sourcetypes: Readonly<Record<string, number>>;
  /** Events per CIM dataset (`Endpoint.Processes`), as the index materialised them. */
  readonly datasets: Readonly<Record<string, number>>;
  readonly earliest: number | null;
  readonly latest: number | null;
}

export interface Manifest {
  readonly format: number;
  readonly mapping: number;
  readonly minispl: string;
  /** What the ingest options were (sourcetype, source, host, index, a mapping file's hash). */
  readonly options: string;
  /** In input order (sorted paths): the index's rows follow it. */
  readonly files: readonly IndexedFile[];
}

export const MANIFEST = "manifest.json";

/** The manifest of an index folder, or null when there is none (or it cannot be used). */
export function readManifest(dir: string): Manifest | null {
  let text: string;
  try {
    text = platform().fs.readText(join(dir, MANIFEST));
  } catch {
    return null;
  }
  try {
    const m = JSON.parse(text) as Manifest;
    if (typeof m !== "object" || m === null || !Array.isArray(m.files)) throw new Error("no files list");
    return m;
  } catch (e) {
    throw new Error(`${join(dir, MANIFEST)}: not a minispl index manifest (${(e as Error).message})`);
  }
}

/** Writes the manifest atomically (a crash leaves the old one or the new one, never half). */
export function writeManifest(dir: string, m: Manifest): void {
  const tmp = join(dir, `${MANIFEST}.tmp`);
  platform().fs.writeFile(tmp, `${JSON.stringify(m, null, 1)}\n`);
  platform().fs.rename(tmp, join(dir, MANIFEST));
}
