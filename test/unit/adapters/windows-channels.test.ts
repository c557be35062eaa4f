// Non-Security Windows channels (ta-windows-channels.ts): System 7045/7036/7040 → Endpoint.Services,
// PowerShell 4104 multi-line script blocks kept whole, WMI-Activity 5861/5857 Message rendered from
// UserData so ESCU's `rex field=Message "Consumer =…"` works. Inputs are written in Windows' compact
// XML rendering (as EVTX converters and Splunk write it) with invented values.
import { describe, expect, it } from "vitest";
import { builtinMacros, runSearch } from "../../../src/index.js";
import { ingest, one } from "./fixtures.js";

function xml(provider: string, eid: string, channel: string, body: string, qualifiers = ""): string {
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}' ` +
    `Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}'/><EventID${qualifiers}>${eid}</EventID><Version>0</Version><Level>4</Level>` +
    `<Task>0</Task><Opcode>0</Opcode><Keywords>0x8080000000000000</Keywords><TimeCreated SystemTime='2024-02-01T10:00:00.5000000Z'/>` +
    `<EventRecordID>7001</EventRecordID><Correlation/><Execution ProcessID='640' ThreadID='700'/><Channel>${channel}</Channel>` +
    `<Computer>srv-02.corp.example</Computer><Security UserID='S-1-5-18'/></System>${body}</Event>`
  );
}
const data = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  `<EventData>${pairs.map(([k, v]) => `<Data Name='${k}'>${v}</Data>`).join("")}</EventData>`;
const SCM = "Service Control Manager";
const Q = " Qualifiers='16384'";

const E7045 = xml(SCM, "7045", "System", data([
  ["ServiceName", "UpdaterSvc"],
  ["ImagePath", "%COMSPEC% /c echo x &gt; \\\\.\\pipe\\upd"],
  ["ServiceType", "user mode service"],
  ["StartType", "demand start"],
  ["AccountName", "LocalSystem"],
]), Q);
const E7036 = xml(SCM, "7036", "System", `${data([["param1", "Volume Shadow Copy"], ["param2", "stopped"]])}`.replace(
  "</EventData>", "<Binary>5600530053002F0031000000</Binary></EventData>"), Q);
const E7040 = xml(SCM, "7040", "System", data([["param1", "Windows Update"], ["param2", "demand start"], ["param3", "disabled"], ["param4", "wuauserv"]]), Q);

describe("System Service Control Manager events", () => {
  it("7045 → service fields and Endpoint.Services", () => {
    const ev = one(E7045);
    expect(ev).toMatchObject({
      source: "XmlWinEventLog:System",
      EventCode: "7045",
      service_name: "UpdaterSvc",
      service: "UpdaterSvc",
      service_path: "%COMSPEC% /c echo x &gt; \\\\.\\pipe\\upd",
      start_mode: "manual",
      ServiceType: "user mode service",
      user: "LocalSystem",
      dest: "srv-02.corp.example",
      Error_Code: "-",
      tag: ["os", "report", "service", "track_event_signatures", "windows"],
    });
  });

  it("7036 status and key name from <Binary>; 7040 start_mode from param3", () => {
    expect(one(E7036)).toMatchObject({ service_name: "Volume Shadow Copy", status: "stopped", param2: "stopped", ServiceName: "VSS" });
    expect(one(E7040)).toMatchObject({ service_name: "Windows Update", start_mode: "disabled", ServiceName: "wuauserv" });
  });

  it("tstats over Endpoint.Services and ESCU's 7040 search shape", () => {
    const { store } = ingest(`${E7045}\n${E7036}\n${E7040}\n`);
    const run = (q: string) => runSearch(q, store, { macros: builtinMacros() }).table?.rows();
    expect(run("| tstats count from datamodel=Endpoint.Services by Services.start_mode")).toEqual([
      { "Services.start_mode": "disabled", count: 1 },
      { "Services.start_mode": "manual", count: 1 },
      { "Services.start_mode": "unknown", count: 1 },
    ]);
    // ESCU's `wineventlog_system` macro is `eventtype=wineventlog_system`.
    expect(run("eventtype=wineventlog_system EventCode=7040 (service_name IN (\"Windows Update\") OR param1 IN (\"wuauserv\")) AND (param3=disabled OR start_mode = disabled) | stats count by Computer Error_Code service_name start_mode")).toEqual([
      { Computer: "srv-02.corp.example", Error_Code: "-", service_name: "Windows Update", start_mode: "disabled", count: 1 },
    ]);
  });
});

