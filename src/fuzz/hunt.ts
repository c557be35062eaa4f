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
}

export async function hunt<T>(arb: fc.Arbitrary<T>, check: Check<T>, o: HuntOptions): Promise<HuntResult<T>> {
  const counts: Record<string, number> = {};
  const firsts = new Map<string, Example<T>>();
  let run = 0;
  await fc.check(
    fc.asyncProperty(arb, async (v) => {
      for (const f of await check(v, false)) {
        counts[f.kind] = (counts[f.kind] ?? 0) + 1;
        const key = f.group ?? `${f.kind}|${f.detail.split(" ").slice(0, 4).join(" ")}`;
        if (!firsts.has(key)) firsts.set(key, { ...f, run, input: v });
      }
      o.onProgress?.(++run);
      return true;
    }),
    { numRuns: o.runs, seed: o.seed },
  );
  const examples: Example<T>[] = [];
  for (const ex of firsts.values()) {
    examples.push(examples.length < o.shrinkCount ? await shrink(arb, check, ex, o) : ex);
  }
  return { runs: run, counts, examples };
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
