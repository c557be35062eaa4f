// The two real Sysmon-for-Linux example logs (splunk_security_content_example_logs, datasets.md
// §3.1) against ESCU's data-source field lists: source, sourcetype, CIM fields, datamodel tags.
import { describe, expect, it } from "vitest";
import { EventStore, ingestPaths } from "../../src/index.js";
import type { Value } from "../../src/values/value.js";
import { sharedPath } from "../support/shared.js";

function load(name: string): Record<string, Value> {
  const store = new EventStore();
  const report = ingestPaths(store, [sharedPath(`datasets/splunk_security_content_example_logs/${name}`)]);
  expect(report.skipped).toEqual([]);
  expect(store.length).toBe(1);
  const row: Record<string, Value> = { _time: store.time(0) };
  for (const n of store.fieldNames()) {
    const v = store.value(0, n);
    if (v !== null) row[n] = v;
  }
  return row;
}

describe("Sysmon for Linux example logs", () => {
  it("EID 1 (sudo gdb) → Endpoint.Processes", () => {
    const ev = load("sysmon_for_linux_eventid_1.log");
    expect(ev).toMatchObject({
      source: "Syslog:Linux-Sysmon/Operational",
      sourcetype: "sysmon:linux",
      host: "ar-linux",
      dest: "ar-linux",
      EventCode: "1",
      process: "sudo gdb -nx -ex !sh -ex quit",
      process_name: "sudo",
      process_exec: "sudo",
      process_path: "/usr/bin/sudo",
      process_id: "10268",
      process_current_directory: "/home/ubuntu",
      parent_process: "-bash",
      parent_process_name: "bash",
      parent_process_path: "/bin/bash",
      parent_process_id: "15369",
      user: "ubuntu",
      action: "allowed",
      tag: ["process", "report"],
    });
    expect(ev._time).toBe(Date.UTC(2022, 7, 9, 10, 42, 47, 757) / 1000);
  });

  it("EID 11 (splunkd checkpoint) → Endpoint.Filesystem", () => {
    const ev = load("sysmon_for_linux_eventid_11.log");
    expect(ev).toMatchObject({
      EventCode: "11",
      process_name: "splunkd",
      process_path: "/opt/splunkforwarder/bin/splunkd",
      file_path: "/opt/splunkforwarder/var/lib/splunk/modinputs/journald/sysmon.checkpoint.tmp.dbed9d351dcc1806",
      file_name: "sysmon.checkpoint.tmp.dbed9d351dcc1806",
      file_create_time: "2021-12-20 16:07:17.929",
      object_category: "file",
      action: "created",
      user: "root",
      tag: ["endpoint", "filesystem"],
    });
  });
});