describe("PowerShell 4104", () => {
  it("keeps a multi-line ScriptBlockText whole, with ScriptBlockId and Path", () => {
    const script = "function Get-X {\r\n  param($a)\r\n01/02/2024 10:00:00 AM\r\n  Invoke-Expression $a\r\n}";
    const ev = one(xml("Microsoft-Windows-PowerShell", "4104", "Microsoft-Windows-PowerShell/Operational", data([
      ["MessageNumber", "1"],
      ["MessageTotal", "1"],
      ["ScriptBlockText", script],
      ["ScriptBlockId", "0f6c2b4e-5a7d-4c3b-9e21-7d8f1a2b3c4d"],
      ["Path", "C:\\Users\\ops\\x.ps1"],
    ])));
    expect(ev).toMatchObject({ ScriptBlockText: script, ScriptBlockId: "0f6c2b4e-5a7d-4c3b-9e21-7d8f1a2b3c4d", Path: "C:\\Users\\ops\\x.ps1", EventCode: "4104" });
  });
});

const WMI = "Microsoft-Windows-WMI-Activity/Operational";
const CAUSE = "Binding EventFilter: \ninstance of __EventFilter\n{\n\tName = \"F1\";\n};\nPerm. Consumer: \ninstance of CommandLineEventConsumer\n{\n\tName = \"C1\";\n};\n";
const E5861 = xml("Microsoft-Windows-WMI-Activity", "5861", WMI,
  "<UserData><Operation_ESStoConsumerBinding xmlns='http://manifests.microsoft.com/win/2006/windows/WMI'><Namespace>//./root/subscription</Namespace>" +
  `<ESS>F1</ESS><CONSUMER>CommandLineEventConsumer="C1"</CONSUMER><PossibleCause>${CAUSE}</PossibleCause></Operation_ESStoConsumerBinding></UserData>`);

describe("WMI-Activity", () => {
  it("5861 without RenderingInfo gets Windows' rendered Message; ESCU's rex extracts the consumer", () => {
    const ev = one(E5861);
    expect(ev.Message).toBe(`Namespace = //./root/subscription; Eventfilter = F1 (refer to its activate eventid:5859); Consumer = CommandLineEventConsumer="C1"; PossibleCause = ${CAUSE}`);
    const { store } = ingest(E5861);
    const r = runSearch('EventCode=5861 Binding | rex field=Message "Consumer =\\s+(?<consumer>[^;|^$]+)" | table consumer', store, { macros: builtinMacros() });
    expect(r.table?.rows()).toEqual([{ consumer: 'CommandLineEventConsumer="C1"' }]);
  });

  it("5857 Message; a rendered Message is never replaced", () => {
    const e5857 = xml("Microsoft-Windows-WMI-Activity", "5857", WMI,
      "<UserData><Operation_StartedOperational xmlns='http://manifests.microsoft.com/win/2006/windows/WMI'><ProviderName>CIMWin32</ProviderName>" +
      "<Code>0x0</Code><HostProcess>wmiprvse.exe</HostProcess><ProcessID>3100</ProcessID><ProviderPath>%systemroot%\\system32\\wbem\\cimwin32.dll</ProviderPath></Operation_StartedOperational></UserData>");
    expect(one(e5857).Message).toBe("CIMWin32 provider started with result code 0x0. HostProcess = wmiprvse.exe; ProcessID = 3100; ProviderPath = %systemroot%\\system32\\wbem\\cimwin32.dll");
    const rendered = E5861.replace("</Event>", "<RenderingInfo Culture='en-US'><Message>as rendered</Message></RenderingInfo></Event>");
    expect(one(rendered).Message).toBe("as rendered");
  });
});
