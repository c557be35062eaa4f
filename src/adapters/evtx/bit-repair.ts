/**
 * Finding a single flipped bit from a CRC-32 mismatch. CRC-32 is linear: for data D and a
 * copy D' = D ^ E of the same length, crc(D') ^ crc(D) is the CRC of E alone with a zero start and
 * no final inversion. A single-bit E at byte j, bit b gives the register value of the byte
 * (1 << b) followed by L-1-j zero bytes, so every position's value can be walked from the end in
 * one pass (8 registers, one table step per byte) and compared with the mismatch. Two different
 * single-bit errors never give the same value within a 64 KiB chunk (CRC-32 detects every 2-bit
 * error far beyond that length), so a match names the bit. A pattern of several flipped bits can
 * still match by chance (about 1 in 8,000 for a chunk), which is why the caller keeps the repair
 * only when every record of the repaired chunk then decodes, and says that it repaired it.
 */
import { TABLE, crc32 } from "./crc32.js";

/** The bit (byte offset × 8 + bit) of `buf[from, to)` whose flip makes its CRC-32 `stored`, if one does. */
export function findFlippedBit(buf: Uint8Array, from: number, to: number, stored: number): number | undefined {
  const target = (crc32(buf, from, to) ^ stored) >>> 0;
  if (target === 0) return undefined;
  const regs = new Uint32Array(8);
  for (let b = 0; b < 8; b++) regs[b] = TABLE[1 << b]!;
  // regs[b]: the single bit b of byte j = to-1-n, followed by n zero bytes.
  for (let n = 0; n < to - from; n++) {
    for (let b = 0; b < 8; b++) {
      const r = regs[b]!;
      if (r === target) return (to - 1 - n) * 8 + b;
      regs[b] = TABLE[r & 0xff]! ^ (r >>> 8);
    }
  }
  return undefined;
}
