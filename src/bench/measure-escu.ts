/** The ESCU row: every production detection over the index, total seconds and peak RSS. */
import { join } from "node:path";
import { runTask } from "./spawn-task.js";
import { MB, round } from "./stats.js";

export async function measureEscu(dist: string, dir: string, shared: string, now: number): Promise<Record<string, unknown>> {
  const e = await runTask(dist, "escu", { dir, escu: join(shared, "escu"), now });
  const r = e.result;
  return {
    detections: r.detections, ran_without_error: r.ok, stopped_with_error: r.failed, threw: r.crashed, returned_rows: r.fired,
    run_s: round(r.runMs / 1000, 1), load_s: round(r.loadMs / 1000, 1), process_wall_s: round(e.wallMs / 1000, 1), peak_rss_mb: round(r.peakRssBytes / MB),
    slowest_ms: r.slowest, first_errors: r.errors, target: "≤ 30 s, peak RSS ≤ 2 GB", met: r.runMs <= 30_000 && r.peakRssBytes <= 2e9,
  };
}
