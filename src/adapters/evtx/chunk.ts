/**
 * One 64 KiB chunk (libevtx "Windows XML Event Log (EVTX)" §3 "Chunk header" and §3.x "Event
 * record"): signature "ElfChnk\0", first/last event record number u64, first/last event record
 * identifier u64, header size u32 (128), last event record offset u32, free space offset u32,
 * event records CRC-32 u32 (bytes 512 … free space offset), 64 unknown bytes, flags u32, header
 * CRC-32 u32 at 124 (bytes 0–119 and 128–511); the common string offsets (64 × u32) and template
 * pointers (32 × u32) fill 128–511; records start at 512. A record: signature 2a 2a 00 00, size
 * u32, identifier u64, written FILETIME u64, BinXML, and a copy of the size as its last u32.
 */
import { crc32 } from "./crc32.js";

export const CHUNK_MAGIC = Buffer.from("ElfChnk\0", "latin1");
export const RECORDS_START = 512;
const RECORD_MAGIC = 0x00002a2a;

export interface ChunkHeader {
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  readonly freeSpaceOffset: number;
}

/** A record's place in the chunk: BinXML runs from `binxml` to `end` (exclusive). */
export interface RecordSpan {
  readonly offset: number;
  readonly size: number;
  readonly recordId: number;
  readonly binxml: number;
  readonly end: number;
}

/** True for a never-written chunk slot (all zero signature): skipped without a report. */
export function isEmptyChunk(buf: Buffer): boolean {
  for (let i = 0; i < 8; i++) if (buf[i] !== 0) return false;
  return true;
}

/** Validates the signature, header fields and both CRCs; returns a reason when the chunk is corrupt. */
export function checkChunk(buf: Buffer): ChunkHeader | string {
  const c = inspectChunk(buf, buf.length);
  if (typeof c === "string") return c;
  return c.damage ?? c.header;
}

/**
 * What can be trusted in a chunk image of which `got` bytes were read: the header (when it has
 * its signature), where its records end, and the damage found (a CRC mismatch or a truncated
 * chunk), in which case its records are read one by one (`recoverRecords`).
 */
export interface ChunkInspection {
  readonly header: ChunkHeader;
  /** Records are read up to here. */
  readonly limit: number;
  readonly damage: string | undefined;
  /** The event records CRC-32 matched, so recovered records hold the bytes Windows wrote. */
  readonly verified: boolean;
  /** Only the records CRC-32 failed (the header, which holds it, is intact): a bit flip may be repaired. */
  readonly repairable: boolean;
}

export function inspectChunk(buf: Buffer, got: number): ChunkInspection | string {
  if (got < RECORDS_START) return `truncated chunk header (${got} bytes)`;
  if (!buf.subarray(0, 8).equals(CHUNK_MAGIC)) return 'no "ElfChnk" signature';
  const headerOk = crc32(buf, 128, RECORDS_START, crc32(buf, 0, 120)) === buf.readUInt32LE(124);
  const freeSpaceOffset = buf.readUInt32LE(48);
  const freeOk = freeSpaceOffset >= RECORDS_START && freeSpaceOffset <= buf.length;
  const header = {
    firstRecordId: Number(buf.readBigUInt64LE(24)),
    lastRecordId: Number(buf.readBigUInt64LE(32)),
    freeSpaceOffset: freeOk ? freeSpaceOffset : got,
  };
  const dataOk = freeOk && freeSpaceOffset <= got && crc32(buf, RECORDS_START, freeSpaceOffset) === buf.readUInt32LE(52);
  // A damaged header may hold a wrong free-space offset: then every byte read is searched.
  const none = { verified: false, repairable: false };
  if (!headerOk) return { ...none, header, limit: dataOk ? freeSpaceOffset : got, damage: "chunk header CRC-32 mismatch", verified: dataOk };
  if (!freeOk) return { ...none, header, limit: got, damage: `free space offset ${freeSpaceOffset} out of range` };
  if (freeSpaceOffset > got) return { ...none, header, limit: got, damage: `truncated (${got} of ${buf.length} bytes)` };
  if (!dataOk) return { ...none, header, limit: freeSpaceOffset, damage: "event records CRC-32 mismatch", repairable: true };
  return { header, limit: freeSpaceOffset, damage: undefined, verified: true, repairable: false };
}

/**
 * The records of a checked chunk in order. A record with a bad signature or size ends the walk
 * (the next record's position is unknown): it is yielded as a reason string.
 */
export function* chunkRecords(buf: Buffer, header: ChunkHeader): Generator<RecordSpan | string> {
  let p = RECORDS_START;
  const end = header.freeSpaceOffset;
  while (p + 24 <= end) {
    if (buf.readUInt32LE(p) !== RECORD_MAGIC) {
      // Zero padding after the last record is not an error.
      if (buf.readUInt32LE(p) === 0) return;
      yield `no record signature at chunk offset 0x${p.toString(16)}`;
      return;
    }
    const size = buf.readUInt32LE(p + 4);
    if (!sizeOk(buf, p, end)) {
      yield `bad record size ${size} at chunk offset 0x${p.toString(16)}`;
      return;
    }
    yield span(buf, p, size);
    p += size;
  }
}

/** A damaged stretch of a chunk that no record could be read from. */
export interface SkippedSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * The records of a damaged chunk, read one by one: a record counts only when its signature, its
 * size and the copy of the size at its end agree and it fits before `limit`. Anything else is a
 * damaged stretch, yielded as such, and reading resumes at the next record signature
 * (`**\0\0`) that validates, so one flipped bit costs one record, not the chunk.
 */
export function* recoverRecords(buf: Buffer, limit: number): Generator<RecordSpan | SkippedSpan> {
  let p = RECORDS_START;
  while (p + 28 <= limit) {
    if (buf.readUInt32LE(p) === RECORD_MAGIC && sizeOk(buf, p, limit)) {
      const size = buf.readUInt32LE(p + 4);
      yield span(buf, p, size);
      p += size;
      continue;
    }
    // Free space: zeros to the end (a header that lied about where records end).
    if (isZero(buf, p, limit)) return;
    const next = nextRecord(buf, p + 1, limit);
    yield { from: p, to: next < 0 ? limit : next };
    if (next < 0) return;
    p = next;
  }
  // A tail too short for a record header (a cut file) is damage too, unless it is free space.
  if (p < limit && !isZero(buf, p, limit)) yield { from: p, to: limit };
}

const SIGNATURE = Buffer.from([0x2a, 0x2a, 0, 0]);

function nextRecord(buf: Buffer, from: number, limit: number): number {
  for (let q = buf.indexOf(SIGNATURE, from); q >= 0 && q + 28 <= limit; q = buf.indexOf(SIGNATURE, q + 1)) {
    if (sizeOk(buf, q, limit)) return q;
  }
  return -1;
}

function sizeOk(buf: Buffer, p: number, end: number): boolean {
  const size = buf.readUInt32LE(p + 4);
  return size >= 28 && p + size <= end && buf.readUInt32LE(p + size - 4) === size;
}

function span(buf: Buffer, p: number, size: number): RecordSpan {
  return { offset: p, size, recordId: Number(buf.readBigUInt64LE(p + 8)), binxml: p + 24, end: p + size - 4 };
}

function isZero(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] !== 0) return false;
  return true;
}
