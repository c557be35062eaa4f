/**
 * `minispl test` on real ESCU detections and real attack data: the 7 Windows Sysmon tests whose
 * attack_data is `windows-sysmon.log` of T1047, T1027 and T1053.005 atomic_red_team. Upstream those
 * logs are Git LFS objects (not in ../shared); the same Attack Range runs are in the
 * attack_data.tar.gz beside them (NXLog JSON), which an attack_data root here names as the logs.
 * Each tarball must be loaded once for all the tests that use it, with the results that loading it
 * afresh for every test gave.
 */
import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMacros } from "../../src/cli/load-files.js";
import { ingestAttackData, type AttackDataOptions, type AttackDataSource } from "../../src/cli/test-attack-data.js";
import { testFiles, type TestOptions, type TestRow } from "../../src/cli/test-runner.js";
import { sharedPath } from "../support/shared.js";

const DETECTIONS = [
  "malicious_powershell_process___encoded_command", // T1027
  "process_execution_via_wmi", "remote_process_instantiation_via_wmi", "remote_wmi_command_attempt", "windows_wmi_process_call_create", // T1047
  "scheduled_task_deleted_or_created_via_cmd", "schtasks_scheduling_job_on_remote_system", // T1053.005
].map((n) => sharedPath(`escu/detections/endpoint/${n}.yml`));

function attackRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "minispl-escu-attack-"));
  for (const t of ["T1027", "T1047", "T1053.005"]) {
    const dir = join(root, "datasets/attack_techniques", t, "atomic_red_team");
    mkdirSync(dir, { recursive: true });
    symlinkSync(sharedPath(`datasets/splunk_attack_data/attack_techniques/${t}/atomic_red_team/attack_data.tar.gz`), join(dir, "windows-sysmon.log"));
  }
  return root;
}

function run(files: readonly string[], opts: TestOptions, source: AttackDataSource): TestRow[] {
  const macros = loadMacros(opts.macros);
  expect(macros.errors).toEqual([]);
  const out: TestRow[][] = [];
  testFiles(files, macros.table, opts, (i, rows) => void (out[i] = rows), source);
  return out.flat();
}

describe("minispl test: ESCU tests over splunk_attack_data", () => {
  it("7 tests over 3 tarballs pass, each tarball loaded once, with the results of a fresh load per test", () => {
    const opts: TestOptions = { attackData: attackRoot(), data: [], macros: [sharedPath("escu/macros")], lookups: [], format: "json", tz: "UTC" };
    const loads: string[] = [];
    const counting: AttackDataSource = {
      load(file: string, o: AttackDataOptions) {
        loads.push(file.split("/").at(-3) ?? file);
        return ingestAttackData.load(file, o);
      },
    };
    const rows = run(DETECTIONS, opts, counting);
    expect(loads).toEqual(["T1027", "T1047", "T1053.005"]);
    // What loading each test's attack data afresh gave (minispl test before the memo).
    const expected: [string, number][] = [
      ["Malicious PowerShell Process - Encoded Command", 10],
      ["Process Execution via WMI", 63],
      ["Remote Process Instantiation via WMI", 1],
      ["Remote WMI Command Attempt", 3],
      ["Windows WMI Process Call Create", 2],
      ["Scheduled Task Deleted Or Created via CMD", 1],
      ["Schtasks scheduling job on remote system", 4],
    ];
    expect(rows.map(({ duration_ms: _, ...r }) => r)).toEqual(expected.map(([name, n], i) => ({
      file: DETECTIONS[i], name, test: "True Positive Test", status: "pass", rows: n, message: `${n} result(s)`,
    })));
  });
});
