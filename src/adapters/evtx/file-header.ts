/**
 * The EVTX file header (libevtx "Windows XML Event Log (EVTX)" §2 "File header"): 4096 bytes, of
 * which the first 128 are used — signature "ElfFile\0", first/last chunk number u64, next record
 * identifier u64, header size u32 (128), minor/major version u16 (1 or 2 / 3), header block size
 * u16 (4096), number of chunks u16, 76 unknown bytes, file flags u32 at 120 (0x1 dirty, 0x2
 * full), CRC-32 of the first 120 bytes at 124. Chunks of 64 KiB follow the header block.
 */
import { crc32 } from "./crc32.js";

export const FILE_MAGIC = Buffer.from("ElfFile\0", "latin1");
export const FILE_HEADER_SIZE = 4096;
export const CHUNK_SIZE = 65536;

export interface FileHeader {
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly headerBlockSize: number;
  readonly numberOfChunks: number;
  readonly flags: number;
  /** False when the stored CRC-32 of bytes 0–119 does not match (the chunks may still be fine). */
  readonly crcOk: boolean;
}

/** True when `buf` starts with "ElfFile\0". */
export function hasEvtxMagic(buf: Uint8Array): boolean {
  return buf.length >= 8 && Buffer.from(buf.buffer, buf.byteOffset, 8).equals(FILE_MAGIC);
}

/** Parses the first 128 bytes; returns a reason string when this is not an EVTX file header. */
export function parseFileHeader(buf: Buffer): FileHeader | string {
  if (buf.length < 128) return "file is shorter than the 128-byte EVTX header";
  if (!hasEvtxMagic(buf)) return 'no "ElfFile" signature';
  const majorVersion = buf.readUInt16LE(38);
  if (majorVersion !== 3) return `unsupported EVTX major version ${majorVersion}`;
  return {
    majorVersion,
    minorVersion: buf.readUInt16LE(36),
    headerBlockSize: buf.readUInt16LE(40) || FILE_HEADER_SIZE,
    numberOfChunks: buf.readUInt16LE(42),
    flags: buf.readUInt32LE(120),
    crcOk: crc32(buf, 0, 120) === buf.readUInt32LE(124),
  };
}
