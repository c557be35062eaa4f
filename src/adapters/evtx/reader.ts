/**
 * Streaming EVTX reader (libevtx "Windows XML Event Log (EVTX)" §1 overview: a 4096-byte file
 * header block, then 64 KiB chunks, each self-contained — its records only reference names and
 * templates inside the same chunk). The file is read with `readSync` one chunk at a time and
 * records are yielded as they are rendered, so memory does not grow with the file size. A corrupt
 * chunk or record is yielded as an error item and reading moves on.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CHUNK_SIZE, FILE_HEADER_SIZE, parseFileHeader } from "./file-header.js";
import { checkChunk, chunkRecords, isEmptyChunk } from "./chunk.js";
import { ChunkContext } from "./chunk-context.js";
import { parseFragment } from "./binxml.js";
import { renderXml } from "./render.js";

export interface EvtxRecord {
  readonly kind: "record";
  /** The record rendered as one compact `<Event xmlns=…>…</Event>` string. */
  readonly xml: string;
  readonly recordId: number;
  /** 1-based chunk number (0 = the file header). */
  readonly chunk: number;
  /** Byte offset of the record (or chunk) in the file. */
  readonly offset: number;
}

export interface EvtxError {
  readonly kind: "error";
  readonly chunk: number;
  readonly offset: number;
  readonly reason: string;
}

export type EvtxItem = EvtxRecord | EvtxError;

/** Reads `buf.length` bytes at `position` into `buf`; returns the count read. */
type ReadAt = (buf: Buffer, position: number) => number;

/** Records of an EVTX file on disk, one 64 KiB chunk in memory at a time. */
export function* readEvtxFile(path: string): Generator<EvtxItem> {
  const fd = openSync(path, "r");
  try {
    yield* readEvtx((buf, pos) => readSync(fd, buf, 0, buf.length, pos), fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

/** Records of an EVTX image in memory (tests, small inputs). */
export function* readEvtxBytes(bytes: Uint8Array): Generator<EvtxItem> {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  yield* readEvtx((buf, pos) => src.copy(buf, 0, pos, Math.min(pos + buf.length, src.length)), src.length);
}

function* readEvtx(readAt: ReadAt, size: number): Generator<EvtxItem> {
  const head = Buffer.alloc(FILE_HEADER_SIZE);
  const header = parseFileHeader(head.subarray(0, readAt(head, 0)));
  if (typeof header === "string") {
    yield { kind: "error", chunk: 0, offset: 0, reason: `file header: ${header}` };
    return;
  }
  if (!header.crcOk) yield { kind: "error", chunk: 0, offset: 0, reason: "file header: CRC-32 mismatch (chunks read anyway)" };
  let chunk = 0;
  for (let off = header.headerBlockSize; off < size; off += CHUNK_SIZE) {
    chunk++;
    const buf = Buffer.alloc(CHUNK_SIZE);
    const got = readAt(buf, off);
    if (got < CHUNK_SIZE) {
      if (buf.subarray(0, got).some((b) => b !== 0)) {
        yield { kind: "error", chunk, offset: off, reason: `chunk ${chunk} at 0x${off.toString(16)}: truncated (${got} of ${CHUNK_SIZE} bytes)` };
      }
      return;
    }
    yield* chunkItems(buf, chunk, off);
  }
}

/** The records of one chunk image (`fileOffset` only labels positions). */
export function* chunkItems(buf: Buffer, chunk: number, fileOffset: number): Generator<EvtxItem> {
  const where = `chunk ${chunk} at 0x${fileOffset.toString(16)}`;
  if (isEmptyChunk(buf)) return;
  const header = checkChunk(buf);
  if (typeof header === "string") {
    yield { kind: "error", chunk, offset: fileOffset, reason: `${where}: ${header}; chunk skipped` };
    return;
  }
  const ctx = new ChunkContext(buf);
  for (const r of chunkRecords(buf, header)) {
    if (typeof r === "string") {
      yield { kind: "error", chunk, offset: fileOffset, reason: `${where}: ${r}; rest of chunk skipped` };
      continue;
    }
    const offset = fileOffset + r.offset;
    let xml: string;
    try {
      xml = renderXml(parseFragment(ctx, r.binxml, r.end).nodes, buf);
    } catch (e) {
      const reason = `${where}: record ${r.recordId} at 0x${offset.toString(16)}: ${(e as Error).message}`;
      yield { kind: "error", chunk, offset, reason };
      continue;
    }
    yield { kind: "record", xml, recordId: r.recordId, chunk, offset };
  }
}
