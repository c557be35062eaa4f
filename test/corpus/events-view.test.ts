// Issue 11, items 1 and 2, over real data: `index=*` over the EVTX attack samples' XML prints the
// events view, capped by --max-events, from the cached index. (The same over samples/:
// test/e2e/events-view.test.ts.) Never skipped: a missing ../shared fails loudly (sharedPath throws).
import { describe, expect, it } from "vitest";
import { spawnCli } from "../support/cli.js";
import { sharedPath } from "../support/shared.js";

/** A header line of the events view: the time as Splunk Web shows it, then host=… */
const HEADER = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}  host=/gm;

describe("index=* over the EVTX attack samples", () => {
  // How fast (the acceptance: < 2 s for the whole process on a quiet machine) is measured by
  // `npm run bench` (hostile_scaling.events_view, beside the same command's `| head 1`), not here:
  // a timed test failed at 9-15 s on a loaded machine. The timeout is the hang guard and covers the
  // first run, which builds the cache.
  it("prints 100 events from the cached index", { timeout: 120_000 }, () => {
    const args = ["search", "index=*", "--data", sharedPath("datasets/evtx_attack_samples_sbousseaden/xml"), "--max-events", "100", "-q"];
    spawnCli(args); // builds (or checks) the cache
    const r = spawnCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout.match(HEADER)).toHaveLength(100);
    expect(r.stdout).toMatch(/100 events shown; more events follow/);
    expect(r.stdout).not.toMatch(/^\+--/m);
  });
});
