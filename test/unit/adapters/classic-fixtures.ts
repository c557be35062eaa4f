// Hand-written classic WinEventLog records in the exact real rendering (datasets.md §4.5): a date
// line, `key=value` header lines ending in LF, then `Message=` whose lines end in CRLF, the last
// one in LF. Hosts, users, ids and GUIDs are invented.

export const CLASSIC_HOST = "fin-dc-04.corp.example";

type Pairs = ReadonlyArray<readonly [string, string]>;

export function classic(date: string, header: Pairs, message: readonly string[]): string {
  return `${date}\n${header.map(([k, v]) => `${k}=${v}`).join("\n")}\nMessage=${message.join("\r\n")}\n`;
}

/** PowerShell 4104 with the header order and message of the real export. */
export function classic4104(date: string, record: number, script: string): string {
  return classic(
    date,
    [
      ["LogName", "Microsoft-Windows-PowerShell/Operational"],
      ["SourceName", "Microsoft-Windows-PowerShell"],
      ["EventCode", "4104"],
      ["EventType", "5"],
      ["Type", "Verbose"],
      ["ComputerName", CLASSIC_HOST],
      ["User", "NOT_TRANSLATED"],
      ["Sid", "S-1-5-21-3917044220-1106293411-2950107717-1104"],
      ["SidType", "0"],
      ["TaskCategory", "Execute a Remote Command"],
      ["OpCode", "On create calls"],
      ["RecordNumber", String(record)],
      ["Keywords", "None"],
    ],
    ["Creating Scriptblock text (1 of 1):", script, "", "ScriptBlock ID: 6f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b", "Path:"],
  );
}

const SECURITY_HEADER = (code: string, record: number, keywords: string, category: string): Pairs => [
  ["LogName", "Security"],
  ["EventCode", code],
  ["EventType", "0"],
  ["ComputerName", CLASSIC_HOST],
  ["SourceName", "Microsoft Windows security auditing."],
  ["Type", "Information"],
  ["RecordNumber", String(record)],
  ["Keywords", keywords],
  ["TaskCategory", category],
  ["OpCode", "Info"],
];

/** Security 4688 as the classic event log renders it (tabs after labels, resolved names). */
export function classic4688(opts: { commandLine?: string; targetAccount?: string; keywords?: string } = {}): string {
  return classic("03/09/2024 12:05:31 AM", SECURITY_HEADER("4688", 918273, opts.keywords ?? "Audit Success", "Process Creation"), [
    "A new process has been created.",
    "",
    "Creator Subject:",
    "\tSecurity ID:\t\tCORP\\j.okafor",
    "\tAccount Name:\t\tj.okafor",
    "\tAccount Domain:\t\tCORP",
    "\tLogon ID:\t\t0x5A3F1",
    "",
    "Target Subject:",
    "\tSecurity ID:\t\tNULL SID",
    `\tAccount Name:\t\t${opts.targetAccount ?? "-"}`,
    "\tAccount Domain:\t\t-",
    "\tLogon ID:\t\t0x0",
    "",
    "Process Information:",
    "\tNew Process ID:\t\t0x1f2c",
    "\tNew Process Name:\tC:\\Windows\\System32\\certutil.exe",
    "\tToken Elevation Type:\tTokenElevationTypeDefault (1)",
    "\tMandatory Label:\t\tMandatory Label\\High Mandatory Level",
    "\tCreator Process ID:\t0x1a08",
    "\tCreator Process Name:\tC:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    `\tProcess Command Line:\t${opts.commandLine ?? "certutil.exe -exportPFX -p secret my C:\\Users\\Public\\c.pfx"}`,
    "",
    "Token Elevation Type indicates the type of token that was assigned to the new process in accordance with User Account Control policy.",
    "",
    "Type 1 is a full token with no privileges removed or groups disabled.",
  ]);
}

/** Security 4625 (failed logon) in classic rendering. */
export function classic4625(status: string): string {
  return classic("03/09/2024 12:47:02 PM", SECURITY_HEADER("4625", 918301, "Audit Failure", "Logon"), [
    "An account failed to log on.",
    "",
    "Subject:",
    "\tSecurity ID:\t\tNULL SID",
    "\tAccount Name:\t\t-",
    "\tAccount Domain:\t\t-",
    "\tLogon ID:\t\t0x0",
    "",
    "Logon Type:\t\t\t3",
    "",
    "Account For Which Logon Failed:",
    "\tSecurity ID:\t\tNULL SID",
    "\tAccount Name:\t\tsvc_backup",
    "\tAccount Domain:\t\tCORP",
    "",
    "Failure Information:",
    "\tFailure Reason:\t\tUnknown user name or bad password.",
    `\tStatus:\t\t\t${status}`,
    "\tSub Status:\t\t0xC000006A",
    "",
    "Network Information:",
    "\tWorkstation Name:\tKALI-07",
    "\tSource Network Address:\t10.20.30.41",
    "\tSource Port:\t\t51544",
    "",
    "Detailed Authentication Information:",
    "\tLogon Process:\t\tNtLmSsp ",
    "\tAuthentication Package:\tNTLM",
    "\tPackage Name (NTLM only):\t-",
    "\tKey Length:\t\t0",
  ]);
}
