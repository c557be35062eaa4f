/**
 * A data file as the data fuzzer's record comparison sees it: one or more units (the text of a
 * plain file, the inflated text of a gzip file or of each zip member, the records of an EVTX file),
 * and for a set of damaged byte ranges of the file, the part of each unit that damage can reach:
 * - text: the damaged ranges themselves;
 * - gzip, deflated zip member: everything from the first byte the undamaged prefix of the stream no
 *   longer inflates to (inflating is sequential, so what the prefix gives is exactly what the
 *   damaged stream gives up to there); a stored member: the damaged bytes;
 * - zip headers: a damaged local header or directory entry reaches the whole member, a damaged end
 *   of central directory every member;
 * - EVTX: a record's own bytes, and the chunk header and earlier records of its chunk, where the
 *   templates and strings it refers to are defined.
 */
import { constants, gunzipSync, inflateRawSync } from "node:zlib";
import { readEvtxBytes } from "../adapters/evtx/reader.js";
import { overlaps, type Range } from "./damage-map.js";

export interface Unit {
  /** Zip member name; "" for the whole file. */
  readonly member: string;
  /** Text units: the bytes records are looked up in. EVTX: the whole file. */
  readonly content: Buffer;
  readonly kind: "text" | "evtx";
  /** Where this unit's damage starts to reach, given the file's damaged ranges. */
  reach(damage: readonly Range[]): readonly Range[];
  /** EVTX only: the byte range of the record with this EventRecordID and its chunk's start. */
  readonly evtxRecords?: ReadonlyMap<string, { readonly range: Range; readonly chunk: number }>;
}

const ALL: readonly Range[] = [{ start: 0, end: Number.POSITIVE_INFINITY }];
const SYNC = { finishFlush: constants.Z_SYNC_FLUSH };

export function fileUnits(bytes: Buffer): Unit[] {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return [gzipUnit(bytes)];
  if (bytes.readUInt32LE(0) === 0x04034b50) return zipUnits(bytes) ?? [];
  if (bytes.subarray(0, 8).toString("latin1") === "ElfFile\0") return [evtxUnit(bytes)];
  return [{ member: "", content: bytes, kind: "text", reach: (d) => d }];
}

function gzipUnit(bytes: Buffer): Unit {
  return {
    member: "", content: gunzipSync(bytes), kind: "text",
    reach: (damage) => {
      if (damage.length === 0) return [];
      const first = Math.min(...damage.map((d) => d.start));
      return [{ start: Math.max(0, trustedLength(() => gunzipSync(bytes.subarray(0, first), SYNC)) - 1), end: Number.POSITIVE_INFINITY }];
    },
  };
}

function trustedLength(inflate: () => Buffer): number {
  try {
    return inflate().length;
  } catch {
    return 0;
  }
}

/** Members of a zip without zip64 or encryption; undefined when the directory is not that simple. */
function zipUnits(bytes: Buffer): Unit[] | undefined {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const tail: Range = { start: eocd, end: bytes.length };
  const units: Unit[] = [];
  for (let k = 0; k < count; k++) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = bytes.readUInt16LE(p + 10);
    const compSize = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const entryEnd = p + 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const entry: Range = { start: p, end: entryEnd };
    p = entryEnd;
    if (name.endsWith("/") || compSize === 0xffffffff || (method !== 0 && method !== 8)) continue;
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + compSize);
    const headers: Range[] = [entry, tail, { start: local, end: dataStart }];
    units.push({
      member: name, kind: "text", content: method === 0 ? data : inflateRawSync(data),
      reach: (damage) => {
        if (damage.some((d) => overlaps(d, headers))) return ALL;
        const inData = damage.filter((d) => d.start < dataStart + compSize && d.end > dataStart);
        if (inData.length === 0) return [];
        if (method === 0) return inData.map((d) => ({ start: Math.max(0, d.start - dataStart - 1), end: d.end - dataStart + 1 }));
        const first = Math.max(dataStart, Math.min(...inData.map((d) => d.start))) - dataStart;
        return [{ start: Math.max(0, trustedLength(() => inflateRawSync(data.subarray(0, first), SYNC)) - 1), end: Number.POSITIVE_INFINITY }];
      },
    });
  }
  return units;
}

const FILE_HEADER = 4096;
const CHUNK = 65536;

/**
 * The records of an undamaged EVTX file by their EventRecordID (what the comparison finds in an
 * event's `_raw`). The record header's identifier is no stand-in: exported and cleared logs
 * renumber it (1…n for EventRecordIDs 31791…), so it is read from the rendered record.
 */
function evtxUnit(bytes: Buffer): Unit {
  const records = new Map<string, { range: Range; chunk: number }>();
  for (const item of readEvtxBytes(bytes)) {
    if (item.kind !== "record") continue;
    const id = /<EventRecordID>([^<]*)</.exec(item.xml)?.[1] ?? String(item.recordId);
    const size = bytes.readUInt32LE(item.offset + 4);
    const chunk = FILE_HEADER + Math.floor((item.offset - FILE_HEADER) / CHUNK) * CHUNK;
    records.set(id, { range: { start: item.offset, end: item.offset + size }, chunk });
  }
  return { member: "", content: bytes, kind: "evtx", reach: (d) => d, evtxRecords: records };
}
