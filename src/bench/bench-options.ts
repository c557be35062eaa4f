/**
 * `npm run bench -- [--events N | --large] [--runs N] [--jobs N] [--file-mb N] [--tmp DIR] [--shared DIR]
 * [--skip memory,escu,…] [--memory-events N] [--anchor-mb N] [--seed N] [--keep] [--chdb-events N]`.
 */
import { availableParallelism, tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

export const MEASURES = ["anchor", "memory", "detect", "queries", "escu", "matching", "hostile", "precision", "chdb"] as const;
export type Measure = (typeof MEASURES)[number];

export interface BenchOptions {
  readonly events: number;
  readonly large: boolean;
  readonly runs: number;
  /** Index worker threads; default as `minispl index`: the cores, at most 4. */
  readonly jobs: number;
  readonly fileBytes: number;
  readonly tmp: string;
  /** ../shared: datasets/ and escu/. */
  readonly shared: string;
  readonly skip: ReadonlySet<Measure>;
  /** The in-memory store loads files up to this many events (10M would need tens of GB). */
  readonly memoryEvents: number;
  readonly anchorBytes: number;
  readonly seed: number;
  readonly keep: boolean;
  /** Synthetic events of the chDB vs memory vs DuckDB measure (measure-chdb.ts; its index is cached). */
  readonly chdbEvents: number;
}

const USAGE = "usage: npm run bench -- [--events N | --large] [--runs N] [--jobs N] [--file-mb N] [--tmp DIR] [--shared DIR] [--skip anchor,memory,detect,queries,escu,matching,hostile,precision,chdb] [--memory-events N] [--anchor-mb N] [--seed N] [--keep] [--chdb-events N]";

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string>();
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--large" || a === "--keep") bools.add(a);
    else if (a.startsWith("--") && i + 1 < argv.length) flags.set(a, argv[++i] as string);
    else throw new Error(`${a}: unknown argument\n${USAGE}`);
  }
  const num = (flag: string, dflt: number): number => {
    const v = flags.get(flag);
    if (v === undefined) return dflt;
    const n = Number(v.replaceAll("_", ""));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} ${v}: not a positive number\n${USAGE}`);
    return n;
  };
  const large = bools.has("--large");
  const events = Math.floor(num("--events", large ? 10_000_000 : 1_000_000));
  const skip = new Set<Measure>();
  for (const s of (flags.get("--skip") ?? "").split(",").filter(Boolean)) {
    if (!(MEASURES as readonly string[]).includes(s)) throw new Error(`--skip ${s}: one of ${MEASURES.join(", ")}`);
    skip.add(s as Measure);
  }
  // All of ESCU over 10M events is not a row of the table and would take most of an hour.
  if (large && !flags.has("--skip")) skip.add("escu");
  return {
    events,
    large,
    runs: Math.floor(num("--runs", 3)),
    jobs: Math.floor(num("--jobs", Math.min(4, availableParallelism()))),
    fileBytes: num("--file-mb", 128) * 1e6,
    tmp: flags.get("--tmp") ?? tmpdir(),
    shared: flags.get("--shared") ?? fileURLToPath(new URL("../../../shared/", import.meta.url)),
    skip,
    memoryEvents: Math.floor(num("--memory-events", Math.min(events, 1_000_000))),
    anchorBytes: num("--anchor-mb", 256) * 1e6,
    seed: Math.floor(num("--seed", 42)),
    keep: bools.has("--keep"),
    // 10M (the figure) with --large, as --events: indexing it alone takes ~40 min on 2 busy cores.
    chdbEvents: Math.floor(num("--chdb-events", large ? 10_000_000 : 1_000_000)),
  };
}
