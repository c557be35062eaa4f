/** Median of repeated timings: one slow run on a shared machine does not move it. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Rounds to `digits` decimals (JSON stays readable). */
export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const MB = 1e6;

/**
 * A repetition slower than this is not repeated: medians are for the quick measures, and three
 * runs of a minute-long search would only say the machine is busy.
 */
export const SLOW_MS = 20_000;

/** Runs `fn` up to `runs` times, stopping after a run slower than SLOW_MS (at least once). */
export async function repeat<T>(runs: number, fn: () => Promise<T>, ms: (r: T) => number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await fn();
    out.push(r);
    if (ms(r) > SLOW_MS) break;
  }
  return out;
}
