/**
 * Chunk carving: finding 64 KiB chunks by their "ElfChnk\0" signature where the file header and
 * the 64 KiB grid no longer say where they are (bytes inserted before the file header, a damaged
 * header, a stretch of bytes added or lost between chunks). A signature counts only when the
 * chunk behind it validates: its header CRC-32 (bytes 0–119 and 128–511) matches, or, when that
 * header is damaged, its first record at offset 512 has the record signature `**\0\0`, a size
 * and the same size copied in its last four bytes (libevtx "Windows XML Event Log (EVTX)" §3).
 * Any other "ElfChnk" text (inside a record's data, a copied fragment of a header) is passed over.
 */
import { CHUNK_MAGIC, RECORDS_START } from "./chunk.js";
import { crc32 } from "./crc32.js";

/** Reads `buf.length` bytes at `position` into `buf`; returns the count read. */
export type ReadAt = (buf: Buffer, position: number) => number;

const CHUNK_SIZE = 65536;
const RECORD_MAGIC = 0x00002a2a;
/** Bytes searched per read; consecutive windows overlap by the signature's length. */
const WINDOW = 1 << 20;

/** True when a chunk whose header or first record validates starts at `at`. */
export function validChunkAt(readAt: ReadAt, at: number, size: number): boolean {
  if (at < 0 || at + RECORDS_START + 8 > size) return false;
  const head = Buffer.alloc(RECORDS_START + 8);
  if (readAt(head, at) < head.length || !head.subarray(0, 8).equals(CHUNK_MAGIC)) return false;
  if (crc32(head, 128, RECORDS_START, crc32(head, 0, 120)) === head.readUInt32LE(124)) return true;
  if (head.readUInt32LE(RECORDS_START) !== RECORD_MAGIC) return false;
  const recordSize = head.readUInt32LE(RECORDS_START + 4);
  if (recordSize < 28 || RECORDS_START + recordSize > CHUNK_SIZE || at + RECORDS_START + recordSize > size) return false;
  const copy = Buffer.alloc(4);
  return readAt(copy, at + RECORDS_START + recordSize - 4) === 4 && copy.readUInt32LE(0) === recordSize;
}

/**
 * The offset of the first valid chunk whose signature starts in [`from`, `to`), or undefined.
 * Reads one window at a time, so memory stays at about 1 MiB whatever the distance searched.
 */
export function findChunk(readAt: ReadAt, from: number, to: number, size: number): number | undefined {
  const end = Math.min(to, size);
  const window = Buffer.alloc(WINDOW + CHUNK_MAGIC.length - 1);
  for (let start = Math.max(0, from); start < end; start += WINDOW) {
    const got = readAt(window, start);
    const view = window.subarray(0, got);
    for (let k = view.indexOf(CHUNK_MAGIC); k >= 0 && start + k < end; k = view.indexOf(CHUNK_MAGIC, k + 1)) {
      if (validChunkAt(readAt, start + k, size)) return start + k;
    }
    if (got < window.length) return undefined;
  }
  return undefined;
}

/** True when every byte in [`from`, `to`) is zero (never-written chunk slots); true for an empty range. */
export function isZeroRange(readAt: ReadAt, from: number, to: number): boolean {
  const window = Buffer.alloc(Math.min(WINDOW, Math.max(0, to - from)));
  for (let p = from; p < to; p += window.length) {
    const got = readAt(window, p);
    const n = Math.min(got, to - p);
    if (window.subarray(0, n).some((b) => b !== 0)) return false;
    if (got < window.length) return true;
  }
  return true;
}
