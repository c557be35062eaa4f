/** Shared option parsing for the subcommands. */
import { InvalidArgumentError } from "commander";

export interface CommonOptions {
  data: string[];
  macros: string[];
  /** Lookup directories (definitions *.yml, tables *.csv); outputlookup writes into the first. */
  lookups: string[];
  /** A MaxMind DB file (.mmdb) for iplocation. */
  geoip?: string;
  format: "table" | "json" | "csv";
  tz: string;
  now?: number;
  sourcetype?: string;
  source?: string;
  quiet?: boolean;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseFormat(value: string): CommonOptions["format"] {
  if (value === "table" || value === "json" || value === "csv") return value;
  throw new InvalidArgumentError("expected table, json or csv");
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
