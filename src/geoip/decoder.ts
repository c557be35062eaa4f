/**
 * The MaxMind DB data-section decoder (MaxMind DB File Format Specification v2.0, "Output Data
 * Section" and "Data Field Format"): a control byte gives the type (3 bits, 0 = extended: the next
 * byte holds type − 7) and the payload size (5 bits; 29/30/31 mean 1/2/3 more size bytes), then the
 * payload, big-endian. Pointers (type 1) carry their own size/value bits and count from the start
 * of the section they live in. Every read is bounds-checked so a damaged file gives an MmdbError
 * naming the offset and what was wrong, never a RangeError or a hang.
 */

/** A decoded value. uint64 and uint128 are always bigint (their range exceeds a double's). */
export type MmdbValue =
  | string | number | bigint | boolean | Uint8Array
  | readonly MmdbValue[]
  | { readonly [key: string]: MmdbValue };

/** A file that is not a MaxMind DB, or one that is damaged; the message says what was wrong. */
export class MmdbError extends Error {
  override readonly name = "MmdbError";
}

/** Type numbers of the spec, by name (the extended ones are 8 and up). */
export const MMDB_TYPES = {
  pointer: 1, string: 2, double: 3, bytes: 4, uint16: 5, uint32: 6, map: 7, int32: 8,
  uint64: 9, uint128: 10, array: 11, cache: 12, end: 13, boolean: 14, float: 15,
} as const;

/** Largest payload size per integer type, in bytes (the spec allows fewer, never more). */
const INT_BYTES: Readonly<Record<number, number>> = { 5: 2, 6: 4, 8: 4, 9: 8, 10: 16 };

/**
 * GeoIP2 records nest four levels deep; the limit only stops a map that points back to itself
 * (pointers may not point to pointers, but a map may contain a pointer to its own start).
 */
const MAX_DEPTH = 512;

const utf8 = new TextDecoder("utf-8", { fatal: true });

export class Decoder {
  private readonly view: DataView;

