/**
 * The foundation issue's acceptance, on real data no one here wrote: the seed detection
 * "Script Execution via WMI" run exactly as written from the ESCU YAML.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  builtinMacros, EventStore, filterMacroName, ingestPaths, ingestText, parseDetection, runnableSearch, runSearch, type Value,
} from "../../src/index.js";
import { runCli } from "../support/cli.js";
import { readShared, sharedPath } from "../support/shared.js";

const DETECTION = "escu/detections/endpoint/script_execution_via_wmi.yml";

function runSeed(store: EventStore): Record<string, Value>[] {
  const det = parseDetection(readShared(DETECTION), DETECTION).detection;
  if (!det) throw new Error("seed detection did not parse");
  const macros = builtinMacros().with([{ name: filterMacroName(det.name), args: [], definition: "search *", origin: "test" }]);
  const r = runSearch(runnableSearch(det.search), store, { macros });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.table?.rows() ?? [];
}

describe("Script Execution via WMI on real data", () => {
  it("Sysmon EID 1 from an EVTX-derived XML file gives exactly the expected row (CLI, json)", async () => {
    const file = sharedPath("datasets/evtx_attack_samples_sbousseaden/xml/Persistence/wmighost_sysmon_20_21_1.evtx.xml");
    const r = await runCli(["detect", sharedPath(DETECTION), "--data", file, "--format", "json"]);
    expect(r.code).toBe(0);
    // detect names each row's detection as Enterprise Security does (issue 11 item 7).
    expect(JSON.parse(r.stdout)).toEqual([
      {
        search_name: "ESCU - Script Execution via WMI - Rule",
        dest: "PC04.example.corp",
        user: "SYSTEM",
        parent_process: "C:\\Windows\\system32\\svchost.exe -k DcomLaunch",
        process_name: "scrcons.exe",
        process: "C:\\Windows\\system32\\wbem\\scrcons.exe -Embedding",
        process_id: "2636",
        parent_process_id: "596",
        count: 1,
        firstTime: "2019-04-03T18:11:59",
        lastTime: "2019-04-03T18:11:59",
      },
    ]);
  });

  it("OTRF NXLog JSON gives the Sysmon EID 1 and the Security 4688 rows, all scrcons.exe", () => {
    const store = new EventStore();
    ingestPaths(store, [sharedPath("datasets/otrf_security_datasets/extracted/covenant_wmi_remote_event_subscription_ActiveScriptEventConsumers_2020-09-01214330.json")], {});
    const rows = runSeed(store);
    expect(rows.every((r) => r.process_name === "scrcons.exe")).toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ process_id: "972", dest: "WORKSTATION6.theshire.local", user: "SYSTEM", parent_process: "C:\\windows\\system32\\svchost.exe -k DcomLaunch -p" }));
    expect(rows).toContainEqual(expect.objectContaining({ process_id: "0x3cc", parent_process: "C:\\Windows\\System32\\svchost.exe", user: "WORKSTATION6$" }));
  });

  it("a real CrowdStrike ProcessRollup2 whose ImageFileName is scrcons.exe gives one row", () => {
    const original = JSON.parse(readShared("datasets/splunk_security_content_example_logs/crowdstrike_processrollup2.json")) as Record<string, string>;
    const changed = { ...original, ImageFileName: "\\Device\\HarddiskVolume1\\Windows\\System32\\wbem\\scrcons.exe" };
    const store = new EventStore();
    ingestText(store, JSON.stringify(changed), "pr2.json", {});
    const rows = runSeed(store);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ process_name: "scrcons.exe", process_id: "5642133882", parent_process_id: "5459598860", count: 1, firstTime: "2024-04-22T16:59:33" });
    const unchanged = new EventStore();
    ingestText(unchanged, JSON.stringify(original), "pr2.json", {});
    expect(runSeed(unchanged)).toEqual([]);
  });

  it("DeepBlueCLI's 8k events hold no scrcons.exe: [] and exit 0", async () => {
    const r = await runCli(["detect", sharedPath(DETECTION), "--data", sharedPath("datasets/deepbluecli/xml"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/loaded 8095 events from 23 file\(s\)/);
  });

  it("runs with ESCU's own macro files loaded", async () => {
    const r = await runCli(["detect", sharedPath(DETECTION), "--macros", sharedPath("escu/macros"), "--data", sharedPath("datasets/evtx_attack_samples_sbousseaden/xml/Persistence"), "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => x.dest)).toContain("PC04.example.corp");
  });
});

describe("minispl test on real attack data", () => {
  const layout = (file: string): string => {
    const root = mkdtempSync(join(tmpdir(), "minispl-attack-"));
    const dir = join(root, "datasets/attack_techniques/T1047/execution_scrcons");
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, join(dir, "windows-sysmon.log"));
    return root;
  };

  it("passes with real Sysmon events that include the scrcons.exe creation", async () => {
    const root = layout(sharedPath("datasets/evtx_attack_samples_sbousseaden/xml/Persistence/wmighost_sysmon_20_21_1.evtx.xml"));
    const r = await runCli(["test", sharedPath(DETECTION), "--attack-data", root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("PASS  Script Execution via WMI — True Positive Test (1 rows");
  });

  it("fails with real Sysmon events that hold no scrcons.exe", async () => {
    const root = layout(sharedPath("datasets/deepbluecli/xml/sliver-sysmon.evtx.xml"));
    const r = await runCli(["test", sharedPath(DETECTION), "--attack-data", root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAIL  Script Execution via WMI");
  });
});
