/**
 * Streaming EVTX reader (libevtx "Windows XML Event Log (EVTX)" §1 overview: a 4096-byte file
 * header block, then 64 KiB chunks, each self-contained — its records only reference names and
 * templates inside the same chunk). The file is read through the platform file system one chunk at a time and
 * records are yielded as they are rendered, so memory does not grow with the file size. A corrupt
 * chunk or record is yielded as an error item and reading moves on.
 */
import { platform } from "../../platform/platform.js";
import { CHUNK_SIZE, FILE_HEADER_SIZE, parseFileHeader } from "./file-header.js";
import { CHUNK_MAGIC, chunkRecords, inspectChunk, isEmptyChunk, RECORDS_START, recoverRecords, type ChunkHeader, type RecordSpan } from "./chunk.js";
import { findFlippedBit } from "./bit-repair.js";
import { findChunk, isZeroRange, type ReadAt } from "./carve.js";
import { ChunkContext } from "./chunk-context.js";
import { parseFragment } from "./binxml.js";
import { renderXml } from "./render.js";

export interface EvtxRecord {
  readonly kind: "record";
  /** The record rendered as one compact `<Event xmlns=…>…</Event>` string. */
  readonly xml: string;
  readonly recordId: number;
  /** 1-based chunk number (0 = the file header). */
  readonly chunk: number;
  /** Byte offset of the record (or chunk) in the file. */
  readonly offset: number;
}

export interface EvtxError {
  readonly kind: "error";
  readonly chunk: number;
  readonly offset: number;
  readonly reason: string;
}

export type EvtxItem = EvtxRecord | EvtxError;

/** Records of an EVTX file on disk, one 64 KiB chunk in memory at a time. */
export function* readEvtxFile(path: string): Generator<EvtxItem> {
  const fs = platform().fs;
  const fd = fs.open(path, "r");
  try {
    yield* readEvtx((buf, pos) => fs.read(fd, buf, 0, buf.length, pos), fs.fstat(fd).size);
  } finally {
    fs.close(fd);
  }
}

/** Records of an EVTX image in memory (tests, small inputs). */
export function* readEvtxBytes(bytes: Uint8Array): Generator<EvtxItem> {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  yield* readEvtx((buf, pos) => (pos >= src.length ? 0 : src.copy(buf, 0, pos, Math.min(pos + buf.length, src.length))), src.length);
}

const hex = (n: number): string => `0x${n.toString(16)}`;

function* readEvtx(readAt: ReadAt, size: number): Generator<EvtxItem> {
  const start = yield* firstChunk(readAt, size);
  if (start === undefined) return;
  const carving = { started: start.carved };
  let pos = start.at;
  for (let chunk = 1; pos < size; chunk++) {
    const buf = Buffer.alloc(CHUNK_SIZE);
    const read = readAt(buf, pos);
    if (read < CHUNK_SIZE && !buf.subarray(0, read).some((b) => b !== 0)) return;
    // A damaged chunk ends where the next valid chunk starts (bytes lost inside it, or a copied
    // fragment of a chunk): its image must not hold that chunk's records too.
    const empty = isEmptyChunk(buf);
    const c = empty ? undefined : inspectChunk(buf, read);
    const intact = c !== undefined && typeof c !== "string" && c.damage === undefined;
    const cut = empty || intact ? undefined : findChunk(readAt, pos + 1, pos + read, size);
    yield* chunkItems(buf, chunk, pos, cut === undefined ? read : cut - pos, cut);
    const expected = pos + CHUNK_SIZE;
    if (cut === undefined && (read < CHUNK_SIZE || expected >= size)) return;
    let next = cut ?? expected;
    let from = expected;
    if (cut === undefined && !hasChunkMagic(readAt, expected, size)) {
      // The next chunk is not on the 64 KiB grid: look for it from where this chunk's bytes end.
      from = intact ? pos + c.header.freeSpaceOffset : empty ? pos + 1 : expected;
      const found = findChunk(readAt, from, size, size);
      if (found === undefined) {
        // Never-written chunk slots (zeros) to the end are a quiet end of the log.
        if (!isZeroRange(readAt, expected, size)) {
          yield { kind: "error", chunk: chunk + 1, offset: expected, reason: `chunk ${chunk + 1} at ${hex(expected)}: no "ElfChnk" signature, and no valid chunk in the ${size - expected} byte(s) after it; skipped` };
        }
        return;
      }
      next = found;
    }
    // Skipping whole never-written slots is not worth a warning either.
    const emptySlots = next > expected && (next - expected) % CHUNK_SIZE === 0 && isZeroRange(readAt, expected, next);
    if (next !== expected && !emptySlots) yield moved(chunk + 1, expected, next, cut === undefined ? from : pos + 1, carving);
    pos = next;
  }
}

