// Endpoint.Processes (cim-mapping.md §1.2): membership by tags, unknown fills, the process_name
// fallback, integrity lower-casing, vendor_product; and the seed detection over samples/data.
import { describe, it, expect } from "vitest";
import { fileURLToPath } from "node:url";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestPaths, ingestText } from "../../../src/adapters/index.js";
import { datasetView } from "../../../src/datamodels/dataset-view.js";
import { findDataset } from "../../../src/datamodels/registry.js";
import { nameFromCommandLine } from "../../../src/datamodels/cim-calc.js";
import type { Value } from "../../../src/values/value.js";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml } from "../adapters/fixtures.js";

const processes = findDataset("Endpoint.Processes")!;

function rows(store: EventStore, names: readonly string[]): Record<string, Value>[] {
  const view = datasetView(store, processes);
  return Array.from(view.rows, (_row, i) =>
    Object.fromEntries(names.map((n) => [n, view.field(n)?.value(i) ?? null])),
  );
}

function storeOf(...records: string[]): EventStore {
  const store = new EventStore();
  ingestText(store, records.join("\n"), "inline.xml");
  return store;
}

const sysmon = (eid: number, data = SYSMON_1): string => sysmonXml(eid, "2023-11-07T09:41:12.523Z", data);
const security = (eid: number, data = SEC_4688): string => securityXml(eid, "2023-11-07T09:41:12.490Z", data);

describe("membership", () => {
  it.each([
    ["Sysmon EID 1", sysmon(1), true],
    ["Sysmon EID 5 (termination)", sysmon(5), true],
    ["Sysmon EID 10 (process access)", sysmon(10), true],
    ["Sysmon EID 3 (network)", sysmon(3), false],
    ["Sysmon EID 11 (file create)", sysmon(11), false],
    ["Security 4688", security(4688), true],
    ["Security 4689", security(4689), true],
    ["Security 4624", security(4624), false],
  ])("%s → %s", (_label, record, member) => {
    expect(datasetView(storeOf(record), processes).rows.length).toBe(member ? 1 : 0);
  });

  it("a bare `Endpoint` resolves to Processes", () => {
    expect(findDataset("Endpoint")?.name).toBe("Processes");
  });
});

describe("calculated fields", () => {
  it("fills unknown for missing dest/user/process/original_file_name/parent_*/loaded_file", () => {
    const bare = sysmon(5, [["UtcTime", "2023-11-07 09:41:12.000"]]);
    const [row] = rows(storeOf(bare), ["dest", "user", "process", "process_name", "original_file_name", "parent_process", "parent_process_name", "parent_user", "loaded_file", "process_id"]);
    expect(row).toEqual({
      dest: "WS-FIN-22.lab.example",
      user: "unknown",
      process: "unknown",
      process_name: "unknown",
      original_file_name: "unknown",
      parent_process: "unknown",
      parent_process_name: "unknown",
      parent_user: "unknown",
      loaded_file: "unknown",
      process_id: null,
    });
  });

  it("lower-cases process_integrity_level and keeps TA values otherwise", () => {
    const [row] = rows(storeOf(sysmon(1)), ["process_integrity_level", "process_name", "vendor_product", "user"]);
    expect(row).toEqual({ process_integrity_level: "high", process_name: "cmd.exe", vendor_product: "Microsoft Sysmon", user: "r.moreau" });
  });

  it("original_file_name of a 4688 is unknown; vendor_product from the TA", () => {
    const [row] = rows(storeOf(security(4688)), ["original_file_name", "vendor_product", "process_integrity_level"]);
    expect(row).toEqual({ original_file_name: "unknown", vendor_product: "Microsoft Windows", process_integrity_level: null });
  });

  it("derives process_name / parent_process_name from the command line when the TA set none", () => {
    const store = new EventStore();
    store.append({ time: 0, fields: { tag: ["process", "report"], sourcetype: "custom", process: '"C:\\Tools\\x y\\run.exe" -a', parent_process: "C:\\Windows\\explorer.exe" } });
    const [row] = rows(store, ["process_name", "parent_process_name", "vendor_product", "dest"]);
    expect(row).toEqual({ process_name: "run.exe", parent_process_name: "explorer.exe", vendor_product: "custom", dest: "unknown" });
  });
});

describe("nameFromCommandLine (CIM 6.2+ regexes)", () => {
  it.each([
    ['"C:\\Windows\\system32\\cmd.exe" /c dir', "cmd.exe"],
    ["C:\\Windows\\system32\\wbem\\scrcons.exe -Embedding", "scrcons.exe"],
    ["powershell.exe -nop", "powershell.exe"],
    ["  notepad.exe", null],
    ["C:\\a\\b.exe x\\y", "y"],
    ["", null],
  ])("%j → %j", (cmd, name) => expect(nameFromCommandLine(cmd)).toBe(name));
});

describe("seed detection over samples/data", () => {
  it("finds exactly the Sysmon EID 1, the 4688 and the FDR scrcons.exe events", () => {
    const store = new EventStore();
    const report = ingestPaths(store, [fileURLToPath(new URL("../../../samples/data/", import.meta.url))]);
    expect(report.skipped).toEqual([]);
    const hits = rows(store, ["process_name", "sourcetype", "dest", "user", "process", "process_id", "parent_process_id", "parent_process"])
      .filter((r) => r.process_name === "scrcons.exe")
      .map(({ sourcetype, user, process_id }) => ({ sourcetype, user, process_id }));
    expect(hits).toHaveLength(3);
    expect(hits).toEqual(
      expect.arrayContaining([
        { sourcetype: "XmlWinEventLog", user: "SYSTEM", process_id: "5316" },
        { sourcetype: "XmlWinEventLog", user: "WIN-LAB-07$", process_id: "0x14c4" },
        { sourcetype: "crowdstrike:events:sensor", user: "S-1-5-18", process_id: "31254790338" },
      ]),
    );
  });
});