  /**
   * @param buf the whole file
   * @param base where this section starts: pointers and `decode` offsets count from here
   * @param end where this section ends (exclusive): nothing past it is read
   * @param section the section's name for messages ("data section", "metadata")
   */
  constructor(
    private readonly buf: Uint8Array,
    private readonly base: number,
    private readonly end: number,
    private readonly section: string,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Decodes the field at `offset` from the start of the section. */
  decode(offset: number): MmdbValue {
    if (!Number.isInteger(offset) || offset < 0 || this.base + offset >= this.end) {
      throw this.error(offset, `offset is outside the ${this.section} (size ${this.end - this.base})`);
    }
    return this.field(this.base + offset, 0).value;
  }

  private field(pos: number, depth: number): { value: MmdbValue; next: number } {
    if (depth > MAX_DEPTH) throw this.error(pos - this.base, `values nest more than ${MAX_DEPTH} levels deep (a map or array containing itself?)`);
    const ctrl = this.byte(pos);
    let type = ctrl >> 5;
    let p = pos + 1;
    if (type === MMDB_TYPES.pointer) return this.pointer(pos, ctrl, depth);
    if (type === 0) {
      const ext = this.byte(p++);
      type = 7 + ext;
      // Extended types start at 8: an extended byte of 0 would spell map, which has a short form.
      if (type < 8) throw this.error(pos - this.base, `extended type byte ${ext} is not a valid type`);
    }
    let size = ctrl & 0x1f;
    if (size >= 29) {
      const n = size - 28;
      const extra = this.uint(p, n);
      p += n;
      size = size === 29 ? 29 + extra : size === 30 ? 285 + extra : 65_821 + extra;
    }
    return this.payload(type, size, p, pos, depth);
  }

  private payload(type: number, size: number, p: number, pos: number, depth: number): { value: MmdbValue; next: number } {
    const at = pos - this.base;
    switch (type) {
      case MMDB_TYPES.string: {
        const bytes = this.slice(p, size, "UTF-8 string", at);
        try {
          return { value: utf8.decode(bytes), next: p + size };
        } catch {
          throw this.error(at, "string is not valid UTF-8");
        }
      }
      case MMDB_TYPES.double:
        if (size !== 8) throw this.error(at, `double must be 8 bytes, not ${size}`);
        this.slice(p, 8, "double", at);
        return { value: this.view.getFloat64(p), next: p + 8 };
      case MMDB_TYPES.float:
        if (size !== 4) throw this.error(at, `float must be 4 bytes, not ${size}`);
        this.slice(p, 4, "float", at);
        return { value: this.view.getFloat32(p), next: p + 4 };
      case MMDB_TYPES.bytes:
        // A copy, so the caller cannot alter (or keep alive) the whole file through it.
        return { value: this.slice(p, size, "bytes", at).slice(), next: p + size };
      case MMDB_TYPES.uint16: case MMDB_TYPES.uint32: case MMDB_TYPES.int32: case MMDB_TYPES.uint64: case MMDB_TYPES.uint128:
        return { value: this.integer(type, size, p, at), next: p + size };
      case MMDB_TYPES.boolean:
        if (size > 1) throw this.error(at, `boolean must have size 0 or 1, not ${size}`);
        return { value: size === 1, next: p };
      case MMDB_TYPES.map: return this.map(size, p, depth);
      case MMDB_TYPES.array: {
        const out: MmdbValue[] = [];
        for (let i = 0; i < size; i++) {
          const f = this.field(p, depth + 1);
          out.push(f.value);
          p = f.next;
        }
        return { value: out, next: p };
      }
      case MMDB_TYPES.cache: throw this.error(at, "unexpected data cache container (type 12) where a value was expected");
      case MMDB_TYPES.end: throw this.error(at, "unexpected end marker (type 13) where a value was expected");
      default: throw this.error(at, `unknown data type ${type}`);
    }
  }

  private pointer(pos: number, ctrl: number, depth: number): { value: MmdbValue; next: number } {
    // 001SSVVV: SS says how many bytes follow, VVV are the value's top bits (unused when SS = 3).
    const ss = (ctrl >> 3) & 3;
    const vvv = ctrl & 7;
    const p = pos + 1;
    const n = ss + 1;
    const tail = this.uint(p, n);
    const target = ss === 0 ? vvv * 0x100 + tail
      : ss === 1 ? vvv * 0x10000 + tail + 2048
        : ss === 2 ? vvv * 0x1000000 + tail + 526_336
          : tail;
    const abs = this.base + target;
    if (abs >= this.end) throw this.error(pos - this.base, `pointer to ${target} is past the end of the ${this.section} (size ${this.end - this.base})`);
    if (this.byte(abs) >> 5 === MMDB_TYPES.pointer) throw this.error(pos - this.base, `pointer to ${target} points to another pointer, which the format forbids`);
    // The value is the target's; decoding resumes after the pointer itself.
    return { value: this.field(abs, depth + 1).value, next: p + n };
  }

  private map(size: number, p: number, depth: number): { value: MmdbValue; next: number } {
    const out: Record<string, MmdbValue> = {};
    for (let i = 0; i < size; i++) {
      const keyAt = p - this.base;
      const k = this.field(p, depth + 1);
      if (typeof k.value !== "string") throw this.error(keyAt, `map key is a ${describe(k.value)}, not a string`);
      const v = this.field(k.next, depth + 1);
      // defineProperty: a key named "__proto__" is data, not a prototype change.
      Object.defineProperty(out, k.value, { value: v.value, enumerable: true, writable: true, configurable: true });
      p = v.next;
    }
    return { value: out, next: p };
  }

  private integer(type: number, size: number, p: number, at: number): number | bigint {
    const max = INT_BYTES[type] ?? 0;
    if (size > max) throw this.error(at, `${typeName(type)} can be at most ${max} bytes, not ${size}`);
    const bytes = this.slice(p, size, typeName(type), at);
    if (type === MMDB_TYPES.uint64 || type === MMDB_TYPES.uint128) {
      let v = 0n;
      for (const b of bytes) v = (v << 8n) | BigInt(b);
      return v;
    }
    let v = 0;
    for (const b of bytes) v = v * 256 + b;
    // int32 is two's complement over 4 bytes; shorter payloads are positive (leading zero bytes).
    return type === MMDB_TYPES.int32 ? v | 0 : v;
  }

  private byte(pos: number): number {
    const b = pos < this.end ? this.buf[pos] : undefined;
    if (b === undefined) throw this.error(pos - this.base, `the ${this.section} ends in the middle of a field`);
    return b;
  }

  private uint(pos: number, n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this.byte(pos + i);
    return v;
  }

  /** `n` payload bytes at `pos`; errors name the field's offset `at`, where a dump tool would show it. */
  private slice(pos: number, n: number, what: string, at: number): Uint8Array {
    if (pos + n > this.end) throw this.error(at, `${what} of ${n} bytes runs past the end of the ${this.section}`);
    return this.buf.subarray(pos, pos + n);
  }

  private error(offset: number, message: string): MmdbError {
    return new MmdbError(`${this.section} offset ${offset}: ${message}`);
  }
}

function typeName(type: number): string {
  return Object.entries(MMDB_TYPES).find(([, n]) => n === type)?.[0] ?? `type ${type}`;
}

export function describe(v: MmdbValue): string {
  if (v instanceof Uint8Array) return "bytes value";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" ? "map" : typeof v;
}
