/**
 * `.evtx` files (recognised by the "ElfFile\0" signature, libevtx "Windows XML Event Log (EVTX)"
 * §2) into an event sink: each record is rendered to Windows' compact XML and goes through the
 * same XmlWinEventLog path as XML text (`parseXmlRecord` → `winEvent`), so fields are identical.
 * Bad chunks and records become skipped records whose `line` is the 1-based chunk number (0 for
 * the file header); the reason names the chunk, its file offset and the record. The report's
 * `bytes` and `inputBytes` both count the file's size (there is no decoded text to count).
 */
import { platform } from "../../platform/platform.js";
import type { EventInput } from "../../store/event-store.js";
import type { IngestOptions, IngestReport } from "../types.js";
import { parseXmlRecord } from "../xml-record.js";
import { winEvent } from "../win-event.js";
import { FILE_HEADER_SIZE, hasEvtxMagic } from "./file-header.js";
import { CHUNK_MAGIC } from "./chunk.js";
import { findChunk } from "./carve.js";
import { readEvtxBytes, readEvtxFile, type EvtxItem } from "./reader.js";

export const EVTX_FORMAT = "evtx";

/** Where events go (an EventStore or any streaming sink). */
export interface EvtxSink {
  append(event: EventInput, format: string): unknown;
}

/** The report being added to; `inputBytes` is the streaming report's on-disk byte count. */
export type EvtxReport = IngestReport & { inputBytes?: number };

/**
 * True when the file starts with "ElfFile\0", or has its first chunk ("ElfChnk\0") at 4096 under a
 * damaged signature, or is binary (a NUL in its first 4 KiB, no gzip/zip/tar magic or BOM) with a
 * valid chunk in its first 4 MiB: an EVTX file with bytes inserted before its header, which is
 * then carved (reader.ts). False when it cannot be read: the caller reports that.
 */
export function isEvtx(path: string): boolean {
  const fs = platform().fs;
  let fd: number | undefined;
  try {
    fd = fs.open(path, "r");
    const head = Buffer.alloc(FILE_HEADER_SIZE + 8);
    const got = fs.read(fd, head, 0, head.length, 0);
    if (got >= 8 && hasEvtxMagic(head)) return true;
    if (got === head.length && head.subarray(FILE_HEADER_SIZE).equals(CHUNK_MAGIC)) return true;
    if (!mayHoldCarvedEvtx(head.subarray(0, got))) return false;
    const f = fd;
    const size = fs.fstat(f).size;
    return findChunk((buf, pos) => fs.read(f, buf, 0, buf.length, pos), 0, CARVE_SNIFF_BYTES, size) !== undefined;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.close(fd);
  }
}

/** How far into a binary file `isEvtx` looks for a chunk signature. */
const CARVE_SNIFF_BYTES = 4 << 20;

/** Binary content no other reader claims: worth searching for EVTX chunks. */
function mayHoldCarvedEvtx(head: Buffer): boolean {
  if (head.length < 8 || !head.includes(0)) return false;
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0x1f && b1 === 0x8b) return false; // gzip
  if (b0 === 0x50 && b1 === 0x4b) return false; // zip
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0xef && b1 === 0xbb)) return false; // BOM
  return !(head.length >= 262 && head.toString("latin1", 257, 262) === "ustar");
}

/** Streams one EVTX file from disk into `sink`, chunk by chunk, adding to `report`. */
export function ingestEvtx(sink: EvtxSink, file: string, opts: IngestOptions, report: EvtxReport): void {
  let size: number;
  try {
    size = platform().fs.stat(file).size;
  } catch (e) {
    report.skipped.push({ file, line: 1, reason: `cannot read: ${(e as Error).message}` });
    return;
  }
  ingestItems(sink, () => readEvtxFile(file), file, size, opts, report);
}

/** An EVTX image already in memory (the browser playground's dropped files), read as `ingestEvtx` reads a file. */
export function ingestEvtxBytes(sink: EvtxSink, bytes: Uint8Array, file: string, opts: IngestOptions, report: EvtxReport): void {
  ingestItems(sink, () => readEvtxBytes(bytes), file, bytes.length, opts, report);
}

function ingestItems(sink: EvtxSink, items: () => Iterable<EvtxItem>, file: string, size: number, opts: IngestOptions, report: EvtxReport): void {
  report.files++;
  report.bytes += size;
  if (report.inputBytes !== undefined) report.inputBytes += size;
  const skip = (line: number, reason: string): void => void report.skipped.push({ file, line, reason });
  let records = 0;
  let errors = 0;
  try {
    for (const item of items()) {
      if (item.kind === "error") errors++;
      else records++;
      if (item.kind === "error") {
        skip(item.chunk, item.reason);
        continue;
      }
      const rec = parseXmlRecord(item.xml);
      const ev = typeof rec === "string" ? rec : winEvent(rec, opts);
      if (typeof ev === "string") {
        skip(item.chunk, `chunk ${item.chunk}: record ${item.recordId} at 0x${item.offset.toString(16)}: ${ev}`);
        continue;
      }
      sink.append(ev, EVTX_FORMAT);
      report.events++;
      report.byFormat[EVTX_FORMAT] = (report.byFormat[EVTX_FORMAT] ?? 0) + 1;
    }
  } catch (e) {
    // I/O errors mid-file (the records read so far stay).
    skip(1, `cannot read: ${(e as Error).message}`);
    errors++;
  }
  // An EVTX that gives nothing must not look like a quiet log (e.g. one cut inside its first chunk).
  if (records === 0 && errors === 0) skip(0, `no event records in this EVTX file (${size} bytes)`);
}
