/**
 * Two passes over one fast-check arbitrary. The first runs every input and counts every finding
 * (fc.assert would stop at the first). The second replays the first input of each kind of finding
 * by its seed and run index (fast-check's `path`) with a property that fails on that kind, so
 * fast-check shrinks it to a small input that still shows it.
 */
import fc from "fast-check";

export interface Finding {
  /** e.g. `exception`, `internal`, `slow`, `hang`, `gained`. */
  readonly kind: string;
  readonly detail: string;
  /** Findings with the same group are one example; default: the kind and the detail's first words. */
  readonly group?: string;
}

export interface Example<T> extends Finding {
  readonly run: number;
  readonly input: T;
  /** The shrunk input, when the replay still showed the same kind of finding. */
  readonly minimal?: T;
  readonly minimalDetail?: string;
}

/** `replay` is true while shrinking: those runs are not counted. */
export type Check<T> = (v: T, replay: boolean) => Promise<Finding[]>;

export interface HuntResult<T> {
  readonly runs: number;
  readonly counts: Record<string, number>;
  readonly examples: Example<T>[];
}

export interface HuntOptions {
  readonly runs: number;
  readonly seed: number;
  /** Shrink at most this many distinct (kind, first detail line) findings. */
  readonly shrinkCount: number;
  /** Time limit per shrink, ms. */
  readonly shrinkMs: number;
  readonly onProgress?: (run: number) => void;
  /** Checks running at once (one worker each); default 1. */
  readonly jobs?: number;
}

/**
 * With `jobs` > 1 the property returns as soon as its check is started and waits only while
 * `jobs` checks are running, so that many workers are busy; each input keeps the run index
 * fast-check generated it at, which is what replay needs.
 */
export async function hunt<T>(arb: fc.Arbitrary<T>, check: Check<T>, o: HuntOptions): Promise<HuntResult<T>> {
  const counts: Record<string, number> = {};
  const firsts = new Map<string, Example<T>>();
  let generated = 0;
  let done = 0;
  const running = new Set<Promise<void>>();
  const jobs = Math.max(1, o.jobs ?? 1);
  const one = async (v: T, run: number) => {
    for (const f of await check(v, false)) {
      counts[f.kind] = (counts[f.kind] ?? 0) + 1;
      const key = f.group ?? `${f.kind}|${f.detail.split(" ").slice(0, 4).join(" ")}`;
      const known = firsts.get(key);
      if (!known || known.run > run) firsts.set(key, { ...f, run, input: v });
    }
    o.onProgress?.(++done);
  };
  await fc.check(
    fc.asyncProperty(arb, async (v) => {
      while (running.size >= jobs) await Promise.race(running);
      const p = one(v, generated++).finally(() => running.delete(p));
      running.add(p);
      return true;
    }),
    { numRuns: o.runs, seed: o.seed },
  );
  await Promise.all(running);
  const examples: Example<T>[] = [];
  for (const ex of [...firsts.values()].sort((a, b) => a.run - b.run)) {
    examples.push(examples.length < o.shrinkCount ? await shrink(arb, check, ex, o) : ex);
  }
  return { runs: done, counts, examples };
}

async function shrink<T>(arb: fc.Arbitrary<T>, check: Check<T>, ex: Example<T>, o: HuntOptions): Promise<Example<T>> {
  let last: Finding | undefined;
  const r = await fc.check(
    fc.asyncProperty(arb, async (v) => {
      const same = (await check(v, true)).find((f) => f.kind === ex.kind);
      if (same) last = same;
      return !same;
    }),
    { seed: o.seed, path: String(ex.run), numRuns: 1, interruptAfterTimeLimit: o.shrinkMs, markInterruptAsFailure: false },
  );
  if (!r.failed || !r.counterexample) return ex;
  return { ...ex, minimal: r.counterexample[0], ...(last ? { minimalDetail: last.detail } : {}) };
}
