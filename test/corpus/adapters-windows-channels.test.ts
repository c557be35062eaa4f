// Non-Security Windows channels on real data (ta-windows-channels.ts): WMI 5861 Message rendering on
// DeepBlueCLI's wmi-event-filter-persistance (UserData only, datasets.md §1), PowerShell 4104
// multi-line script blocks, System 7045 (sbousseaden) and Splunk's 7036/7040 reference events.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { builtinMacros, EventStore, ingestPaths, runSearch } from "../../src/index.js";
import type { Value } from "../../src/values/value.js";
import { sharedPath } from "../support/shared.js";

function load(rel: string): { store: EventStore; rows: Record<string, Value>[] } {
  const store = new EventStore();
  const report = ingestPaths(store, [sharedPath(`datasets/${rel}`)]);
  expect(report.skipped).toEqual([]);
  const rows = Array.from({ length: store.length }, (_x, r) => {
    const row: Record<string, Value> = { _time: store.time(r) };
    for (const n of store.fieldNames()) {
      const v = store.value(r, n);
      if (v !== null) row[n] = v;
    }
    return row;
  });
  return { store, rows };
}

describe("WMI-Activity 5861 without RenderingInfo", () => {
  const rel = "deepbluecli/xml/wmi-event-filter-persistance.evtx.xml";
  it("ESCU's rex on the rendered Message yields each record's CONSUMER", () => {
    const { store } = load(rel);
    const consumers = [...readFileSync(sharedPath(`datasets/${rel}`), "utf8").matchAll(/<EventID>5861<\/EventID>[\s\S]*?<CONSUMER>([^<]*)<\/CONSUMER>/g)].map((m) => m[1]!);
    expect(consumers).toHaveLength(12);
    const r = runSearch('EventCode=5861 Binding | rex field=Message "Consumer =\\s+(?<consumer>[^;|^$]+)" | table consumer', store, { macros: builtinMacros() });
    // Search results come newest first; compare as sorted lists.
    expect(r.table?.rows().map((row) => String(row.consumer)).sort()).toEqual([...consumers].sort());
    expect(consumers.some((c) => !c.startsWith("NTEventLogEventConsumer"))).toBe(true);
  });
});

describe("PowerShell 4104", () => {
  it("a 58-line script block is one field value, byte for byte", () => {
    const rel = "deepbluecli/xml/Powershell-Invoke-Obfuscation-many.evtx.xml";
    const { rows } = load(rel);
    const text = readFileSync(sharedPath(`datasets/${rel}`), "utf8");
    const rec = /<EventRecordID>572453<\/EventRecordID>[\s\S]*?<Data Name='ScriptBlockText'>([^<]*)<\/Data>/.exec(text)![1]!;
    const ev = rows.find((r) => r.EventRecordID === "572453")!;
    expect(ev).toMatchObject({ EventCode: "4104", ScriptBlockId: "8f18030c-7203-4231-bcc9-48e15b755ba1", ScriptBlockText: rec });
    expect(rec.split("\n")).toHaveLength(59);
  });
});

describe("System Service Control Manager", () => {
  it("7045 WinPwnage (sbousseaden) → Endpoint.Services", () => {
    const { rows, store } = load("evtx_attack_samples_sbousseaden/xml/Privilege Escalation/System_7045_namedpipe_privesc.evtx.xml");
    const ev = rows.find((r) => r.EventCode === "7045")!;
    expect(ev).toMatchObject({
      service_name: "WinPwnage",
      service_path: "%COMSPEC% /c ping -n 1 127.0.0.1 &gt;nul &amp;&amp; echo 'WinPwnage' &gt; \\\\.\\pipe\\WinPwnagePipe",
      start_mode: "manual",
      user: "LocalSystem",
      dest: "IEWIN7",
    });
    const r = runSearch("| tstats count from datamodel=Endpoint.Services where Services.service_name=WinPwnage by Services.dest", store, { macros: builtinMacros() });
    expect(r.table?.rows()).toEqual([{ "Services.dest": "IEWIN7", count: 1 }]);
  });

  it("Splunk's 7036 / 7040 reference events carry ESCU's listed fields", () => {
    const dir = "splunk_security_content_example_logs/";
    expect(load(`${dir}windows_event_log_system_7036.log`).rows[0]).toMatchObject({
      ServiceName: "sppsvc", param1: "sppsvc", param2: "stopped", service_name: "sppsvc", service: "sppsvc", status: "stopped", Error_Code: "-",
    });
    expect(load(`${dir}windows_event_log_system_7040.log`).rows[0]).toMatchObject({
      ServiceName: "Spooler", service_name: "Print Spooler", start_mode: "disabled", user_id: "'S-1-5-21-3344543075-1022232225-2459664213-500'",
    });
  });
});
