// Builds zip, tar and gzip images in memory with node:zlib, following PKWARE APPNOTE 4.3 and
// POSIX ustar, so archive tests need no fixture files (and no third-party data in the repo).
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipMember {
  readonly name: string;
  readonly data: Buffer | string;
  /** 0 stored, 8 deflate (default), anything else to test the unsupported path. */
  readonly method?: number;
  readonly encrypted?: boolean;
  /** Write sizes in a data descriptor (flag bit 3) and zeros in the local header. */
  readonly descriptor?: boolean;
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** A zip image; `zip64` writes ZIP64 records (sizes/offsets via the extra field and locator). */
export function zip(members: readonly ZipMember[], opts: { zip64?: boolean } = {}): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const raw = typeof m.data === "string" ? Buffer.from(m.data) : m.data;
    const method = m.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(m.name, "utf8");
    const flags = (m.encrypted ? 1 : 0) | (m.descriptor ? 8 : 0) | 0x800;
    const crc = crc32(raw);
    const sizes = m.descriptor ? [0, 0] : [body.length, raw.length];
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0), u32(m.descriptor ? 0 : crc), u32(sizes[0]!), u32(sizes[1]!), u16(name.length), u16(0), name]);
    const descriptor = m.descriptor ? Buffer.concat([u32(0x08074b50), u32(crc), u32(body.length), u32(raw.length)]) : Buffer.alloc(0);
    const extra = opts.zip64 ? Buffer.concat([u16(1), u16(24), u64(raw.length), u64(body.length), u64(offset)]) : Buffer.alloc(0);
    const big = opts.zip64 ? 0xffffffff : -1;
    central.push(
      Buffer.concat([
        u32(0x02014b50), u16(45), u16(45), u16(flags), u16(method), u16(0), u16(0), u32(crc),
        u32(big < 0 ? body.length : big), u32(big < 0 ? raw.length : big), u16(name.length), u16(extra.length), u16(0),
        u16(0), u16(0), u32(0), u32(big < 0 ? offset : big), name, extra,
      ]),
    );
    out.push(local, body, descriptor);
    offset += local.length + body.length + descriptor.length;
  }
  const cd = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const eocd64 = Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(members.length), u64(members.length), u64(cd.length), u64(offset)]);
    tail.push(eocd64, Buffer.concat([u32(0x07064b50), u32(0), u64(offset + cd.length), u32(1)]));
    tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)]));
  } else {
    tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(members.length), u16(members.length), u32(cd.length), u32(offset), u16(0)]));
  }
  return Buffer.concat([...out, cd, ...tail]);
}

export interface TarMember {
  readonly name: string;
  readonly data?: Buffer | string;
  /** `0` file (default), `5` directory; long names are written as GNU `L` or pax `x` records. */
  readonly type?: string;
  readonly longName?: "gnu" | "pax";
}

function tarHeader(name: string, size: number, type: string, prefix = ""): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, "utf8");
  h.write("0000644\0", 100);
  h.write("0001750\0", 108);
  h.write("0001750\0", 116);
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
  h.write(`${(1_700_000_000).toString(8).padStart(11, "0")}\0`, 136);
  h.write("        ", 148);
  h.write(type, 156);
  h.write("ustar\0", 257);
  h.write("00", 263);
  h.write(prefix, 345);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return h;
}

function block(data: Buffer): Buffer {
  const pad = (512 - (data.length % 512)) % 512;
  return Buffer.concat([data, Buffer.alloc(pad)]);
}

/** A tar image ending in the two zero blocks. */
export function tar(members: readonly TarMember[]): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const data = m.data === undefined ? Buffer.alloc(0) : typeof m.data === "string" ? Buffer.from(m.data) : m.data;
    if (m.longName === "gnu") {
      const n = Buffer.from(`${m.name}\0`);
      parts.push(tarHeader("././@LongLink", n.length, "L"), block(n));
    } else if (m.longName === "pax") {
      const rec = (len: number): string => `${len} path=${m.name}\n`;
      let len = rec(0).length;
      while (rec(len).length !== len) len = rec(len).length;
      const n = Buffer.from(rec(len));
      parts.push(tarHeader("PaxHeader", n.length, "x"), block(n));
    }
    const slash = m.name.lastIndexOf("/", 154);
    const ustarSplit = !m.longName && m.name.length > 100 && slash > 0;
    const name = ustarSplit ? m.name.slice(slash + 1) : m.name;
    parts.push(tarHeader(name, data.length, m.type ?? "0", ustarSplit ? m.name.slice(0, slash) : ""), block(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}
