/**
 * Substitution value types → text as Windows' renderer writes them (libevtx "Windows XML Event
 * Log (EVTX)" §5 "Value types"; MS-EVEN6 §2.2.18 BinXmlValueType): 0x00 Null, 0x01 UTF-16
 * string, 0x02 ANSI string, 0x03–0x0a Int8…UInt64, 0x0b/0x0c Real32/64, 0x0d Bool, 0x0e Binary,
 * 0x0f GUID, 0x10 SizeT, 0x11 FILETIME, 0x12 SYSTEMTIME, 0x13 SID, 0x14/0x15 HexInt32/64, 0x21
 * BinXml (rendered by the caller), 0x80 | type = array of that type. Text is returned unescaped.
 */
import type { Value } from "./nodes.js";

const ARRAY = 0x80;
/** Seconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DIFF_SECONDS = 11644473600;
/** Byte size of one item of a fixed-size type, for arrays. */
const ITEM_SIZE: Record<number, number> = {
  0x03: 1, 0x04: 1, 0x05: 2, 0x06: 2, 0x07: 4, 0x08: 4, 0x09: 8, 0x0a: 8, 0x0b: 4, 0x0c: 8,
  0x0d: 4, 0x0f: 16, 0x11: 8, 0x12: 16, 0x14: 4, 0x15: 8,
};

/** True when an optional substitution with this value renders nothing. */
export function isEmptyValue(v: Value | undefined): boolean {
  return v === undefined || v.type === 0 || v.size === 0;
}

/** The value as text (not XML-escaped); arrays render their items joined by `, `. */
export function formatValue(buf: Buffer, v: Value): string {
  if (v.size === 0) return "";
  if (v.type & ARRAY) return arrayItems(buf, v).join(", ");
  // A fixed-size value shorter than its type (corrupt data) is shown as hex, never over-read.
  if (v.size < (ITEM_SIZE[v.type] ?? 0)) return hex(buf, v.off, v.off + v.size);
  return formatScalar(buf, v.type, v.off, v.size);
}

/** The items of an array value, each formatted as its scalar type. */
export function arrayItems(buf: Buffer, v: Value): string[] {
  const type = v.type & ~ARRAY;
  const end = v.off + v.size;
  const out: string[] = [];
  if (type === 0x01 || type === 0x02) {
    const unit = type === 0x01 ? 2 : 1;
    let start = v.off;
    for (let p = v.off; p + unit <= end; p += unit) {
      if (buf[p] === 0 && (unit === 1 || buf[p + 1] === 0)) {
        out.push(formatScalar(buf, type, start, p - start));
        start = p + unit;
      }
    }
    if (start < end) out.push(formatScalar(buf, type, start, end - start));
    return out;
  }
  const item = type === 0x10 ? (v.size % 8 === 0 ? 8 : 4) : type === 0x13 ? 0 : ITEM_SIZE[type] ?? 0;
  if (type === 0x13) {
    for (let p = v.off; p + 8 <= end; ) {
      const len = 8 + 4 * buf[p + 1]!;
      out.push(formatScalar(buf, type, p, Math.min(len, end - p)));
      p += len;
    }
    return out;
  }
  if (item === 0) return [hex(buf, v.off, end)];
  for (let p = v.off; p + item <= end; p += item) out.push(formatScalar(buf, type, p, item));
  return out;
}

