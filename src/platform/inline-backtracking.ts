/**
 * The browser's backtracking-regex runner (Threads.runBacktracking): a JavaScript regex that RE2
 * cannot run (backreferences, lookaround) runs inline in the engine's Web Worker. Node runs it in
 * a worker thread to stop it after its budget; in the playground a runaway pattern is stopped by
 * the Cancel button, which terminates the whole engine worker (web/playground/worker-client.ts),
 * so the page never hangs. The budget is therefore not applied here.
 */
import type { BacktrackAnswer, BacktrackJob, WireMatch } from "./threads.js";

const cache = new Map<string, RegExp>();

function compile(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** The job answered as Node's worker answers it (never timed out: Cancel is the limit here). */
export function runBacktrackingInline(job: BacktrackJob): BacktrackAnswer {
  try {
    const flags = job.flags.replace(/[gyd]/g, "");
    if (job.op === "test") return { timedOut: false, value: compile(job.source, flags).test(job.input) };
    const list: WireMatch[] = [];
    if (job.limit > 0) {
      for (const m of job.input.matchAll(compile(job.source, `${flags}dg`))) {
        const spans = job.spans ? Array.from(m.indices ?? [], (x) => (x ? ([x[0], x[1]] as [number, number]) : undefined)) : null;
        list.push([m.index, m.index + m[0].length, Array.from(m), spans]);
        if (list.length >= job.limit) break;
      }
    }
    return { timedOut: false, value: list };
  } catch (e) {
    return { timedOut: false, error: String((e as Error)?.message ?? e) };
  }
}
