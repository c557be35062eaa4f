/** The in-memory store row: `--data` without the cache, resident bytes per event after a load. */
import type { IncidentSet } from "./incident.js";
import { runTask } from "./spawn-task.js";
import { MB, round } from "./stats.js";

export async function measureMemory(dist: string, set: IncidentSet, maxEvents: number): Promise<Record<string, unknown>> {
  const m = (await runTask(dist, "memory", { files: prefix(set, maxEvents) })).result;
  return {
    bytes_per_event: round(m.bytesPerEvent), events: m.events, rss_delta_mb: round(m.rssDeltaBytes / MB), heap_used_mb: round(m.heapUsedBytes / MB), peak_rss_mb: round(m.peakRssBytes / MB),
    load_s: round(m.loadMs / 1000, 1), load_mb_per_s: round(m.inputBytes / MB / (m.loadMs / 1000), 1), target: "≤ 600 bytes per event (RSS delta after load ÷ events)", met: m.bytesPerEvent <= 600,
    ...(m.events < set.events ? { note: `loaded the first ${m.events} of ${set.events} events (--memory-events)` } : {}),
  };
}

/** The first files of the set holding at most `events` events (at least one file). */
function prefix(set: IncidentSet, events: number): string[] {
  const files: string[] = [];
  let n = 0;
  for (const [i, f] of set.files.entries()) {
    const k = set.eventsPerFile[i] as number;
    if (files.length > 0 && n + k > events) break;
    files.push(f);
    n += k;
  }
  return files;
}
