// Endpoint.Filesystem / Registry / Services / Ports (cim-mapping.md §1.3): tag membership and fills.
import { describe, it, expect } from "vitest";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestText } from "../../../src/adapters/index.js";
import { datasetView } from "../../../src/datamodels/dataset-view.js";
import { findDataset } from "../../../src/datamodels/registry.js";
import type { Value } from "../../../src/values/value.js";
import { sysmonXml } from "../adapters/fixtures.js";

function view(dataset: string, text: string, names: readonly string[]): Record<string, Value>[] {
  const store = new EventStore();
  ingestText(store, text, "inline");
  const v = datasetView(store, findDataset(dataset)!);
  return Array.from(v.rows, (_r, i) => Object.fromEntries(names.map((n) => [n, v.field(n)?.value(i) ?? null])));
}

const FILE = sysmonXml(11, "2023-11-07T09:42:00.000Z", [
  ["UtcTime", "2023-11-07 09:41:59.000"],
  ["ProcessId", "4188"],
  ["Image", "C:\\Windows\\System32\\cmd.exe"],
  ["TargetFilename", "C:\\Users\\Public\\out.txt"],
  ["CreationUtcTime", "2023-11-01 08:00:00.000"],
]);
const REG = sysmonXml(12, "2023-11-07T09:42:00.000Z", [
  ["EventType", "CreateKey"],
  ["UtcTime", "2023-11-07 09:41:59.000"],
  ["Image", "C:\\Windows\\regedit.exe"],
  ["TargetObject", "HKLM\\SOFTWARE\\Acme\\Agent"],
]);

describe("other Endpoint datasets", () => {
  it("Filesystem holds Sysmon EID 11 with file fields and fills", () => {
    expect(view("Endpoint.Filesystem", FILE, ["action", "file_name", "file_path", "file_hash", "file_acl", "process_name", "process_id"])).toEqual([
      { action: "modified", file_name: "out.txt", file_path: "C:\\Users\\Public\\out.txt", file_hash: "unknown", file_acl: "unknown", process_name: "cmd.exe", process_id: "4188" },
    ]);
    expect(view("Endpoint.Processes", FILE, ["dest"])).toEqual([]);
  });

  it("Registry holds Sysmon EID 12", () => {
    expect(view("Endpoint.Registry", REG, ["action", "registry_path", "registry_key_name", "registry_value_name", "registry_hive", "status"])).toEqual([
      { action: "created", registry_path: "HKLM\\SOFTWARE\\Acme\\Agent", registry_key_name: "Agent", registry_value_name: "unknown", registry_hive: "HKEY_LOCAL_MACHINE\\Software", status: "success" },
    ]);
  });

  it("Services holds Sysmon EID 4 (service + report tags)", () => {
    const rec = sysmonXml(4, "2023-11-07T09:42:00.000Z", [["UtcTime", "2023-11-07 09:41:59.000"], ["State", "Started"]], 3);
    expect(view("Endpoint.Services", rec, ["dest", "service", "vendor_product"])).toEqual([
      { dest: "WS-FIN-22.lab.example", service: "unknown", vendor_product: "Microsoft Sysmon" },
    ]);
  });

  it("Ports holds FDR NetworkConnectIP4 with the add-on's dest_port and the transport/src_port fills", () => {
    const line = '{"event_simpleName":"NetworkConnectIP4","timestamp":"1699350072204","RemotePort":"443","event_platform":"Win"}';
    expect(view("Endpoint.Ports", line, ["transport", "dest_port", "transport_dest_port", "src_port", "vendor_product"])).toEqual([
      { transport: "unknown", dest_port: "443", transport_dest_port: "unknown/443", src_port: "0", vendor_product: "CrowdStrike FDR" },
    ]);
  });
});
