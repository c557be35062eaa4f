// Hand-built EVTX images for the reader's unit tests: a chunk writer that emits BinXML tokens at
// real chunk offsets (so inline names and template definitions are placed exactly as Windows
// places them), records, chunk/file headers with their CRC-32s. Layouts per libevtx's EVTX notes.
import { crc32 } from "../../../src/adapters/evtx/crc32.js";

export const VT = {
  Null: 0x00, String: 0x01, Ansi: 0x02, Int8: 0x03, UInt8: 0x04, Int16: 0x05, UInt16: 0x06, Int32: 0x07,
  UInt32: 0x08, Int64: 0x09, UInt64: 0x0a, Real32: 0x0b, Real64: 0x0c, Bool: 0x0d, Binary: 0x0e, Guid: 0x0f,
  SizeT: 0x10, FileTime: 0x11, SystemTime: 0x12, Sid: 0x13, HexInt32: 0x14, HexInt64: 0x15, BinXml: 0x21, Array: 0x80,
} as const;

/** A substitution value: raw bytes of a type, or BinXML written in place by a callback. */
export type Val = { readonly type: number; readonly bytes: Buffer } | { readonly type: typeof VT.BinXml; readonly write: (b: ChunkBuilder) => void };

const le = (n: number, size: number): Buffer => {
  const b = Buffer.alloc(size);
  b.writeUIntLE(n, 0, size);
  return b;
};

export const val = {
  null: (): Val => ({ type: VT.Null, bytes: Buffer.alloc(0) }),
  str: (s: string, nul = true): Val => ({ type: VT.String, bytes: Buffer.from(nul ? `${s}\0` : s, "utf16le") }),
  ansi: (s: string): Val => ({ type: VT.Ansi, bytes: Buffer.from(`${s}\0`, "latin1") }),
  u8: (n: number): Val => ({ type: VT.UInt8, bytes: le(n, 1) }),
  u16: (n: number): Val => ({ type: VT.UInt16, bytes: le(n, 2) }),
  u32: (n: number): Val => ({ type: VT.UInt32, bytes: le(n, 4) }),
  u64: (n: bigint, type: number = VT.UInt64): Val => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(n);
    return { type, bytes: b };
  },
  hex32: (n: number): Val => ({ type: VT.HexInt32, bytes: le(n, 4) }),
  bool: (x: boolean): Val => ({ type: VT.Bool, bytes: le(x ? 1 : 0, 4) }),
  /** FILETIME from an ISO time plus extra 100 ns ticks. */
  fileTime: (iso: string, ticks = 0): Val => val.u64(BigInt(Date.parse(iso)) * 10_000n + 116444736000000000n + BigInt(ticks), VT.FileTime),
  guid: (g: string): Val => {
    const h = g.replace(/[{}-]/g, "");
    const b = Buffer.alloc(16);
    b.writeUInt32LE(parseInt(h.slice(0, 8), 16), 0);
    b.writeUInt16LE(parseInt(h.slice(8, 12), 16), 4);
    b.writeUInt16LE(parseInt(h.slice(12, 16), 16), 6);
    Buffer.from(h.slice(16), "hex").copy(b, 8);
    return { type: VT.Guid, bytes: b };
  },
  sid: (s: string): Val => {
    const [, rev, auth, ...subs] = s.split("-");
    const b = Buffer.alloc(8 + 4 * subs.length);
    b[0] = Number(rev);
    b[1] = subs.length;
    b.writeUIntBE(Number(auth), 2, 6);
    subs.forEach((x, i) => b.writeUInt32LE(Number(x), 8 + 4 * i));
    return { type: VT.Sid, bytes: b };
  },
  binXml: (write: (b: ChunkBuilder) => void): Val => ({ type: VT.BinXml, write }),
};

export class ChunkBuilder {
  readonly buf = Buffer.alloc(65536);
  pos = 512;
  private readonly names = new Map<string, number>();
  private readonly ids: bigint[] = [];
  private lastRecord = 512;

  u8(n: number): this {
    this.buf[this.pos++] = n;
    return this;
  }
  u16(n: number): this {
    this.pos = this.buf.writeUInt16LE(n, this.pos);
    return this;
  }
  u32(n: number): this {
    this.pos = this.buf.writeUInt32LE(n, this.pos);
    return this;
  }
  u64(n: bigint): this {
    this.pos = this.buf.writeBigUInt64LE(n, this.pos);
    return this;
  }
  raw(b: Buffer): this {
    this.pos += b.copy(this.buf, this.pos);
    return this;
  }

