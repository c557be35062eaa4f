/**
 * The synthetic Sysmon set of the chDB bench (measure-chdb.ts): `events` XmlWinEventLog records
 * (EID 1 process creations, 70%; EID 3 network connections and EID 11 file creations, the rest,
 * which Endpoint.Processes must skip) written as `sysmon-NNN.xml` files of FILE_EVENTS records.
 * Unlike the incident set (incident.ts), it needs no real records, and its cardinalities are
 * chosen for group-heavy tstats: hosts grow with N (≤ 2,000), each with a few users, ~40 images
 * under ~12 parents, command lines with a varying argument (~20k distinct), random process ids
 * (so `by process_id` makes a group per event). Deterministic for a given N and seed; anything
 * that changes the bytes written must bump SYSMON_SET_VERSION (it keys the cached index).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { rng } from "./rng.js";

export const SYSMON_SET_VERSION = 1;

/** Events per file: ~0.7 GB files, about two index parts each; files are indexed in parallel. */
export const FILE_EVENTS = 500_000;

export interface SysmonSet {
  readonly files: readonly string[];
  readonly events: number;
  readonly bytes: number;
  /** Events per EventCode. */
  readonly codes: Readonly<Record<string, number>>;
  readonly hosts: number;
}

/** [image path, weight]. scrcons.exe (the seed detection's target) is rare, as in real data. */
const IMAGES: readonly (readonly [string, number])[] = [
  ["C:\\Windows\\System32\\svchost.exe", 18], ["C:\\Windows\\System32\\conhost.exe", 12], ["C:\\Windows\\System32\\cmd.exe", 10],
  ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", 8], ["C:\\Program Files\\PowerShell\\7\\pwsh.exe", 2],
  ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\PowerShell_ISE.exe", 0.3],
  ["C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", 9], ["C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", 5],
  ["C:\\Windows\\System32\\rundll32.exe", 3], ["C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", 2], ["C:\\Windows\\System32\\taskhostw.exe", 3],
  ["C:\\Windows\\System32\\RuntimeBroker.exe", 3], ["C:\\Windows\\System32\\dllhost.exe", 2], ["C:\\Windows\\System32\\SearchProtocolHost.exe", 2],
  ["C:\\Windows\\System32\\backgroundTaskHost.exe", 1.5], ["C:\\Windows\\System32\\reg.exe", 1], ["C:\\Windows\\System32\\net.exe", 1],
  ["C:\\Windows\\System32\\net1.exe", 0.8], ["C:\\Windows\\System32\\whoami.exe", 0.5], ["C:\\Windows\\System32\\ipconfig.exe", 0.5],
  ["C:\\Windows\\System32\\schtasks.exe", 0.6], ["C:\\Windows\\System32\\sc.exe", 0.6], ["C:\\Windows\\System32\\wbem\\WMIC.exe", 0.5],
  ["C:\\Windows\\System32\\certutil.exe", 0.2], ["C:\\Windows\\System32\\mshta.exe", 0.1], ["C:\\Windows\\System32\\regsvr32.exe", 0.3],
  ["C:\\Windows\\System32\\wscript.exe", 0.2], ["C:\\Windows\\System32\\cscript.exe", 0.2], ["C:\\Windows\\System32\\bitsadmin.exe", 0.1],
  ["C:\\Windows\\System32\\msiexec.exe", 0.8], ["C:\\Windows\\System32\\notepad.exe", 0.7], ["C:\\Windows\\explorer.exe", 0.5],
  ["C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE", 1], ["C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", 0.8],
  ["C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", 0.8], ["C:\\Windows\\System32\\WerFault.exe", 1],
  ["C:\\Windows\\System32\\wuauclt.exe", 0.5], ["C:\\Windows\\System32\\smartscreen.exe", 1], ["C:\\Windows\\System32\\wbem\\scrcons.exe", 0.01],
];

const PARENTS: readonly (readonly [string, number])[] = [
  ["C:\\Windows\\System32\\services.exe", 20], ["C:\\Windows\\System32\\svchost.exe", 25], ["C:\\Windows\\explorer.exe", 20],
  ["C:\\Windows\\System32\\cmd.exe", 10], ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", 6],
  ["C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", 8], ["C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", 3],
  ["C:\\Windows\\System32\\userinit.exe", 2], ["C:\\Windows\\System32\\taskeng.exe", 2],
  ["C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE", 1], ["C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", 0.7],
  ["C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", 0.5],
];