function formatScalar(buf: Buffer, type: number, off: number, size: number): string {
  switch (type) {
    case 0x00:
      return "";
    case 0x01:
      return stripNuls(buf.toString("utf16le", off, off + (size & ~1)));
    case 0x02:
      return stripNuls(buf.toString("latin1", off, off + size));
    case 0x03:
      return String(buf.readInt8(off));
    case 0x04:
      return String(buf.readUInt8(off));
    case 0x05:
      return String(buf.readInt16LE(off));
    case 0x06:
      return String(buf.readUInt16LE(off));
    case 0x07:
      return String(buf.readInt32LE(off));
    case 0x08:
      return String(buf.readUInt32LE(off));
    case 0x09:
      return buf.readBigInt64LE(off).toString();
    case 0x0a:
      return buf.readBigUInt64LE(off).toString();
    case 0x0b:
      return String(buf.readFloatLE(off));
    case 0x0c:
      return String(buf.readDoubleLE(off));
    case 0x0d:
      return (size >= 4 ? buf.readUInt32LE(off) : buf[off]!) !== 0 ? "true" : "false";
    case 0x0f:
      return size >= 16 ? guid(buf, off) : hex(buf, off, off + size);
    case 0x10:
      return `0x${(size >= 8 ? buf.readBigUInt64LE(off) : BigInt(buf.readUInt32LE(off))).toString(16).toUpperCase().padStart(size >= 8 ? 16 : 8, "0")}`;
    case 0x11:
      return size >= 8 ? fileTime(buf.readBigUInt64LE(off)) : "";
    case 0x12:
      return size >= 16 ? systemTime(buf, off) : "";
    case 0x13:
      return sid(buf, off, size);
    case 0x14:
      return `0x${buf.readUInt32LE(off).toString(16)}`;
    case 0x15:
      return `0x${buf.readBigUInt64LE(off).toString(16)}`;
    default:
      // Binary (0x0e) and the handle/XML types Windows never stores in a file: upper-case hex.
      return hex(buf, off, off + size);
  }
}

function stripNuls(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return end === s.length ? s : s.slice(0, end);
}

function hex(buf: Buffer, from: number, to: number): string {
  return buf.toString("hex", from, to).toUpperCase();
}

function h(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, "0");
}

/** `{00000000-0000-0000-0000-000000000000}`, upper case: Data1 u32, Data2/3 u16 (LE), Data4 bytes. */
export function guid(buf: Buffer, off: number): string {
  const d4 = hex(buf, off + 8, off + 16);
  return `{${h(buf.readUInt32LE(off), 8)}-${h(buf.readUInt16LE(off + 4), 4)}-${h(buf.readUInt16LE(off + 6), 4)}-${d4.slice(0, 4)}-${d4.slice(4)}}`;
}

/** FILETIME (100 ns ticks since 1601) → `2019-04-03T18:11:59.996123400Z`: 7 digits of ticks + `00`, as Splunk shows SystemTime. */
export function fileTime(ticks: bigint): string {
  const secs = ticks / 10_000_000n;
  const frac = Number(ticks - secs * 10_000_000n);
  return `${civil(Number(secs) - EPOCH_DIFF_SECONDS)}.${String(frac).padStart(7, "0")}00Z`;
}

/** SYSTEMTIME: year, month, day-of-week, day, hour, minute, second, milliseconds (u16 each). */
function systemTime(buf: Buffer, off: number): string {
  const f = (i: number, w: number): string => String(buf.readUInt16LE(off + i * 2)).padStart(w, "0");
  return `${f(0, 4)}-${f(1, 2)}-${f(3, 2)}T${f(4, 2)}:${f(5, 2)}:${f(6, 2)}.${f(7, 3)}000000Z`;
}

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Unix seconds → `YYYY-MM-DDTHH:MM:SS` (proleptic Gregorian, UTC) without a Date object: the
 * days-to-civil algorithm of H. Hinnant's "chrono-Compatible Low-Level Date Algorithms".
 */
function civil(unix: number): string {
  const days = Math.floor(unix / 86400);
  const sod = unix - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(sod / 3600);
  const mm = Math.floor((sod % 3600) / 60);
  return `${String(y).padStart(4, "0")}-${p2(m)}-${p2(d)}T${p2(hh)}:${p2(mm)}:${p2(sod % 60)}`;
}

/** `S-1-5-21-…`: revision, sub-authority count, 48-bit big-endian authority, u32 LE sub-authorities. */
export function sid(buf: Buffer, off: number, size: number): string {
  if (size < 8) return hex(buf, off, off + size);
  const count = buf[off + 1]!;
  const auth = buf.readUIntBE(off + 2, 6);
  let s = `S-${buf[off]!}-${auth >= 2 ** 32 ? `0x${h(auth, 12)}` : auth}`;
  for (let i = 0; i < count && 8 + i * 4 + 4 <= size; i++) s += `-${buf.readUInt32LE(off + 8 + i * 4)}`;
  return s;
}