  /** A name reference; the first use of a name defines it inline, later uses point back at it. */
  name(n: string): this {
    const known = this.names.get(n);
    if (known !== undefined) return this.u32(known);
    this.names.set(n, this.pos + 4);
    return this.u32(this.pos + 4).u32(0).u16(0).u16(n.length).raw(Buffer.from(`${n}\0`, "utf16le"));
  }

  fragment(): this {
    return this.u8(0x0f).u8(1).u8(1).u8(0);
  }
  open(name: string, hasAttributes = false): this {
    this.u8(hasAttributes ? 0x41 : 0x01).u16(0xffff).u32(0).name(name);
    return hasAttributes ? this.u32(0) : this;
  }
  attr(name: string): this {
    return this.u8(0x06).name(name);
  }
  text(s: string): this {
    return this.u8(0x05).u8(0x01).u16(s.length).raw(Buffer.from(s, "utf16le"));
  }
  sub(id: number, type: number, optional = false): this {
    return this.u8(optional ? 0x0e : 0x0d).u16(id).u8(type);
  }
  closeStart(): this {
    return this.u8(0x02);
  }
  closeEmpty(): this {
    return this.u8(0x03);
  }
  end(): this {
    return this.u8(0x04);
  }
  eof(): this {
    return this.u8(0x00);
  }

  /**
   * A template instance: `def` writes a new definition inline (its offset is returned), or is the
   * offset of one defined earlier in the chunk. Then the substitution array.
   */
  template(def: number | ((b: ChunkBuilder) => void), values: readonly Val[]): number {
    this.u8(0x0c).u8(0x01).u32(0x5a5a5a5a);
    let defOff: number;
    if (typeof def === "number") {
      defOff = def;
      this.u32(def);
    } else {
      defOff = this.pos + 4;
      this.u32(defOff).u32(0).raw(Buffer.alloc(16, 0x5a));
      const sizeAt = this.pos;
      this.u32(0);
      def(this);
      this.buf.writeUInt32LE(this.pos - sizeAt - 4, sizeAt);
    }
    this.u32(values.length);
    const descriptors = this.pos;
    for (const v of values) this.u16(0).u8(v.type).u8(0);
    values.forEach((v, i) => {
      const start = this.pos;
      if ("bytes" in v) this.raw(v.bytes);
      else v.write(this);
      this.buf.writeUInt16LE(this.pos - start, descriptors + i * 4);
    });
    return defOff;
  }

  /** An event record whose BinXML `body` writes (fragment header included by the caller). */
  record(id: bigint, body: (b: ChunkBuilder) => void): this {
    const start = this.pos;
    this.u32(0x2a2a).u32(0).u64(id).u64(132000000000000000n);
    body(this);
    this.u32(0);
    const size = this.pos - start;
    this.buf.writeUInt32LE(size, start + 4);
    this.buf.writeUInt32LE(size, this.pos - 4);
    this.ids.push(id);
    this.lastRecord = start;
    return this;
  }

  /** Writes the chunk header (record numbers, offsets, both CRC-32s) and returns the image. */
  finish(): Buffer {
    const b = this.buf;
    b.write("ElfChnk\0", 0, "latin1");
    const first = this.ids[0] ?? 0n;
    const last = this.ids[this.ids.length - 1] ?? 0n;
    b.writeBigUInt64LE(first, 8);
    b.writeBigUInt64LE(last, 16);
    b.writeBigUInt64LE(first, 24);
    b.writeBigUInt64LE(last, 32);
    b.writeUInt32LE(128, 40);
    b.writeUInt32LE(this.lastRecord, 44);
    b.writeUInt32LE(this.pos, 48);
    fixChunkCrcs(b);
    return b;
  }
}

/** Recomputes a chunk's data and header CRC-32s (after a test edits it). */
export function fixChunkCrcs(b: Buffer): void {
  b.writeUInt32LE(crc32(b, 512, b.readUInt32LE(48)), 52);
  b.writeUInt32LE(crc32(b, 128, 512, crc32(b, 0, 120)), 124);
}

