/**
 * Pins the choices minispl makes where Splunk's documentation is silent or UNVERIFIED (README.md,
 * "Choices where Splunk's behaviour is undocumented"). Change them only together with the README.
 */
import { describe, expect, it } from "vitest";
import { EventStore, ingestText, runSearch } from "../../../src/index.js";

const sysmon1 = (pid: number, image: string, cmd: string, user: string, utc: string) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${utc.replace(" ", "T")}0000Z'/><EventRecordID>${pid}</EventRecordID><Correlation/><Execution ProcessID='2000' ThreadID='2100'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>HOST-A.lab.example</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>-</Data><Data Name='UtcTime'>${utc}</Data><Data Name='ProcessGuid'>{AAAAAAAA-0000-0000-0000-0000000000${pid % 100}}</Data><Data Name='ProcessId'>${pid}</Data><Data Name='Image'>${image}</Data><Data Name='CommandLine'>${cmd}</Data><Data Name='User'>${user}</Data><Data Name='ParentProcessId'>10</Data><Data Name='ParentImage'>C:\\Windows\\explorer.exe</Data><Data Name='ParentCommandLine'>explorer.exe</Data></EventData></Event>`;

function store(): EventStore {
  const s = new EventStore();
  const text = [
    sysmon1(9, "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c whoami", "LAB\\alice", "2024-05-01 10:00:00.500"),
    sysmon1(10, "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c dir", "LAB\\bob", "2024-05-01 10:00:01.250"),
    sysmon1(100, "C:\\Tools\\Whoami.exe", "Whoami.exe /groups", "LAB\\alice", "2024-05-01 11:30:00.000"),
  ].join("\n");
  expect(ingestText(s, text, "choices.xml", {}).skipped).toEqual([]);
  return s;
}

const rows = (q: string, opts: { tz?: string } = {}) => {
  const r = runSearch(q, store(), { now: 1_714_600_000, ...opts });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.table?.rows() ?? [];
};

describe("choices where Splunk is silent", () => {
  it("renders convert ctime in UTC by default and in --tz when given", () => {
    const q = "| tstats min(_time) as t from datamodel=Endpoint.Processes | convert ctime(t)";
    expect(rows(q)).toEqual([{ t: "05/01/2024 10:00:00" }]);
    expect(rows(q, { tz: "Europe/Berlin" })).toEqual([{ t: "05/01/2024 12:00:00" }]);
  });

  it("reads a bare model name as its first root dataset", () => {
    expect(rows("| tstats count from datamodel=Endpoint")).toEqual([{ count: 3 }]);
  });

  it("orders BY groups numerically when values are numbers, else in byte order", () => {
    expect(rows("| tstats count from datamodel=Endpoint.Processes by Processes.process_id").map((r) => r["Processes.process_id"])).toEqual(["9", "10", "100"]);
    expect(rows("| tstats count from datamodel=Endpoint.Processes by Processes.process_name").map((r) => r["Processes.process_name"])).toEqual(["Whoami.exe", "cmd.exe"]);
  });

  it("drops stats groups whose BY value is null", () => {
    expect(rows("index=main | eval g=if(process_id=\"9\", null(), \"x\") | stats count by g")).toEqual([{ g: "x", count: 2 }]);
  });

  it("matches free-text terms as case-insensitive substrings of _raw", () => {
    expect(rows("index=main WHOAMI | stats count")).toEqual([{ count: 2 }]);
    expect(rows("index=main \"/c d\" | stats count")).toEqual([{ count: 1 }]);
  });

  it("compares a multivalue field with = as true when any value matches", () => {
    expect(rows('| makeresults | eval m=split("a,b", ",") | where m="b" | stats count')).toEqual([{ count: 1 }]);
  });

  it("uses the record's Computer as host", () => {
    expect(rows("index=main | stats dc(host) as n values(host) as h")).toEqual([{ n: 1, h: "HOST-A.lab.example" }]);
  });
});
