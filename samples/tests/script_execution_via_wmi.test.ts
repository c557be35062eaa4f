/**
 * A worked example of detection unit tests with minispl's vitest matchers: the seed detection
 * must fire on a true-positive sample and stay silent on benign data. Run with `npm test`.
 */
import { describe, expect, it } from "vitest";
import { runDetection } from "minispl/vitest";

const DETECTION = "samples/detections/script_execution_via_wmi.yml";

describe("Script Execution via WMI", () => {
  it("fires on a Sysmon process creation of scrcons.exe", () => {
    const run = runDetection(DETECTION, { data: ["samples/data/sysmon.xml"] });
    expect(run).toFire();
    expect(run).toFireWith({ process_name: "scrcons.exe", dest: "WIN-LAB-07.corp.example", user: "SYSTEM" });
    expect(run.verdict.status).toBe("pass");
  });

  it("fires on Security 4688 and CrowdStrike ProcessRollup2 too", () => {
    expect(runDetection(DETECTION, { data: ["samples/data/security.xml"] })).toFireWith({ process_id: "0x14c4" });
    expect(runDetection(DETECTION, { data: ["samples/data/crowdstrike-fdr.json"] })).toFireWith({ dest: "unknown" });
  });

  it("stays silent on benign process events", () => {
    expect(runDetection(DETECTION, { data: ["samples/data/nxlog.json"] })).not.toFire();
  });
});
