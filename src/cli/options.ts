/** Shared option parsing for the subcommands. */
import { InvalidArgumentError } from "commander";

export interface CommonOptions {
  data: string[];
  macros: string[];
  /** Lookup directories (definitions *.yml, tables *.csv); outputlookup writes into the first. */
  lookups: string[];
  /** A MaxMind DB file (.mmdb) for iplocation. */
  geoip?: string;
  /** ndjson: one JSON object per result row per line (for jq and streaming consumers). */
  format: "table" | "json" | "csv" | "ndjson";
  tz: string;
  now?: number;
  sourcetype?: string;
  source?: string;
  /** `--mapping <file.yml>`: user mapping for JSON-lines/CSV logs no adapter knows (src/adapters/user-mapping.ts). */
  mapping?: string;
  quiet?: boolean;
  /** `--index <dir>`: search an index built by `minispl index` instead of --data. */
  index?: string;
  /** false with `--no-cache`: --data is loaded into memory, not through the cached index. */
  cache?: boolean;
  /** `--debug`: print the JavaScript stack of an internal error (otherwise one line says what failed). */
  debug?: boolean;
  /** `--follow-symlinks`: read what links inside a named folder lead to outside it (otherwise skipped with a warning). */
  followSymlinks?: boolean;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseFormat(value: string): CommonOptions["format"] {
  if (value === "table" || value === "json" || value === "csv" || value === "ndjson") return value;
  throw new InvalidArgumentError("expected table, json, csv or ndjson");
}

/** `-j, --jobs`: a whole number of worker threads, 1 or more (`-j abc` used to mean 1 silently). */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number of threads, 1 or more");
  return Number(value);
}

/** `--now`: epoch seconds or an ISO-8601 time. */
export function parseNow(value: string): number {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError("expected epoch seconds or an ISO-8601 time");
  return ms / 1000;
}

export function parseTz(value: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    throw new InvalidArgumentError(`unknown time zone "${value}"`);
  }
  return value;
}
