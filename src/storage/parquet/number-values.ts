/** Collects a DOUBLE or INT32 leaf's values, PLAIN or dictionary-encoded (DuckDB uses both). */
import { endianness } from "node:os";
import { PhysicalType } from "./constants.js";
import { decodeHybrid } from "./rle-hybrid.js";
import type { ValueSink } from "./value-sink.js";

const LITTLE_ENDIAN = endianness() === "LE";

type Numbers = Float64Array | Int32Array;

export class NumberValues implements ValueSink {
  readonly values: Numbers;
  count = 0;
  private dict: Numbers | undefined;
  private readonly width: number;

  constructor(
    private readonly physical: number,
    capacity: number,
  ) {
    this.values = physical === PhysicalType.DOUBLE ? new Float64Array(capacity) : new Int32Array(capacity);
    this.width = this.values.BYTES_PER_ELEMENT;
  }

  get hasDictionary(): boolean {
    return this.dict !== undefined;
  }

  dictionary(body: Uint8Array, n: number): void {
    if (this.dict) throw new Error("a second dictionary page");
    if (n * this.width > body.length) throw new Error(`dictionary of ${n} values in a ${body.length}-byte page`);
    const d = this.physical === PhysicalType.DOUBLE ? new Float64Array(n) : new Int32Array(n);
    this.copy(body, 0, body.length, n, d, 0);
    this.dict = d;
  }

  plain(body: Uint8Array, pos: number, end: number, n: number): void {
    this.room(n);
    this.copy(body, pos, end, n, this.values, this.count);
    this.count += n;
  }

  indices(body: Uint8Array, pos: number, end: number, width: number, n: number): void {
    this.room(n);
    const dict = this.dict ?? new Float64Array(0);
    const idx = new Uint32Array(n);
    decodeHybrid(body, pos, end, width, idx, 0, n);
    for (let i = 0; i < n; i++) {
      const k = idx[i] as number;
      if (k >= dict.length) throw new Error(`dictionary index ${k} out of range (dictionary has ${dict.length} entries)`);
      this.values[this.count + i] = dict[k] as number;
    }
    this.count += n;
  }

  private room(n: number): void {
    if (this.count + n > this.values.length) throw new Error(`pages hold more values than the chunk's ${this.values.length} levels`);
  }

  private copy(body: Uint8Array, pos: number, end: number, n: number, out: Numbers, at: number): void {
    const bytes = n * this.width;
    if (bytes > end - pos) throw new Error(`${n} PLAIN values need ${bytes} bytes, the page has ${end - pos}`);
    if (LITTLE_ENDIAN) {
      new Uint8Array(out.buffer, out.byteOffset + at * this.width, bytes).set(body.subarray(pos, pos + bytes));
      return;
    }
    const view = new DataView(body.buffer, body.byteOffset + pos, bytes);
    for (let i = 0; i < n; i++) out[at + i] = out instanceof Float64Array ? view.getFloat64(i * 8, true) : view.getInt32(i * 4, true);
  }
}
