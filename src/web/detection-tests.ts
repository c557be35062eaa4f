/**
 * A detection's tests for the web UI, as `minispl test` runs them: each test's attack_data entries
 * found and loaded by the caller's `load` (the server maps URLs to files under --attack-data; the
 * playground looks among the dropped files), then the search and contentctl's verdict
 * (src/testing). Node-free; what was loaded or not found is reported per entry.
 */
import { runDetectionTest, type Detection, type DetectionTest, type LoadedAttackData, type MacroTable, type TestRunOptions } from "../index.js";
import type { AttackDataView, DetectionTestView } from "./api.js";

export type AttackDataEntry = DetectionTest["attackData"][number];

/** An entry's events, or why there are none (`file` null: not found). */
export type AttackDataLoad = LoadedAttackData | { readonly file: string | null; readonly error: string };

export function detectionTestViews(det: Detection, macros: MacroTable, load: (entry: AttackDataEntry) => AttackDataLoad, opts: TestRunOptions, stopped: () => boolean): DetectionTestView[] {
  return det.tests.map((t) => {
    const started = Date.now();
    const attackData: AttackDataView[] = [];
    const loaded: LoadedAttackData[] = [];
    let problem: string | null = stopped() ? "not run: the tests were cancelled" : null;
    for (const a of problem ? [] : t.attackData) {
      const d = load(a);
      if ("error" in d) {
        attackData.push({ url: a.data, file: d.file, events: 0, message: d.error });
        problem ??= d.error;
        continue;
      }
      const unread = d.events === 0 && d.skipped.length > 0 ? `no event could be read (${d.skipped[0]?.reason ?? "unknown format"})` : null;
      attackData.push({ url: a.data, file: d.file, events: d.events, message: unread ?? "loaded" });
      loaded.push(d);
    }
    const view = (status: DetectionTestView["status"], rows: number, message: string): DetectionTestView =>
      ({ name: t.name, status, rows, message, durationMs: Date.now() - started, attackData });
    if (problem) return view("error", 0, problem);
    const r = runDetectionTest(det, loaded, macros, opts);
    return view(r.status, r.rows, r.message);
  });
}
