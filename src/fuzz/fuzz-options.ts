/** `npm run fuzz -- [--runs N] [--seed S] [--data] [--shared DIR] [--max-ms MS] [--jobs N]`. */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  readonly data: boolean;
  readonly shared: string;
  /** A run longer than this is a `slow` finding. */
  readonly maxMs: number;
  /** A run still going after this is a `hang`: its worker is killed. */
  readonly hardMs: number;
  /** ESCU checkout with detections/ and macros/, when present. */
  readonly escuDir: string | undefined;
  readonly shrinkCount: number;
  readonly shrinkMs: number;
  /** Where mutated data files that showed a finding are kept. */
  readonly out: string;
  /** Worker threads running jobs at once. */
  readonly jobs: number;
  /** Data files picked per extension (spread over sizes). */
  readonly perExtension: number;
}

export const USAGE = "usage: npm run fuzz -- [--runs N] [--seed S] [--data] [--shared DIR] [--max-ms 2000] [--out DIR] [--jobs 1] [--per-ext 6]";

export function fuzzOptions(argv: readonly string[]): FuzzOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      runs: { type: "string" }, seed: { type: "string" }, data: { type: "boolean" }, shared: { type: "string" },
      "max-ms": { type: "string" }, out: { type: "string" }, jobs: { type: "string" }, "per-ext": { type: "string" }, help: { type: "boolean" },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const data = values.data ?? false;
  const shared = resolve(values.shared ?? "../shared");
  const maxMs = int(values["max-ms"], 2000, "--max-ms");
  const escu = join(shared, "escu");
  const seed = int(values.seed, Date.now() % 2 ** 31, "--seed");
  return {
    runs: int(values.runs, data ? 300 : 10_000, "--runs"),
    seed,
    data,
    shared,
    maxMs,
    // Generous: a slow run is already a finding; this only ends runs that would never finish.
    hardMs: Math.max(10_000, maxMs * 10),
    escuDir: existsSync(join(escu, "detections")) ? escu : undefined,
    shrinkCount: 6,
    shrinkMs: 30_000,
    out: resolve(values.out ?? join(tmpdir(), `minispl-fuzz-${seed}`)),
    jobs: Math.max(1, int(values.jobs, 1, "--jobs")),
    perExtension: Math.max(1, int(values["per-ext"], 6, "--per-ext")),
  };
}

export class UsageError extends Error {}

function int(v: string | undefined, dflt: number, name: string): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} needs a whole number, got ${JSON.stringify(v)}\n${USAGE}`);
  return n;
}