const SERVICE_GROUPS = ["netsvcs -p", "LocalService -p", "NetworkService -p", "DcomLaunch -p", "RPCSS -p", "LocalSystemNetworkRestricted -p", "UnistackSvcGroup", "appmodel -p", "wsappx -p", "utcsvc -p"];

/** A weighted choice by one uniform draw. */
function weighted(items: readonly (readonly [string, number])[]): (r: number) => string {
  const total = items.reduce((n, [, w]) => n + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) cum.push((acc += w) / total);
  return (r) => {
    let lo = 0;
    while (lo < cum.length - 1 && (cum[lo] as number) <= r) lo++;
    return (items[lo] as readonly [string, number])[0];
  };
}

/** A command line for an image: mostly a handful of forms, with a numeric argument (~500 values each). */
function commandLine(image: string, r: () => number): string {
  const n = Math.floor(r() * 500);
  const name = image.slice(image.lastIndexOf("\\") + 1).toLowerCase();
  if (name === "svchost.exe") return `${image} -k ${SERVICE_GROUPS[n % SERVICE_GROUPS.length]}`;
  if (name === "cmd.exe") return `"${image}" /c echo job${n} > C:\\Windows\\Temp\\out${n}.txt`;
  if (name === "powershell.exe" || name === "pwsh.exe") return `"${image}" -NoProfile -ExecutionPolicy Bypass -EncodedCommand SQBFAFgAIAAoA${n.toString(36).toUpperCase()}AA==`;
  if (name === "conhost.exe") return `\\??\\${image} 0xffffffff -ForceV1`;
  if (name === "chrome.exe" || name === "msedge.exe") return `"${image}" --type=renderer --renderer-client-id=${n} --field-trial-handle=${1000 + n}`;
  if (name === "rundll32.exe") return `${image} C:\\Windows\\System32\\shell32.dll,Control_RunDLL ${n}`;
  return `"${image}" ${n}`;
}

export interface SysmonSetOptions {
  readonly events: number;
  readonly seed: number;
  /** Epoch ms of the first and last event. */
  readonly startMs: number;
  readonly endMs: number;
}

const BLOCK_CHARS = 4 << 20;

