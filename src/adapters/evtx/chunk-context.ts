/**
 * Per-chunk state for BinXML decoding (libevtx "Windows XML Event Log (EVTX)" §3 "Chunk": the
 * common string (name) table and template pointer table; names and template definitions are
 * referenced by offset within the chunk). Names and parsed template definitions are cached per
 * chunk; a new chunk gets a new context, so memory stays bounded by one chunk.
 */
import type { Node } from "./nodes.js";

export class EvtxFormatError extends Error {}

export class ChunkContext {
  private readonly names = new Map<number, string>();
  readonly templates = new Map<number, readonly Node[]>();

  constructor(readonly buf: Buffer) {}

  u8(off: number): number {
    this.need(off, 1);
    return this.buf[off]!;
  }

  u16(off: number): number {
    this.need(off, 2);
    return this.buf.readUInt16LE(off);
  }

  u32(off: number): number {
    this.need(off, 4);
    return this.buf.readUInt32LE(off);
  }

  /** UTF-16LE text of `chars` code units at `off`. */
  utf16(off: number, chars: number): string {
    this.need(off, chars * 2);
    return this.buf.toString("utf16le", off, off + chars * 2);
  }

  /**
   * The name structure at `off` (next-name offset u32, hash u16, character count u16, UTF-16LE
   * characters, NUL terminator u16); returns the name and the structure's byte size.
   */
  name(off: number): { name: string; size: number } {
    const chars = this.u16(off + 6);
    const size = 10 + chars * 2;
    let name = this.names.get(off);
    if (name === undefined) {
      name = this.utf16(off + 8, chars);
      this.names.set(off, name);
    }
    return { name, size };
  }

  need(off: number, len: number): void {
    if (off < 0 || off + len > this.buf.length) {
      throw new EvtxFormatError(`read of ${len} byte(s) at chunk offset 0x${off.toString(16)} is outside the chunk`);
    }
  }
}
