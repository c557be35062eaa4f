/**
 * The small in-memory store fuzzed queries run over: a few plain key=value events (the fields the
 * SPL generators name) and a few Sysmon/Security XML records read by the real adapter, so ESCU
 * searches reach their filters and tstats has data-model rows to scan instead of stopping early.
 */
import { ingestText } from "../adapters/index.js";
import { EventStore } from "../store/event-store.js";

export const FUZZ_NOW = 1_700_000_000;

export function fuzzStore(): EventStore {
  const s = new EventStore();
  for (let i = 0; i < 5; i++) {
    s.append({ time: FUZZ_NOW + i, fields: { host: `h${i}`, source: "t", sourcetype: "t", _raw: `x=${i} s="a b ${i}"`, x: String(i), y: "ab", s: `a,b,${i}` } });
  }
  ingestText(s, XML_RECORDS.join("\n"), "fuzz.xml");
  s.compact();
  return s;
}

const SYSTEM = (provider: string, eid: number, channel: string) =>
  `<System><Provider Name='${provider}'/><EventID>${eid}</EventID><Version>5</Version><Level>4</Level>` +
  `<TimeCreated SystemTime='2023-11-14T22:13:20.000Z'/><EventRecordID>${eid}00</EventRecordID>` +
  `<Channel>${channel}</Channel><Computer>ws-01.lab.example</Computer></System>`;

const data = (pairs: Record<string, string>) => Object.entries(pairs).map(([k, v]) => `<Data Name='${k}'>${v}</Data>`).join("");

const sysmon = (eid: number, pairs: Record<string, string>) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${SYSTEM("Microsoft-Windows-Sysmon", eid, "Microsoft-Windows-Sysmon/Operational")}<EventData>${data(pairs)}</EventData></Event>`;

const XML_RECORDS = [
  sysmon(1, {
    UtcTime: "2023-11-14 22:13:20.000", ProcessGuid: "{00000000-0000-0000-0000-000000000001}", ProcessId: "4188",
    Image: "C:\\Windows\\System32\\cmd.exe", OriginalFileName: "Cmd.Exe", CommandLine: "cmd.exe /c whoami &amp;&amp; net user admin /add",
    User: "LAB\\alice", ParentImage: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", ParentCommandLine: "powershell.exe -enc SQBFAFgA",
    ParentProcessId: "3920", Hashes: "SHA256=00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF",
  }),
  sysmon(3, { Image: "C:\\Windows\\System32\\rundll32.exe", Protocol: "tcp", SourceIp: "10.0.0.5", DestinationIp: "8.8.8.8", DestinationPort: "443", User: "LAB\\alice" }),
  sysmon(11, { Image: "C:\\Windows\\System32\\certutil.exe", TargetFilename: "C:\\Users\\alice\\AppData\\Local\\Temp\\a.exe" }),
  sysmon(13, { EventType: "SetValue", Image: "C:\\Windows\\regedit.exe", TargetObject: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\x", Details: "C:\\a.exe" }),
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${SYSTEM("Microsoft-Windows-Security-Auditing", 4624, "Security")}` +
    `<EventData>${data({ TargetUserName: "alice", TargetDomainName: "LAB", LogonType: "3", IpAddress: "10.0.0.9", WorkstationName: "WS-02" })}</EventData></Event>`,
];
