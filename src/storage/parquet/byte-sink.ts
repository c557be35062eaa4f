/**
 * A growable byte buffer: page bodies and Thrift headers are assembled here, then written in one
 * call. `alloc` hands out room to fill directly, so hot encoders skip a bounds check per byte.
 */
export class ByteSink {
  private data: Buffer;
  length = 0;

  constructor(initial = 1024) {
    this.data = Buffer.allocUnsafe(Math.max(16, initial));
  }

  /** The backing buffer; valid until the next write that grows it. */
  get buf(): Buffer {
    return this.data;
  }

  /** Reserves `n` bytes and returns where they start. */
  alloc(n: number): number {
    const at = this.length;
    const need = at + n;
    if (need > this.data.length) {
      let cap = this.data.length * 2;
      while (cap < need) cap *= 2;
      const next = Buffer.allocUnsafe(cap);
      this.data.copy(next, 0, 0, at);
      this.data = next;
    }
    this.length = need;
    return at;
  }

  u8(v: number): void {
    const at = this.alloc(1);
    this.data[at] = v;
  }

  u32le(v: number): void {
    const at = this.alloc(4); // before reading this.data: alloc may replace it
    this.data.writeUInt32LE(v, at);
  }

  /** Overwrites a length written earlier (the 4-byte prefix of definition levels). */
  patchU32le(at: number, v: number): void {
    this.data.writeUInt32LE(v, at);
  }

  bytes(b: Uint8Array): void {
    const at = this.alloc(b.length);
    this.data.set(b, at);
  }

  /** Writes `s` as UTF-8 and returns its byte length. */
  utf8(s: string): number {
    const at = this.alloc(s.length * 3);
    const n = this.data.write(s, at, "utf8");
    this.length = at + n;
    return n;
  }

  /** Unsigned LEB128 varint; numbers up to 2^53 (offsets never get near). */
  varint(v: number): void {
    while (v >= 0x80) {
      this.u8((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.u8(v);
  }

  /** The bytes written so far (a view; copy it if the sink is reused). */
  finish(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}
