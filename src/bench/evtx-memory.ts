/**
 * EVTX reader memory and throughput (not a test). Builds large EVTX files in a temp directory by
 * repeating the valid chunks of a real file (libevtx "Windows XML Event Log (EVTX)" §2/§3: the
 * file header's chunk count, last chunk number and CRC, and each chunk's record numbers and header
 * CRC are fixed up), then streams each through the EVTX ingest path (render → parseXmlRecord →
 * winEvent) into a sink that only counts, sampling resident memory; then times the reader alone.
 * Prints one JSON object. CPU-second rates are given because wall-clock ones depend on the load.
 *
 *   node --expose-gc dist/bench/evtx-memory.js [source.evtx] [sizes in MiB, e.g. 64,256,1024]
 */
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { crc32 } from "../adapters/evtx/crc32.js";
import { CHUNK_SIZE, FILE_HEADER_SIZE } from "../adapters/evtx/file-header.js";
import { checkChunk } from "../adapters/evtx/chunk.js";
import { ingestEvtx } from "../adapters/evtx/ingest-evtx.js";
import { readEvtxFile } from "../adapters/evtx/reader.js";
import { emptyReport } from "../adapters/types.js";

const DEFAULT_SOURCE = fileURLToPath(new URL("../../../shared/datasets/deepbluecli/evtx/wmi-event-filter-persistance.evtx", import.meta.url));
const source = process.argv[2] || DEFAULT_SOURCE;
const sizesMiB = (process.argv[3] || "16,128,512").split(",").map(Number);

/** The source's valid chunks (64 KiB images). */
function sourceChunks(path: string): Buffer[] {
  const fd = openSync(path, "r");
  try {
    const out: Buffer[] = [];
    const size = fstatSync(fd).size;
    for (let off = FILE_HEADER_SIZE; off + CHUNK_SIZE <= size; off += CHUNK_SIZE) {
      const b = Buffer.alloc(CHUNK_SIZE);
      readSync(fd, b, 0, CHUNK_SIZE, off);
      if (typeof checkChunk(b) !== "string") out.push(b);
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Writes `count` chunks cycling through `chunks`, chunk by chunk; returns the record count. */
function generate(path: string, chunks: Buffer[], count: number): number {
  const header = Buffer.alloc(FILE_HEADER_SIZE);
  header.write("ElfFile\0", 0, "latin1");
  header.writeBigUInt64LE(BigInt(count - 1), 16);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(FILE_HEADER_SIZE, 40);
  header.writeUInt16LE(Math.min(count, 0xffff), 42);
  let records = 0n;
  const fd = openSync(path, "w");
  try {
    writeSync(fd, header, 0, FILE_HEADER_SIZE, 0);
    const c = Buffer.alloc(CHUNK_SIZE);
    for (let i = 0; i < count; i++) {
      chunks[i % chunks.length]!.copy(c);
      const n = c.readBigUInt64LE(16) - c.readBigUInt64LE(8) + 1n;
      c.writeBigUInt64LE(records + 1n, 8);
      c.writeBigUInt64LE(records + n, 16);
      records += n;
      c.writeUInt32LE(crc32(c, 128, 512, crc32(c, 0, 120)), 124);
      writeSync(fd, c, 0, CHUNK_SIZE, FILE_HEADER_SIZE + i * CHUNK_SIZE);
    }
    header.writeBigUInt64LE(records + 1n, 24);
    header.writeUInt32LE(crc32(header, 0, 120), 124);
    writeSync(fd, header, 0, 128, 0);
  } finally {
    closeSync(fd);
  }
  return Number(records);
}

const mib = (n: number): number => Math.round((n / 1048576) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

const chunks = sourceChunks(source);
if (chunks.length === 0) throw new Error(`no valid chunks in ${source}`);
const dir = mkdtempSync(join(tmpdir(), "evtx-bench-"));
const runs: unknown[] = [];
try {
  for (const size of sizesMiB) {
    const file = join(dir, `big-${size}.evtx`);
    const expected = generate(file, chunks, Math.max(1, Math.round((size * 1048576) / CHUNK_SIZE)));
    gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let events = 0;
    const sink = {
      append(): void {
        if (++events % 2000 === 0) {
          const m = process.memoryUsage();
          peakRss = Math.max(peakRss, m.rss);
          peakHeap = Math.max(peakHeap, m.heapUsed);
        }
      },
    };
    const report = emptyReport();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    ingestEvtx(sink, file, {}, report);
    const s = (performance.now() - t0) / 1000;
    const cpu1 = process.cpuUsage(cpu0);
    // CPU time of this process: on a shared machine wall-clock rates understate the reader.
    const c = (cpu1.user + cpu1.system) / 1e6;
    runs.push({
      fileMiB: mib(report.bytes),
      records: expected,
      events: report.events,
      skipped: report.skipped.length,
      seconds: Math.round(s * 100) / 100,
      mibPerSecond: Math.round((report.bytes / 1048576 / s) * 10) / 10,
      recordsPerSecond: Math.round(report.events / s),
      cpuSeconds: Math.round(c * 100) / 100,
      mibPerCpuSecond: Math.round((report.bytes / 1048576 / c) * 10) / 10,
      recordsPerCpuSecond: Math.round(report.events / c),
      rssBeforeMiB: mib(before.rss),
      rssPeakMiB: mib(peakRss),
      heapPeakMiB: mib(peakHeap),
    });
    // The reader alone (BinXML → XML text), without the XmlWinEventLog field extraction.
    const cpu2 = process.cpuUsage();
    let rendered = 0;
    for (const item of readEvtxFile(file)) if (item.kind === "record") rendered++;
    const rc = process.cpuUsage(cpu2);
    const readerCpu = (rc.user + rc.system) / 1e6;
    Object.assign(runs[runs.length - 1] as object, {
      readerOnly: { records: rendered, cpuSeconds: Math.round(readerCpu * 100) / 100, mibPerCpuSecond: Math.round((report.bytes / 1048576 / readerCpu) * 10) / 10, recordsPerCpuSecond: Math.round(rendered / readerCpu) },
    });
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ source, sourceChunks: chunks.length, gcExposed: gc !== undefined, runs }, null, 2));