/** Writes the set into `dir` (which must exist). */
export function writeSysmonSet(dir: string, opts: SysmonSetOptions): SysmonSet {
  const random = rng(opts.seed);
  const image = weighted(IMAGES);
  const parent = weighted(PARENTS);
  const hosts = Math.max(50, Math.min(2000, Math.round(opts.events / 5000)));
  const step = (opts.endMs - opts.startMs) / Math.max(1, opts.events - 1);
  const codes: Record<string, number> = {};
  const files: string[] = [];
  let bytes = 0;
  let fd = -1;
  let block: string[] = [];
  let chars = 0;
  const flush = (): void => {
    const b = Buffer.from(block.join(""), "utf8");
    writeSync(fd, b);
    bytes += b.length;
    block = [];
    chars = 0;
  };
  try {
    for (let i = 0; i < opts.events; i++) {
      if (i % FILE_EVENTS === 0) {
        if (fd >= 0) {
          flush();
          closeSync(fd);
        }
        const path = join(dir, `sysmon-${String(files.length).padStart(3, "0")}.xml`);
        fd = openSync(path, "w");
        files.push(path);
      }
      const h = Math.floor(random() ** 2 * hosts);
      const host = `WS-${String(h).padStart(4, "0")}.corp.example`;
      // Each host has its own user, a shared admin and the service accounts.
      const u = random();
      const user = u < 0.55 ? `CORP\\user${(h * 7) % 997}` : u < 0.6 ? "CORP\\admin" : u < 0.9 ? "NT AUTHORITY\\SYSTEM" : u < 0.95 ? "NT AUTHORITY\\LOCAL SERVICE" : "NT AUTHORITY\\NETWORK SERVICE";
      const c = random();
      const code = c < 0.7 ? "1" : c < 0.9 ? "3" : "11";
      codes[code] = (codes[code] ?? 0) + 1;
      const ms = opts.startMs + Math.floor(i * step);
      const text = record(code, { host, user, ms, recordId: 1000 + i, image: image(random()), parent: parent(random()), pid: 1000 + Math.floor(random() * 64000), ppid: 400 + Math.floor(random() * 9000), random });
      block.push(text, "\n");
      chars += text.length + 1;
      if (chars >= BLOCK_CHARS) flush();
    }
    if (fd >= 0 && block.length) flush();
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  return { files, events: opts.events, bytes, codes, hosts };
}

interface RecordArgs {
  readonly host: string;
  readonly user: string;
  readonly ms: number;
  readonly recordId: number;
  readonly image: string;
  readonly parent: string;
  readonly pid: number;
  readonly ppid: number;
  readonly random: () => number;
}

const TASKS: Readonly<Record<string, string>> = { "1": "1", "3": "3", "11": "11" };

function record(code: string, a: RecordArgs): string {
  const iso = new Date(a.ms).toISOString();
  const utc = iso.replace("T", " ").replace("Z", "");
  const guid = `{8A2C1F30-${a.pid.toString(16).toUpperCase().padStart(4, "0")}-6500-0000-00${String(a.recordId).padStart(10, "0")}}`;
  const system = `<System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>${code}</EventID><Version>5</Version><Level>4</Level><Task>${TASKS[code]}</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${iso.replace("Z", "0000Z")}'/><EventRecordID>${a.recordId}</EventRecordID><Correlation/><Execution ProcessID='2044' ThreadID='3010'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${a.host}</Computer><Security UserID='S-1-5-18'/></System>`;
  const head = `<Data Name='RuleName'>-</Data><Data Name='UtcTime'>${utc}</Data><Data Name='ProcessGuid'>${guid}</Data><Data Name='ProcessId'>${a.pid}</Data><Data Name='Image'>${a.image}</Data>`;
  let data: string;
  if (code === "1") {
    const cmd = xmlText(commandLine(a.image, a.random));
    const parentCmd = xmlText(commandLine(a.parent, a.random));
    data = `${head}<Data Name='CommandLine'>${cmd}</Data><Data Name='CurrentDirectory'>C:\\Windows\\system32\\</Data><Data Name='User'>${a.user}</Data><Data Name='LogonId'>0x3e7</Data><Data Name='IntegrityLevel'>${a.user.startsWith("NT") ? "System" : "Medium"}</Data><Data Name='Hashes'>SHA256=${(a.image.length * 2654435761 >>> 0).toString(16).padStart(8, "0").repeat(8).toUpperCase()}</Data><Data Name='ParentProcessGuid'>{8A2C1F30-0000-6500-0000-0010ED6A0000}</Data><Data Name='ParentProcessId'>${a.ppid}</Data><Data Name='ParentImage'>${a.parent}</Data><Data Name='ParentCommandLine'>${parentCmd}</Data>`;
  } else if (code === "3") {
    const port = [443, 80, 445, 53, 135, 3389][Math.floor(a.random() * 6)];
    data = `${head}<Data Name='User'>${a.user}</Data><Data Name='Protocol'>tcp</Data><Data Name='Initiated'>true</Data><Data Name='SourceIp'>10.1.${Math.floor(a.random() * 16)}.${Math.floor(a.random() * 250)}</Data><Data Name='SourcePort'>${49152 + Math.floor(a.random() * 16000)}</Data><Data Name='DestinationIp'>192.0.2.${Math.floor(a.random() * 250)}</Data><Data Name='DestinationPort'>${port}</Data>`;
  } else {
    data = `${head}<Data Name='TargetFilename'>C:\\Users\\Public\\file${Math.floor(a.random() * 5000)}.tmp</Data><Data Name='CreationUtcTime'>${utc}</Data><Data Name='User'>${a.user}</Data>`;
  }
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${system}<EventData>${data}</EventData></Event>`;
}

/** Command lines carry `"` and `>`: escaped as Windows renders them in XML. */
function xmlText(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