/**
 * Where the first chunk is: after the header block as the header says, at 4096 under a damaged
 * header, else the first valid chunk anywhere in the file (carving; reported once). Yields the
 * header's warnings; undefined when the file holds no chunk at all.
 */
function* firstChunk(readAt: ReadAt, size: number): Generator<EvtxItem, { at: number; carved: boolean } | undefined> {
  const head = Buffer.alloc(FILE_HEADER_SIZE);
  const header = parseFileHeader(head.subarray(0, readAt(head, 0)));
  // The chunks are self-contained: a damaged file header (a flipped bit in its signature, version
  // or block size) costs no record when the first chunk is where every EVTX file has it.
  const chunkAtDefault = hasChunkMagic(readAt, FILE_HEADER_SIZE, size);
  if (typeof header !== "string") {
    if (!header.crcOk) yield { kind: "error", chunk: 0, offset: 0, reason: "file header: CRC-32 mismatch (chunks read anyway)" };
    // A file cut short says so even when no chunk is left to be reported as cut.
    const expected = header.headerBlockSize + header.numberOfChunks * CHUNK_SIZE;
    if (size < expected) {
      yield { kind: "error", chunk: 0, offset: size, reason: `file is truncated: ${size} bytes, its header counts ${header.numberOfChunks} chunk(s) (${expected} bytes)` };
    }
    if (hasChunkMagic(readAt, header.headerBlockSize, size)) return { at: header.headerBlockSize, carved: false };
    if (chunkAtDefault) return { at: FILE_HEADER_SIZE, carved: false };
    // A header alone, or followed by never-written chunk slots (zeros), is a quiet, empty log.
    if (isZeroRange(readAt, header.headerBlockSize, size)) return undefined;
  } else if (chunkAtDefault) {
    yield { kind: "error", chunk: 0, offset: 0, reason: `file header: ${header} (chunks read from ${FILE_HEADER_SIZE} anyway)` };
    return { at: FILE_HEADER_SIZE, carved: false };
  }
  // From the start even under a valid header: bytes lost inside the header block move the first
  // chunk before the block's end.
  const from = 0;
  const found = findChunk(readAt, from, size, size);
  const problem = typeof header === "string" ? `file header: ${header}` : `file header: no "ElfChnk" signature after the header block (at ${hex(header.headerBlockSize)})`;
  if (found === undefined) {
    yield { kind: "error", chunk: 0, offset: 0, reason: problem };
    return undefined;
  }
  yield { kind: "error", chunk: 0, offset: from, reason: `${problem}; carving: scanned for "ElfChnk" chunk signatures from ${hex(from)}, the first valid chunk is at ${hex(found)}; chunks read from there` };
  return { at: found, carved: true };
}

/**
 * The warning for a chunk found away from the 64 KiB grid: within half a chunk it is bytes added
 * or lost before it; farther it is carving (the first time said so, with the offset the scan
 * started at: where the previous chunk's bytes end).
 */
function moved(chunk: number, expected: number, at: number, from: number, carving: { started: boolean }): EvtxItem {
  const where = `chunk ${chunk} at ${hex(expected)}: no "ElfChnk" signature`;
  if (Math.abs(at - expected) <= CHUNK_SIZE / 2) {
    return { kind: "error", chunk, offset: expected, reason: `${where}; the next one is ${at - expected} byte(s) away (bytes added or lost before it), read from there` };
  }
  const first = !carving.started;
  carving.started = true;
  const what = first ? `carving: scanned for "ElfChnk" chunk signatures from ${hex(from)}, the next valid chunk is at ${hex(at)}` : `the next valid chunk is at ${hex(at)}`;
  return { kind: "error", chunk, offset: expected, reason: `${where}; ${what} (${at - expected} byte(s) from where it was expected); read from there` };
}

function hasChunkMagic(readAt: ReadAt, at: number, size: number): boolean {
  if (at + CHUNK_MAGIC.length > size) return false;
  const b = Buffer.alloc(CHUNK_MAGIC.length);
  return readAt(b, at) === b.length && b.equals(CHUNK_MAGIC);
}

/**
 * The records of one chunk image of which `got` bytes were read (`fileOffset` only labels
 * positions). A chunk with a CRC mismatch or cut short is read record by record: each record
 * whose header and size check out is decoded, each damaged stretch is reported with its offset,
 * and a summary says how many records were recovered. `nextChunk` is where the next valid chunk
 * starts when that cut this one short.
 */
