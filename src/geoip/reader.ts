/**
 * A MaxMind DB reader over the bytes of a `.mmdb` file (MaxMind DB File Format Specification v2.0):
 * the search tree ("Binary Search Tree Section", "Node Layout" for 24/28/32-bit records, "Search
 * Lookup Algorithm"), the 16-byte "Data Section Separator", and IPv4 lookups in an IPv6 tree by
 * starting from the node at ::/96 ("IPv4 addresses in an IPv6 tree"). The file's layout is checked
 * when it is opened; a damaged record found during a lookup raises an MmdbError.
 */
import { Decoder, describe, MmdbError, type MmdbValue } from "./decoder.js";
import { mappedIpv4, parseIp } from "../values/ip.js";
import { readMetadata, type MmdbMetadata } from "./metadata.js";

const SEPARATOR = 16;

export class MmdbReader {
  readonly metadata: MmdbMetadata;
  private readonly nodeBytes: number;
  private readonly treeSize: number;
  private readonly dataSize: number;
  private readonly decoder: Decoder;
  private readonly view: DataView;
  /** The node IPv4 lookups start from: ::/96 in an IPv6 tree, the root in an IPv4 tree. */
  private readonly ipv4Start: number;
  /** Bits walked to reach ipv4Start (96, or fewer when ::/96 lies inside a shorter network). */
  private readonly ipv4StartDepth: number;

  /** Reads the metadata and checks the layout; throws MmdbError saying what is wrong. */
  constructor(private readonly buf: Uint8Array) {
    const { markerAt, metadata } = readMetadata(buf);
    this.metadata = metadata;
    this.nodeBytes = (metadata.recordSize * 2) / 8;
    this.treeSize = this.nodeBytes * metadata.nodeCount;
    const dataStart = this.treeSize + SEPARATOR;
    if (dataStart > markerAt) {
      throw new MmdbError(`search tree of ${metadata.nodeCount} nodes (${this.treeSize} bytes) and its 16-byte separator do not fit in the ${markerAt} bytes before the metadata: the file is truncated or node_count is wrong`);
    }
    for (let i = this.treeSize; i < dataStart; i++) {
      if (buf[i] !== 0) throw new MmdbError(`the 16 bytes after the search tree (offset ${this.treeSize}) are not all zero: node_count or record_size does not match the file`);
    }
    this.dataSize = markerAt - dataStart;
    this.decoder = new Decoder(buf, dataStart, markerAt, "data section");
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const v4root = metadata.ipVersion === 6 ? this.walk(new Uint8Array(12), 96, 0) : { node: 0, depth: 0 };
    this.ipv4Start = v4root.node;
    this.ipv4StartDepth = v4root.depth;
  }

  /**
   * The record for an IP address, or null when the database has none for it (or, in an IPv4
   * database, for an IPv6 address that is not IPv4-mapped). Throws a TypeError for text that is
   * not an IP address, and an MmdbError when the record is damaged or is not a map.
   */
  lookup(ip: string): Record<string, unknown> | null {
    const v = this.lookupValue(ip);
    if (v === null) return null;
    if (typeof v !== "object" || v instanceof Uint8Array || Array.isArray(v)) {
      throw new MmdbError(`the record for ${ip} is a ${describe(v)}, not a map`);
    }
    return v as Record<string, unknown>;
  }

  /** Like lookup, for databases whose records are not maps. */
  lookupValue(ip: string): MmdbValue | null {
    const found = this.find(ip);
    return found === null ? null : this.decoder.decode(found.offset);
  }

  /** The data-section offset of the record for `ip` and the prefix length of its network; null when none. */
  find(ip: string): { offset: number; prefixLength: number } | null {
    const parsed = parseIp(ip);
    if (!parsed) throw new TypeError(`not an IP address: ${JSON.stringify(ip)}`);
    let addr = parsed.bytes;
    if (addr.length === 16 && this.metadata.ipVersion === 4) {
      const v4 = mappedIpv4(addr);
      if (!v4) return null;
      addr = v4;
    }
    const v4 = addr.length === 4;
    const { node, depth } = this.walk(addr, addr.length * 8, v4 ? this.ipv4Start : 0);
    const nodeCount = this.metadata.nodeCount;
    if (node === nodeCount) return null;
    if (node < nodeCount) throw new MmdbError(`the search tree is deeper than the ${addr.length * 8} bits of ${ip}: node ${node} at the last bit`);
    const offset = node - nodeCount - SEPARATOR;
    if (offset < 0 || offset >= this.dataSize) {
      throw new MmdbError(`search-tree record ${node} for ${ip} points ${offset < 0 ? "into the data section separator" : `past the end of the data section (size ${this.dataSize})`}`);
    }
    // In an IPv6 tree an IPv4 network sits under ::/96, so its IPv4 prefix is what lies below.
    const prefixLength = v4 && this.metadata.ipVersion === 6 ? Math.max(0, this.ipv4StartDepth + depth - 96) : depth;
    return { offset, prefixLength };
  }

  /** Follows `bits` bits of `addr` from `start` until a record is not a node; depth is the bits followed. */
  private walk(addr: Uint8Array, bits: number, start: number): { node: number; depth: number } {
    const nodeCount = this.metadata.nodeCount;
    let node = start;
    let i = 0;
    for (; i < bits && node < nodeCount; i++) {
      const bit = ((addr[i >> 3] ?? 0) >> (7 - (i & 7))) & 1;
      node = this.record(node, bit);
    }
    return { node, depth: i };
  }

  /** The left (bit 0) or right (bit 1) record of a node; big-endian, laid out as in "Node Layout". */
  private record(node: number, bit: number): number {
    const b = this.buf;
    const at = node * this.nodeBytes;
    const u24 = (o: number) => ((b[o] ?? 0) << 16) | ((b[o + 1] ?? 0) << 8) | (b[o + 2] ?? 0);
    switch (this.metadata.recordSize) {
      case 24: return u24(bit === 0 ? at : at + 3);
      case 28: {
        // The middle byte holds bits 27..24 of both records: the left's in its high nibble.
        const mid = b[at + 3] ?? 0;
        return bit === 0 ? ((mid & 0xf0) << 20) | u24(at) : ((mid & 0x0f) << 24) | u24(at + 4);
      }
      case 32: return this.view.getUint32(bit === 0 ? at : at + 4);
    }
  }
}
