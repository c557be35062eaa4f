/**
 * Budgets for reading hostile files. A compromised machine can hand us a decompression bomb (1 GB
 * of zeros is 1 MB of gzip), a zip with a million members, or a "log" with no line end in a
 * gigabyte: without limits each of these holds the whole thing in memory or runs for hours. Every
 * limit that is hit ends that member or file with a warning naming it and the limit; the rest of
 * the run goes on. Defaults are far above what real logs need (Windows and Sysmon logs compress
 * 10–30× with gzip; the longest real record lines are a few MB of PowerShell script block).
 */
import type { StreamOptions } from "./stream-types.js";

export interface IngestLimits {
  /** Bytes without a line end before a file or member is taken as not being log text. */
  readonly maxLineBytes: number;
  /** Decompressed bytes per compressed byte of a member, once past `ratioFloorBytes`. */
  readonly maxRatio: number;
  /** Below this many decompressed bytes the ratio is not checked (small members compress well). */
  readonly ratioFloorBytes: number;
  /** Members read per archive (zip entries, tar members). */
  readonly maxMembers: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxLineBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 256 * 1024 * 1024,
  maxMembers: 100_000,
};

export function limitsOf(opts: StreamOptions): IngestLimits {
  return { ...DEFAULT_LIMITS, ...opts.limits };
}

/** The most a member of `compressed` bytes may inflate to. */
export function inflateBudget(limits: IngestLimits, compressed: number): number {
  return Math.max(limits.ratioFloorBytes, compressed * limits.maxRatio);
}

export function mib(n: number): string {
  return `${Math.round((n / 1048576) * 10) / 10} MiB`;
}
