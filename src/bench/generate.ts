/**
 * Synthetic Sysmon EID 1 records in the exact XmlWinEventLog rendering, for the parse-only bench
 * (xml-parse.ts). Deterministic (a fixed linear congruential generator), so runs compare. The
 * issue-9 bench (run.ts) uses real records instead (incident.ts).
 */
const IMAGES = [
  "C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\conhost.exe", "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "C:\\Windows\\System32\\rundll32.exe",
  "C:\\Windows\\System32\\wbem\\scrcons.exe",
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function pick<T>(xs: readonly T[], r: number): T {
  return xs[Math.floor(r * xs.length)] as T;
}

/** Picks scrcons.exe rarely (about 1 in 10,000), as in real data. */
function image(r: () => number): string {
  return r() < 0.0001 ? (IMAGES[7] as string) : pick(IMAGES.slice(0, 7), r());
}

export function generateSysmonXml(n: number): string {
  const r = rng(7);
  const out: string[] = [];
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const img = image(r);
    const ts = new Date(t0 + i * 1000).toISOString();
    const utc = ts.replace("T", " ").replace("Z", "");
    const host = `WS-${Math.floor(r() * 500)}.corp.example`;
    out.push(`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${ts.replace("Z", "0000Z")}'/><EventRecordID>${1000 + i}</EventRecordID><Correlation/><Execution ProcessID='2044' ThreadID='3010'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${host}</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>-</Data><Data Name='UtcTime'>${utc}</Data><Data Name='ProcessGuid'>{8A2C1F30-0000-6500-0000-00${String(i).padStart(10, "0")}}</Data><Data Name='ProcessId'>${1000 + (i % 60000)}</Data><Data Name='Image'>${img}</Data><Data Name='FileVersion'>10.0.19041.1</Data><Data Name='Description'>-</Data><Data Name='Product'>Microsoft® Windows® Operating System</Data><Data Name='Company'>Microsoft Corporation</Data><Data Name='OriginalFileName'>-</Data><Data Name='CommandLine'>${img} -k netsvcs -p</Data><Data Name='CurrentDirectory'>C:\\Windows\\system32\\</Data><Data Name='User'>CORP\\user${Math.floor(r() * 200)}</Data><Data Name='LogonGuid'>{8A2C1F30-0000-6500-0000-0020E7030000}</Data><Data Name='LogonId'>0x3e7</Data><Data Name='TerminalSessionId'>0</Data><Data Name='IntegrityLevel'>System</Data><Data Name='Hashes'>SHA256=${"A".repeat(64)}</Data><Data Name='ParentProcessGuid'>{8A2C1F30-0000-6500-0000-0010ED6A0000}</Data><Data Name='ParentProcessId'>${600 + (i % 50)}</Data><Data Name='ParentImage'>C:\\Windows\\System32\\services.exe</Data><Data Name='ParentCommandLine'>C:\\Windows\\system32\\services.exe</Data></EventData></Event>`);
  }
  return `${out.join("\n")}\n`;
}
