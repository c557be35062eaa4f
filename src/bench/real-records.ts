/**
 * The real records the incident set is made of, read at bench time from ../shared/datasets (its
 * third-party content is never copied into the repository): every `<Event xmlns=…>` record in the
 * XmlWinEventLog text files (EVTX→XML conversions, Splunk's example logs, the raw attack_data
 * export) whose channel and EventID is one of KINDS.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The event kinds of the incident mix, as "channel:EventID". */
export const KINDS: Readonly<Record<string, string>> = {
  "Microsoft-Windows-Sysmon/Operational:1": "Sysmon 1",
  "Microsoft-Windows-Sysmon/Operational:3": "Sysmon 3",
  "Microsoft-Windows-Sysmon/Operational:7": "Sysmon 7",
  "Microsoft-Windows-Sysmon/Operational:10": "Sysmon 10",
  "Microsoft-Windows-Sysmon/Operational:11": "Sysmon 11",
  "Microsoft-Windows-Sysmon/Operational:13": "Sysmon 13",
  "Security:4624": "Security 4624",
  "Security:4625": "Security 4625",
  "Security:4688": "Security 4688",
  "Microsoft-Windows-PowerShell/Operational:4104": "PowerShell 4104",
};

/**
 * One capture can hold thousands of copies of one event (DeepBlueCLI's password-guessing file has
 * 3,561 × 4625); capping each file keeps the mix that of many hosts and attacks, not of one.
 */
export const MAX_PER_FILE = 500;

export interface RealRecord {
  readonly kind: string;
  readonly text: string;
  readonly computer: string;
}

export interface RecordPool {
  readonly records: readonly RealRecord[];
  readonly files: number;
  /** Records per kind (what the set's mix follows). */
  readonly kinds: Readonly<Record<string, number>>;
}

const RECORD = /<Event xmlns=[\s\S]*?<\/Event>/g;
const TEXT_FILE = /\.(xml|log|raw)$/i;

export function readRealRecords(datasets: string): RecordPool {
  const records: RealRecord[] = [];
  const kinds: Record<string, number> = {};
  let files = 0;
  for (const file of textFiles(datasets)) {
    let taken = 0;
    for (const m of readFileSync(file, "utf8").matchAll(RECORD)) {
      const text = m[0];
      const kind = KINDS[`${tag(text, "Channel")}:${tag(text, "EventID")}`];
      const computer = tag(text, "Computer");
      if (!kind || !computer || taken >= MAX_PER_FILE) continue;
      records.push({ kind, text, computer });
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      taken++;
    }
    if (taken > 0) files++;
  }
  if (records.length === 0) throw new Error(`no XmlWinEventLog records of the incident kinds under ${datasets}`);
  return { records, files, kinds };
}

function tag(text: string, name: string): string | undefined {
  return new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(text)?.[1];
}

/** Sorted, so the pool (and the set built from it) is the same on every run. */
function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...textFiles(p));
    else if (TEXT_FILE.test(name)) out.push(p);
  }
  return out;
}
