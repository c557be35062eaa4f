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
const RECORDS_START = 512;
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
  if (!buf.subarray(0, 8).equals(CHUNK_MAGIC)) return 'no "ElfChnk" signature';
  const headerCrc = crc32(buf, 128, RECORDS_START, crc32(buf, 0, 120));
  if (headerCrc !== buf.readUInt32LE(124)) return "chunk header CRC-32 mismatch";
  const freeSpaceOffset = buf.readUInt32LE(48);
  if (freeSpaceOffset < RECORDS_START || freeSpaceOffset > buf.length) return `free space offset ${freeSpaceOffset} out of range`;
  if (crc32(buf, RECORDS_START, freeSpaceOffset) !== buf.readUInt32LE(52)) return "event records CRC-32 mismatch";
  return {
    firstRecordId: Number(buf.readBigUInt64LE(24)),
    lastRecordId: Number(buf.readBigUInt64LE(32)),
    freeSpaceOffset,
  };
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
    if (size < 28 || p + size > end || buf.readUInt32LE(p + size - 4) !== size) {
      yield `bad record size ${size} at chunk offset 0x${p.toString(16)}`;
      return;
    }
    yield { offset: p, size, recordId: Number(buf.readBigUInt64LE(p + 8)), binxml: p + 24, end: p + size - 4 };
    p += size;
  }
}
