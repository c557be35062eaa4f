/**
 * A small zip central-directory reader (PKWARE APPNOTE 4.3.x): finds the end-of-central-directory
 * record (and its ZIP64 form for archives past 4 GiB), lists the entries, and locates each
 * member's compressed bytes so they can be streamed (stored) or inflated (deflate) in place.
 * Sizes come from the central directory, which is always written after the data, so members
 * written with a data descriptor (flag bit 3, sizes 0 in the local header) read correctly.
 */
import { readAt } from "./byte-source.js";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate; anything else is reported as unsupported. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
  /** CRC-32 of the uncompressed data (APPNOTE 4.4.7), checked as the member is read. */
  readonly crc: number;
  readonly localHeaderOffset: number;
  /** How far the central directory moved (see readZipDirectory); tried when the local header is not at its offset. */
  readonly shift?: number;
}

/** The entries, and how many bytes the directory lies after (or, negative, before) where the end record says. */
export type ZipDirectory = ZipEntry[] & { moved?: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** The entries in central-directory order, or the reason the file is not a readable zip. */
export function readZipDirectory(fd: number, fileSize: number): ZipDirectory | string {
  const tailLen = Math.min(fileSize, 22 + MAX_COMMENT + 20);
  const tail = readAt(fd, fileSize - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return "zip has no end-of-central-directory record (truncated?)";
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = at - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR) return "zip64 locator missing";
    const z64 = readAt(fd, u64(tail, loc + 8), 56);
    if (z64.length < 56 || z64.readUInt32LE(0) !== ZIP64_EOCD) return "zip64 end-of-central-directory record missing";
    count = u64(z64, 32);
    cdSize = u64(z64, 40);
    cdOffset = u64(z64, 48);
  }
  // Bytes added to or lost from a member's data move everything after them, the directory too:
  // without zip64 records it ends where the end record starts, so it is found there and every
  // member stays readable (the damaged one up to the damage) instead of none.
  const moved = count === 0xffff ? 0 : movedBy(fd, fileSize - tailLen + at, cdOffset, cdSize, fileSize);
  cdOffset += moved;
  // The directory's own numbers are attacker-controlled: a size past the file would allocate
  // gigabytes, and each entry takes at least 46 bytes.
  if (cdOffset + cdSize > fileSize) return `zip central directory (${cdSize} bytes at ${cdOffset}) lies outside the file (truncated?)`;
  if (count * 46 > cdSize) return `zip central directory is too small for the ${count} entries it claims`;
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) return `zip central directory entry ${i + 1} is corrupt`;
    const flags = cd.readUInt16LE(p + 8);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const rawName = cd.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: UTF-8 names; otherwise CP437, read as latin1 (exact for ASCII names).
    const name = (flags & 0x800) !== 0 ? rawName.toString("utf8") : rawName.toString("latin1");
    const sizes = zip64Sizes(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), {
      size: cd.readUInt32LE(p + 24),
      compressedSize: cd.readUInt32LE(p + 20),
      offset: cd.readUInt32LE(p + 42),
    });
    entries.push({
      name,
      method: cd.readUInt16LE(p + 10),
      encrypted: (flags & 1) !== 0,
      compressedSize: sizes.compressedSize,
      size: sizes.size,
      crc: cd.readUInt32LE(p + 16),
      localHeaderOffset: sizes.offset,
      ...(moved !== 0 ? { shift: moved } : {}),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return moved !== 0 ? Object.assign(entries, { moved }) : entries;
}

/** 0 when the directory is where the end record says (or cannot be found elsewhere), else the distance. */
function movedBy(fd: number, eocdAt: number, cdOffset: number, cdSize: number, fileSize: number): number {
  const isCentral = (off: number) => off >= 0 && off + 4 <= fileSize && readAt(fd, off, 4).readUInt32LE(0) === CENTRAL;
  if (isCentral(cdOffset) || !isCentral(eocdAt - cdSize)) return 0;
  return eocdAt - cdSize - cdOffset;
}

/** Offset of a member's compressed data (after its local header), or a reason. */
export function memberDataStart(fd: number, e: ZipEntry): number | string {
  for (const at of e.shift ? [e.localHeaderOffset, e.localHeaderOffset + e.shift] : [e.localHeaderOffset]) {
    const h = at >= 0 ? readAt(fd, at, 30) : Buffer.alloc(0);
    if (h.length >= 30 && h.readUInt32LE(0) === LOCAL) return at + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  }
  return "zip local header is corrupt";
}

interface Sizes {
  size: number;
  compressedSize: number;
  offset: number;
}

/** The ZIP64 extra field (id 1) holds, in order, each of the three values that was 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, s: Sizes): Sizes {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = (v: number): number => {
        if (v !== 0xffffffff || q + 8 > p + 4 + len) return v;
        const r = u64(extra, q);
        q += 8;
        return r;
      };
      const size = next(s.size);
      const compressedSize = next(s.compressedSize);
      return { size, compressedSize, offset: next(s.offset) };
    }
    p += 4 + len;
  }
  return s;
}

/** Little-endian u64 as a number (exact below 2^53, i.e. 8 PiB). */
function u64(b: Buffer, at: number): number {
  return b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 0x100000000;
}
