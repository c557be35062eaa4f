/**
 * MaxMind DB metadata (MaxMind DB File Format Specification v2.0, "Database Metadata"): a map
 * stored after the *last* `\xAB\xCD\xEFMaxMind.com` marker, within the file's final 128 KiB, decoded
 * with the data-section decoder (its pointers count from the end of the marker). The required keys
 * are checked here, with their types, so that a wrong or damaged file is refused at open time with
 * the key that was wrong rather than failing on the first lookup.
 */
import { Decoder, describe, MmdbError, type MmdbValue } from "./decoder.js";

export const METADATA_MARKER = Uint8Array.from([0xab, 0xcd, 0xef, ...new TextEncoder().encode("MaxMind.com")]);
/** The spec's limit for the metadata section, marker included. */
const METADATA_MAX = 128 * 1024;

export interface MmdbMetadata {
  readonly nodeCount: number;
  /** Bits per search-tree record; this reader supports the sizes MaxMind writes: 24, 28, 32. */
  readonly recordSize: 24 | 28 | 32;
  readonly ipVersion: 4 | 6;
  readonly databaseType: string;
  readonly languages: readonly string[];
  readonly binaryFormatMajorVersion: number;
  readonly binaryFormatMinorVersion: number;
  /** Build time, Unix epoch seconds. */
  readonly buildEpoch: bigint;
  /** Description by language code; empty when the file has none. */
  readonly description: Readonly<Record<string, string>>;
}

/** Where the metadata marker starts in the file (the data section ends there), and the metadata. */
export function readMetadata(buf: Uint8Array): { readonly markerAt: number; readonly metadata: MmdbMetadata } {
  const markerAt = findMarker(buf);
  if (markerAt < 0) {
    throw new MmdbError(`not a MaxMind DB file: no metadata marker "\\xAB\\xCD\\xEFMaxMind.com" in the last ${METADATA_MAX / 1024} KiB (${buf.length} bytes read)`);
  }
  const start = markerAt + METADATA_MARKER.length;
  if (start >= buf.length) throw new MmdbError("metadata: the file ends right after the metadata marker");
  const raw = new Decoder(buf, start, buf.length, "metadata").decode(0);
  if (typeof raw !== "object" || raw instanceof Uint8Array || Array.isArray(raw)) {
    throw new MmdbError(`metadata: expected a map, found a ${describe(raw)}`);
  }
  return { markerAt, metadata: checkMetadata(raw as Readonly<Record<string, MmdbValue>>) };
}

function findMarker(buf: Uint8Array): number {
  const m = METADATA_MARKER;
  const stop = Math.max(0, buf.length - METADATA_MAX);
  outer: for (let i = buf.length - m.length; i >= stop; i--) {
    for (let j = 0; j < m.length; j++) if (buf[i + j] !== m[j]) continue outer;
    return i;
  }
  return -1;
}

function checkMetadata(m: Readonly<Record<string, MmdbValue>>): MmdbMetadata {
  const major = uint(m, "binary_format_major_version");
  // A new major version may change the layout (spec "Version"), so reading it would be guesswork.
  if (major !== 2) throw new MmdbError(`metadata: binary_format_major_version is ${major}; this reader supports version 2`);
  const recordSize = uint(m, "record_size");
  if (recordSize !== 24 && recordSize !== 28 && recordSize !== 32) {
    throw new MmdbError(`metadata: record_size is ${recordSize}; supported sizes are 24, 28 and 32 bits`);
  }
  const ipVersion = uint(m, "ip_version");
  if (ipVersion !== 4 && ipVersion !== 6) throw new MmdbError(`metadata: ip_version is ${ipVersion}; it must be 4 or 6`);
  const nodeCount = uint(m, "node_count");
  if (nodeCount === 0) throw new MmdbError("metadata: node_count is 0; the search tree needs at least its root node");
  const databaseType = m.database_type;
  if (typeof databaseType !== "string") throw missing(m, "database_type", "a string");
  const buildEpoch = m.build_epoch;
  if (typeof buildEpoch !== "bigint" && typeof buildEpoch !== "number") throw missing(m, "build_epoch", "an unsigned integer");
  return {
    nodeCount,
    recordSize,
    ipVersion,
    databaseType,
    languages: stringList(m.languages),
    binaryFormatMajorVersion: major,
    binaryFormatMinorVersion: uint(m, "binary_format_minor_version"),
    buildEpoch: BigInt(buildEpoch),
    description: stringMap(m.description),
  };
}

function uint(m: Readonly<Record<string, MmdbValue>>, key: string): number {
  const v = m[key];
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === "bigint" && v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
  throw missing(m, key, "an unsigned integer");
}

function missing(m: Readonly<Record<string, MmdbValue>>, key: string, what: string): MmdbError {
  const v = m[key];
  return new MmdbError(v === undefined ? `metadata: required key ${key} is missing` : `metadata: ${key} must be ${what}, found a ${describe(v)}`);
}

/** Optional keys: a wrong shape is ignored rather than refused, since lookups do not need them. */
function stringList(v: MmdbValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function stringMap(v: MmdbValue | undefined): Record<string, string> {
  if (typeof v !== "object" || v instanceof Uint8Array || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
}
