/**
 * The incident set: `events` XmlWinEventLog records written as `incident-NNN.xml` files of about
 * `fileBytes` each, every record a copy of a real one (real-records.ts) with its host, times,
 * record number, process ids, GUIDs and the numbers in its command lines varied. Records are drawn
 * uniformly from the pool, so the set keeps the pool's mix of kinds. Written in blocks of a few
 * MB: the set (13 GB at 10M events) is never in memory.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { RealRecord, RecordPool } from "./real-records.js";
import { RecordTemplate } from "./record-template.js";
import { rng } from "./rng.js";

export interface IncidentOptions {
  readonly events: number;
  readonly fileBytes: number;
  readonly seed: number;
  /** Distinct hosts; a few of them send most events, as servers do. */
  readonly hosts: number;
  /** Epoch ms of the first and last event. */
  readonly startMs: number;
  readonly endMs: number;
}

export interface IncidentSet {
  readonly files: readonly string[];
  /** Events in each file, in file order (to load a prefix of the set). */
  readonly eventsPerFile: readonly number[];
  readonly events: number;
  readonly bytes: number;
  /** Events per kind ("Sysmon 1", "Security 4625", …). */
  readonly kinds: Readonly<Record<string, number>>;
  readonly hosts: number;
  readonly ms: number;
}

const BLOCK_BYTES = 4 << 20;

export function writeIncidentSet(pool: RecordPool, dir: string, opts: IncidentOptions): IncidentSet {
  const t0 = performance.now();
  const random = rng(opts.seed);
  const templates = pool.records.map((r) => new RecordTemplate(r.text));
  const hostNames = hostPool(pool.records.map((r) => r.computer), opts.hosts);
  const hostHex = hostNames.map((_, i) => ((0x5a000000 + i * 2654435761) >>> 0).toString(16).toUpperCase().padStart(8, "0"));
  const recordIds = new Float64Array(opts.hosts).fill(1000);
  const kinds: Record<string, number> = {};
  const files: string[] = [];
  const eventsPerFile: number[] = [];
  const step = (opts.endMs - opts.startMs) / Math.max(1, opts.events - 1);
  let bytes = 0;
  let fd = -1;
  let fileBytes = 0;
  let block: string[] = [];
  let blockChars = 0;
  const flush = (): void => {
    if (block.length === 0) return;
    const b = Buffer.from(block.join(""), "utf8");
    writeSync(fd, b);
    bytes += b.length;
    fileBytes += b.length;
    block = [];
    blockChars = 0;
  };
  try {
    for (let i = 0; i < opts.events; i++) {
      if (fd < 0) {
        const path = join(dir, `incident-${String(files.length).padStart(3, "0")}.xml`);
        fd = openSync(path, "w");
        files.push(path);
        eventsPerFile.push(0);
        fileBytes = 0;
      }
      const k = Math.floor(random() * templates.length);
      // Squaring skews towards low host numbers: a few busy servers, many quiet workstations.
      const h = Math.floor(random() ** 2 * opts.hosts);
      const recordId = (recordIds[h] as number) + 1;
      recordIds[h] = recordId;
      const text = (templates[k] as RecordTemplate).render({
        host: hostNames[h] as string, hostHex: hostHex[h] as string, recordId, timeMs: opts.startMs + Math.floor(i * step + random() * step), random,
      });
      const kind = (pool.records[k] as RealRecord).kind;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      eventsPerFile[files.length - 1] = (eventsPerFile[files.length - 1] as number) + 1;
      block.push(text, "\n");
      blockChars += text.length + 1;
      if (blockChars >= BLOCK_BYTES) {
        flush();
        if (fileBytes >= opts.fileBytes) {
          closeSync(fd);
          fd = -1;
        }
      }
    }
    if (fd >= 0) flush();
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  return { files, eventsPerFile, events: opts.events, bytes, kinds, hosts: opts.hosts, ms: performance.now() - t0 };
}

/** `n` host names made from the real ones: WIN-DC-1 → WIN-DC-1-0042, keeping the domain. */
function hostPool(real: readonly string[], n: number): string[] {
  const distinct = [...new Set(real)].sort();
  return Array.from({ length: n }, (_, i) => {
    const name = distinct[i % distinct.length] as string;
    const dot = name.indexOf(".");
    const suffix = `-${String(i).padStart(4, "0")}`;
    return dot < 0 ? `${name}${suffix}` : `${name.slice(0, dot)}${suffix}${name.slice(dot)}`;
  });
}
