/**
 * CRC-32 (ISO-HDLC / zlib polynomial 0xEDB88320), as the EVTX file and chunk headers use it
 * (libevtx "Windows XML Event Log (EVTX)" §2 file header checksum, §3 chunk header and event
 * records checksums), and zip members. The platform's (Node's native `zlib.crc32` when present),
 * else the table (src/platform/crc32-table.ts).
 */
import { CRC32_TABLE, tableCrc32 } from "../../platform/crc32-table.js";
import { platform } from "../../platform/platform.js";

export { tableCrc32 };
export const TABLE = CRC32_TABLE;

/** CRC-32 of `buf[from, to)`, continuing from `crc` (0 to start). */
export function crc32(buf: Uint8Array, from: number, to: number, crc = 0): number {
  return platform().compression.crc32(buf.subarray(from, to), crc);
}
