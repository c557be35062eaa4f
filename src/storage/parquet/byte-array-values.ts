/**
 * Collects a BYTE_ARRAY leaf's values as one dictionary plus an index per value. Dictionary pages
 * are taken as they are; if a PLAIN page turns up (other writers fall back to PLAIN when a
 * dictionary grows too big, or never use one), values are de-duplicated into a new dictionary by
 * their bytes, so the result is a dictionary either way and no JS strings are made.
 */
import { readPlainByteArrays } from "./plain-byte-arrays.js";
import { decodeHybrid } from "./rle-hybrid.js";
import type { Utf8Entries } from "./types.js";
import { Utf8DictBuilder } from "./utf8-dict-builder.js";
import { entryCount, utf8Entries } from "./utf8-entries.js";
import type { ValueSink } from "./value-sink.js";

const EMPTY = utf8Entries([]);

export class ByteArrayValues implements ValueSink {
  private dict: Utf8Entries | undefined;
  private readonly idx: Uint32Array;
  private count = 0;
  private builder: Utf8DictBuilder | undefined;
  private dictMap: Uint32Array | undefined;

  /** `capacity` bounds the values (the chunk's level count). */
  constructor(capacity: number) {
    this.idx = new Uint32Array(capacity);
  }

  get hasDictionary(): boolean {
    return this.dict !== undefined;
  }

  dictionary(body: Uint8Array, n: number): void {
    if (this.dict) throw new Error("a second dictionary page");
    this.dict = readPlainByteArrays(body, 0, body.length, n).entries;
  }

  indices(body: Uint8Array, pos: number, end: number, width: number, n: number): void {
    const dict = this.dict ?? EMPTY;
    this.room(n);
    decodeHybrid(body, pos, end, width, this.idx, this.count, n);
    const size = entryCount(dict);
    const map = this.dictMap;
    for (let i = this.count; i < this.count + n; i++) {
      const k = this.idx[i] as number;
      if (k >= size) throw new Error(`dictionary index ${k} out of range (dictionary has ${size} entries)`);
      if (map) this.idx[i] = map[k] as number;
    }
    this.count += n;
  }

  plain(body: Uint8Array, pos: number, end: number, n: number): void {
    this.room(n);
    const b = this.startBuilding();
    for (let i = 0; i < n; i++) {
      if (pos + 4 > end) throw new Error("PLAIN byte-array value past the end of the page");
      const len = ((body[pos] as number) | ((body[pos + 1] as number) << 8) | ((body[pos + 2] as number) << 16)) + (body[pos + 3] as number) * 2 ** 24;
      pos += 4;
      if (len > end - pos) throw new Error("PLAIN byte-array value past the end of the page");
      this.idx[this.count++] = b.add(body, pos, pos + len);
      pos += len;
    }
  }

  finish(): { dict: Utf8Entries; idx: Uint32Array } {
    return { dict: this.builder ? this.builder.finish() : (this.dict ?? EMPTY), idx: this.idx.subarray(0, this.count) };
  }

  private room(n: number): void {
    if (this.count + n > this.idx.length) throw new Error(`pages hold more values than the chunk's ${this.idx.length} levels`);
  }

  /** Switches to de-duplicating; indices read so far are renumbered into the builder's entries. */
  private startBuilding(): Utf8DictBuilder {
    if (this.builder) return this.builder;
    const b = new Utf8DictBuilder();
    if (this.dict) {
      const d = this.dict;
      const map = new Uint32Array(entryCount(d));
      for (let i = 0; i < map.length; i++) map[i] = b.add(d.pool, d.offsets[i] as number, d.offsets[i + 1] as number);
      for (let i = 0; i < this.count; i++) this.idx[i] = map[this.idx[i] as number] as number;
      this.dictMap = map;
    }
    this.builder = b;
    return b;
  }
}
