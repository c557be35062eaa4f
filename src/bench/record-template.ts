/**
 * A real record split once at the places that vary between replicated copies (time, host, record
 * number, process ids and GUIDs, command lines), so rendering a copy is string concatenation and
 * not a regex pass over 1–2 KB per event: generating 10M events must not dominate the bench.
 */

/** What one copy of a record gets in place of the original's values. */
export interface Variation {
  readonly host: string;
  /** Eight hex digits per host: the machine part of Sysmon GUIDs. */
  readonly hostHex: string;
  readonly recordId: number;
  /** Epoch milliseconds. */
  readonly timeMs: number;
  readonly random: () => number;
}

type SlotKind = "systemTime" | "recordId" | "computer" | "utcTime" | "pid" | "guid" | "commandLine";

interface Slot {
  readonly kind: SlotKind;
  readonly original: string;
}

// Single or double quotes: EVTX converters write Name='…', some exports Name="…".
const SLOTS = /(<TimeCreated SystemTime=['"])([^'"]*)|(<EventRecordID>)([^<]*)|(<Computer>)([^<]*)|(<Data Name=['"](\w+)['"]>)([^<]*)(?=<\/Data>)/g;
const GUID = /^\{[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}$/;
/**
 * Numbers and hex runs of a command line that name one run (ports, pids, temp names such as
 * `__1681926425`, hashes), not part of a word or version ("system32", "v1.0", "127.0.0.1").
 */
const VARIABLE_RUN = /(?<![A-Za-z0-9.])(\d{2,}|[0-9A-Fa-f]{8,})(?![A-Za-z0-9.])/g;

function dataSlot(name: string, value: string): SlotKind | null {
  if (name === "UtcTime") return "utcTime";
  if (/ProcessI[dD]$/.test(name) && /^(0x[0-9a-fA-F]+|\d+)$/.test(value)) return "pid";
  if (/ProcessGu?ID$/i.test(name) && GUID.test(value)) return "guid";
  if (name === "CommandLine" || name === "ParentCommandLine") return "commandLine";
  return null;
}

export class RecordTemplate {
  private readonly statics: string[] = [];
  private readonly slots: Slot[] = [];

  constructor(text: string) {
    let last = 0;
    for (const m of text.matchAll(SLOTS)) {
      const prefix = m[1] ?? m[3] ?? m[5] ?? (m[7] as string);
      const value = m[2] ?? m[4] ?? m[6] ?? (m[9] as string);
      const kind: SlotKind | null = m[1] ? "systemTime" : m[3] ? "recordId" : m[5] ? "computer" : dataSlot(m[8] as string, value);
      if (!kind) continue;
      const at = (m.index as number) + prefix.length;
      this.statics.push(text.slice(last, at));
      this.slots.push({ kind, original: value });
      last = at + value.length;
    }
    this.statics.push(text.slice(last));
  }

  render(v: Variation): string {
    let out = this.statics[0] as string;
    for (let i = 0; i < this.slots.length; i++) out += value(this.slots[i] as Slot, v) + (this.statics[i + 1] as string);
    return out;
  }
}

function value(slot: Slot, v: Variation): string {
  switch (slot.kind) {
    case "systemTime":
      // Windows writes 100 ns ticks: 7 fraction digits.
      return `${new Date(v.timeMs).toISOString().slice(0, 23)}${digits(v.random, 4)}Z`;
    case "utcTime":
      return new Date(v.timeMs).toISOString().slice(0, 23).replace("T", " ");
    case "recordId":
      return String(v.recordId);
    case "computer":
      return v.host;
    case "pid": {
      // Windows process ids are multiples of 4; Security events write them in hex.
      const pid = 4 * (1 + Math.floor(v.random() * 16383));
      return slot.original.startsWith("0x") ? `0x${pid.toString(16)}` : String(pid);
    }
    case "guid":
      return `{${v.hostHex}${slot.original.slice(9, 25)}${hex(v.random, 12)}}`;
    case "commandLine":
      return slot.original.replace(VARIABLE_RUN, (run) => {
        if (/^\d+$/.test(run)) return digits(v.random, run.length);
        const h = hex(v.random, run.length);
        return /[a-f]/.test(run) ? h.toLowerCase() : h;
      });
  }
}

function digits(random: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(random() * 10);
  return s;
}

function hex(random: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16).toUpperCase();
  return s;
}