export function* chunkItems(buf: Buffer, chunk: number, fileOffset: number, got = buf.length, nextChunk?: number): Generator<EvtxItem> {
  const where = `chunk ${chunk} at 0x${fileOffset.toString(16)}`;
  if (isEmptyChunk(buf)) return;
  const c = inspectChunk(buf, got);
  if (typeof c === "string") {
    yield { kind: "error", chunk, offset: fileOffset, reason: `${where}: ${c}; chunk skipped` };
    return;
  }
  // Reads past what the file holds fail instead of seeing zeros.
  const ctx = new ChunkContext(got < buf.length ? buf.subarray(0, got) : buf);
  if (c.damage === undefined) return yield* wholeChunk(ctx, buf, c.header, chunk, fileOffset, where);
  if (c.repairable) {
    const repaired = repairBit(buf, c.limit, chunk, fileOffset, where, c.header);
    if (repaired) return yield* repaired;
  }
  let recovered = 0;
  let damaged = 0;
  for (const r of recoverRecords(buf, c.limit)) {
    if ("from" in r) {
      damaged++;
      const at = fileOffset + r.from;
      yield { kind: "error", chunk, offset: at, reason: `${where}: ${r.to - r.from} damaged byte(s) at 0x${at.toString(16)} hold no valid record; skipped` };
      continue;
    }
    const item = decode(ctx, buf, r, chunk, fileOffset, where);
    if (item.kind === "record") recovered++;
    else damaged++;
    yield item;
  }
  // A truncated chunk's whole records are as written; a CRC mismatch may sit inside any of them.
  const cut = got < buf.length;
  const unverified = !c.verified && !cut && recovered > 0 ? " (not verified by the CRC: a value in them may be corrupted)" : "";
  const verified = c.verified ? " (verified by the records CRC-32)" : "";
  yield {
    kind: "error",
    chunk,
    offset: fileOffset,
    reason: `${where}: ${c.damage}; records read one by one: ${recovered} recovered${verified}${unverified}, ${damaged} damaged skipped${!cut ? "" : nextChunk === undefined ? "; the rest of the chunk is missing" : `; the next valid chunk starts at ${hex(nextChunk)} (bytes lost or added)`}`,
  };
}

function* wholeChunk(ctx: ChunkContext, buf: Buffer, header: ChunkHeader, chunk: number, fileOffset: number, where: string): Generator<EvtxItem> {
  for (const r of chunkRecords(buf, header)) {
    if (typeof r === "string") {
      yield { kind: "error", chunk, offset: fileOffset, reason: `${where}: ${r}; rest of chunk skipped` };
      continue;
    }
    yield decode(ctx, buf, r, chunk, fileOffset, where);
  }
}

/**
 * The chunk's items after repairing one flipped bit that the records CRC-32 points at, or
 * undefined when no single bit explains the mismatch or a record of the repaired chunk still
 * fails (several bits can mimic one; bit-repair.ts).
 */
function repairBit(buf: Buffer, limit: number, chunk: number, fileOffset: number, where: string, header: ChunkHeader): EvtxItem[] | undefined {
  const bit = findFlippedBit(buf, RECORDS_START, limit, buf.readUInt32LE(52));
  if (bit === undefined) return undefined;
  const fixed = Buffer.from(buf);
  fixed[bit >> 3]! ^= 1 << (bit & 7);
  const items = [...wholeChunk(new ChunkContext(fixed), fixed, header, chunk, fileOffset, where)];
  if (items.some((i) => i.kind === "error")) return undefined;
  const at = fileOffset + (bit >> 3);
  const reason = `${where}: event records CRC-32 mismatch explained by one flipped bit (bit ${bit & 7} of the byte at 0x${at.toString(16)}); repaired, the CRC-32 now matches and all ${items.length} records decode`;
  return [{ kind: "error", chunk, offset: at, reason }, ...items];
}

function decode(ctx: ChunkContext, buf: Buffer, r: RecordSpan, chunk: number, fileOffset: number, where: string): EvtxItem {
  const offset = fileOffset + r.offset;
  try {
    const xml = renderXml(parseFragment(ctx, r.binxml, r.end).nodes, buf);
    return { kind: "record", xml, recordId: r.recordId, chunk, offset };
  } catch (e) {
    return { kind: "error", chunk, offset, reason: `${where}: record ${r.recordId} at 0x${offset.toString(16)}: ${(e as Error).message}` };
  }
}