/** A file: the 4096-byte header block (version 3.1, CRC-32) followed by the chunks. */
export function evtxFile(chunks: readonly Buffer[]): Buffer {
  const h = Buffer.alloc(4096);
  h.write("ElfFile\0", 0, "latin1");
  h.writeBigUInt64LE(0n, 8);
  h.writeBigUInt64LE(BigInt(Math.max(0, chunks.length - 1)), 16);
  h.writeBigUInt64LE(1000n, 24);
  h.writeUInt32LE(128, 32);
  h.writeUInt16LE(1, 36);
  h.writeUInt16LE(3, 38);
  h.writeUInt16LE(4096, 40);
  h.writeUInt16LE(chunks.length, 42);
  h.writeUInt32LE(crc32(h, 0, 120), 124);
  return Buffer.concat([h, ...chunks]);
}

export const EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event";

/**
 * A System template shaped like Windows' (values: 0 provider GUID, 1 EventID, 2 Qualifiers
 * (optional), 3 Version, 4 Level, 5 Task, 6 Opcode, 7 Keywords, 8 TimeCreated, 9 EventRecordID,
 * 10/11 ActivityID/RelatedActivityID (optional), 12/13 ProcessID/ThreadID, 14 Computer, 15 UserID
 * (optional), 16 EventData as nested BinXML). Channel is template text.
 */
export function eventTemplate(channel: string, provider: string): (b: ChunkBuilder) => void {
  return (b) => {
    b.fragment().open("Event", true).attr("xmlns").text(EVENT_NS).closeStart();
    b.open("System").closeStart();
    b.open("Provider", true).attr("Name").text(provider).attr("Guid").sub(0, VT.Guid, true).closeEmpty();
    b.open("EventID", true).attr("Qualifiers").sub(2, VT.UInt16, true).closeStart().sub(1, VT.UInt16).end();
    b.open("Version").closeStart().sub(3, VT.UInt8).end();
    b.open("Level").closeStart().sub(4, VT.UInt8).end();
    b.open("Task").closeStart().sub(5, VT.UInt16).end();
    b.open("Opcode").closeStart().sub(6, VT.UInt8).end();
    b.open("Keywords").closeStart().sub(7, VT.HexInt64).end();
    b.open("TimeCreated", true).attr("SystemTime").sub(8, VT.FileTime, true).closeEmpty();
    b.open("EventRecordID").closeStart().sub(9, VT.UInt64).end();
    b.open("Correlation", true).attr("ActivityID").sub(10, VT.Guid, true).attr("RelatedActivityID").sub(11, VT.Guid, true).closeEmpty();
    b.open("Execution", true).attr("ProcessID").sub(12, VT.UInt32).attr("ThreadID").sub(13, VT.UInt32).closeEmpty();
    b.open("Channel").closeStart().text(channel).end();
    b.open("Computer").closeStart().sub(14, VT.String).end();
    b.open("Security", true).attr("UserID").sub(15, VT.Sid, true).closeEmpty();
    b.end(); // System
    b.sub(16, VT.BinXml, true);
    b.end().eof(); // Event
  };
}

/** An EventData template with one `<Data Name='…'>%i</Data>` per name. */
export function eventDataTemplate(names: readonly string[], types: readonly number[]): (b: ChunkBuilder) => void {
  return (b) => {
    b.fragment().open("EventData").closeStart();
    names.forEach((n, i) => b.open("Data", true).attr("Name").text(n).closeStart().sub(i, types[i] ?? VT.String, true).end());
    b.end().eof();
  };
}

/**
 * One chunk of Sysmon EID 1 records, one per row of `rows` (values of `names`, all strings), with
 * EventRecordIDs from `firstId` and TimeCreated 18:12:00 + i s; one template for all records.
 */
export function sysmonChunk(names: readonly string[], rows: readonly (readonly string[])[], firstId: number): Buffer {
  const b = new ChunkBuilder();
  let def = 0;
  let dataDef = 0;
  rows.forEach((row, i) => {
    b.record(BigInt(firstId + i), (r) => {
      r.fragment();
      const data = val.binXml((n) => {
        n.fragment();
        dataDef = n.template(dataDef || eventDataTemplate(names, names.map(() => VT.String)), row.map((x) => val.str(x)));
      });
      def = r.template(def || eventTemplate("Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-Sysmon"), [
        val.guid("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"), val.u16(1), val.null(), val.u8(5), val.u8(4), val.u16(1), val.u8(0),
        val.u64(0x8000000000000000n, VT.HexInt64), val.fileTime("2019-04-03T18:12:00.000Z", i), val.u64(BigInt(firstId + i)),
        val.null(), val.null(), val.u32(1808), val.u32(2044), val.str("PC04.example.corp"), val.sid("S-1-5-18"), data,
      ]);
      r.eof();
    });
  });
  return b.finish();
}
