/**
 * The data-section decoder against the MaxMind DB spec's "Data Field Format": every type, the
 * 29/30/31 size forms, extended types, the four pointer sizes, and a clear MmdbError for each way
 * a field can be damaged.
 */
import { describe, expect, it } from "vitest";
import { Decoder, MmdbError, type MmdbValue } from "../../../src/geoip/decoder.js";
import { control, encode, f32, i32, ptr, u128, u16, u32, u64, type MmdbInput } from "../../support/mmdb-writer.js";

const decoderOf = (bytes: Uint8Array) => new Decoder(bytes, 0, bytes.length, "data section");
const roundTrip = (v: MmdbInput): MmdbValue => decoderOf(encode(v)).decode(0);
const decodeBytes = (bytes: readonly number[]) => decoderOf(Uint8Array.from(bytes)).decode(0);

describe("MaxMind DB data types", () => {
  it("UTF-8 strings, including the 29, 30 and 31 size forms", () => {
    expect(roundTrip("")).toBe("");
    expect(roundTrip("London")).toBe("London");
    expect(roundTrip("Vereinigtes Königreich")).toBe("Vereinigtes Königreich");
    for (const n of [28, 29, 80, 284, 285, 13_392, 65_820, 65_821, 70_000]) expect(roundTrip("x".repeat(n))).toBe("x".repeat(n));
  });

  it("reads the size examples of the spec byte for byte", () => {
    expect(control(2, 80)).toEqual([0b01011101, 51]);
    expect(control(2, 13_392)).toEqual([0b01011110, 0x33, 0x33]);
    expect(control(2, 3_421_264)).toEqual([0b01011111, 0x33, 0x33, 0x33]);
    expect(decodeBytes([0b01000010, 0x68, 0x69])).toBe("hi");
  });

  it("doubles and floats", () => {
    expect(roundTrip(51.5142)).toBe(51.5142);
    expect(roundTrip(-0.0931)).toBe(-0.0931);
    expect(roundTrip(f32(1.5))).toBe(1.5);
    expect(roundTrip(f32(51.5142))).toBeCloseTo(51.5142, 4);
  });

  it("bytes, as a copy", () => {
    const b = roundTrip(Uint8Array.from([0, 1, 255]));
    expect(b).toBeInstanceOf(Uint8Array);
    expect([...(b as Uint8Array)]).toEqual([0, 1, 255]);
    expect([...(roundTrip(new Uint8Array(0)) as Uint8Array)]).toEqual([]);
  });

  it("unsigned 16/32-bit integers with 0 to the full number of bytes", () => {
    expect(roundTrip(u16(0))).toBe(0);
    expect(decodeBytes([0xa0])).toBe(0); // uint16 of length 0
    expect(roundTrip(u16(255))).toBe(255);
    expect(roundTrip(u16(65_535))).toBe(65_535);
    expect(roundTrip(u32(2_643_743))).toBe(2_643_743);
    expect(roundTrip(u32(4_294_967_295))).toBe(4_294_967_295);
  });

  it("signed 32-bit integers in two's complement", () => {
    expect(roundTrip(i32(0))).toBe(0);
    expect(roundTrip(i32(1))).toBe(1);
    expect(roundTrip(i32(-1))).toBe(-1);
    expect(roundTrip(i32(-2_147_483_648))).toBe(-2_147_483_648);
    expect(roundTrip(i32(2_147_483_647))).toBe(2_147_483_647);
    // Fewer than four bytes: the value is positive even when its top bit is set.
    expect(decodeBytes([0x01, 0x01, 0xff])).toBe(255);
  });

  it("uint64 and uint128 as bigint (an extended type: control byte 000 + type − 7)", () => {
    expect(roundTrip(u64(0n))).toBe(0n);
    expect(roundTrip(u64(1_700_000_000n))).toBe(1_700_000_000n);
    expect(roundTrip(u64(2n ** 64n - 1n))).toBe(2n ** 64n - 1n);
    expect(roundTrip(u128(2n ** 128n - 1n))).toBe(2n ** 128n - 1n);
    expect(decodeBytes([0x03, 0x03, 0x01, 0x00, 0x00])).toBe(65_536n); // the spec's "000XXXXX 00000011" uint128
  });

  it("booleans carry their value in the size bits", () => {
    expect(roundTrip(true)).toBe(true);
    expect(roundTrip(false)).toBe(false);
    expect(decodeBytes([0x01, 0x07])).toBe(true);
  });

  it("maps and arrays, nested and empty", () => {
    const v = { a: [1.5, "x", { b: true }], c: {}, d: [] as MmdbInput[], e: u16(7) };
    expect(roundTrip(v)).toEqual({ a: [1.5, "x", { b: true }], c: {}, d: [], e: 7 });
    expect(roundTrip([])).toEqual([]);
    const big = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, u16(i)]));
    expect(Object.keys(roundTrip(big) as object)).toHaveLength(300);
  });

  it("keeps a __proto__ key as data", () => {
    const m = decodeBytes([0xe1, ...encode("__proto__"), ...encode("x")]) as Record<string, MmdbValue>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.keys(m)).toEqual(["__proto__"]);
  });
});

describe("pointers", () => {
  /** A buffer with a pointer at 0 and the string "target" at `at`. */
  function withTarget(pointerBytes: Uint8Array, at: number): Uint8Array {
    const s = encode("target");
    const buf = new Uint8Array(at + s.length);
    buf.set(pointerBytes, 0);
    buf.set(s, at);
    return buf;
  }

  it.each([
    [0, 100],
    [1, 2048 + 100],
    [2, 526_336 + 100],
    [3, 100],
  ] as const)("size %i", (size, target) => {
    const p = encode(ptr(target, size));
    expect(p.length).toBe(size + 2);
    expect(decoderOf(withTarget(p, target)).decode(0)).toBe("target");
  });

  it("counts from the section's start and resumes after the pointer, in keys and values", () => {
    // "name" at 0, "London" at 5, then a map whose key and value both point back.
    const head = [...encode("name"), ...encode("London")];
    const map = [0xe2, ...encode(ptr(0)), ...encode(ptr(5)), ...encode("k"), ...encode(u16(1))];
    const file = Uint8Array.from([9, 9, 9, ...head, ...map]);
    const d = new Decoder(file, 3, file.length, "data section");
    expect(d.decode(head.length)).toEqual({ name: "London", k: 1 });
  });

  it("refuses a pointer to a pointer and a pointer past the end", () => {
    const chain = Uint8Array.from([...encode(ptr(2)), ...encode(ptr(4)), ...encode("x")]);
    expect(() => decoderOf(chain).decode(0)).toThrow(/offset 0: pointer to 2 points to another pointer/);
    expect(() => decodeBytes([...encode(ptr(50))])).toThrow(/pointer to 50 is past the end of the data section \(size 2\)/);
  });
});

describe("damaged fields give an MmdbError saying what was wrong", () => {
  const cases: [string, number[], RegExp][] = [
    ["invalid UTF-8", [0x42, 0xc3, 0x28], /offset 0: string is not valid UTF-8/],
    ["a double of 4 bytes", [0x64, 0, 0, 0, 0], /double must be 8 bytes, not 4/],
    ["a float of 8 bytes", [0x08, 0x08, 0, 0, 0, 0, 0, 0, 0, 0], /float must be 4 bytes, not 8/],
    ["a uint16 of 3 bytes", [0xa3, 1, 2, 3], /uint16 can be at most 2 bytes, not 3/],
    ["a uint128 of 17 bytes", [0x11, 0x03, ...new Array<number>(17).fill(1)], /uint128 can be at most 16 bytes, not 17/],
    ["a boolean of size 2", [0x02, 0x07], /boolean must have size 0 or 1, not 2/],
    ["a data cache container", [0x00, 0x05], /unexpected data cache container/],
    ["an end marker", [0x00, 0x06], /unexpected end marker/],
    ["an unknown extended type", [0x00, 0x09], /unknown data type 16/],
    ["an extended type byte of 0", [0x00, 0x00], /extended type byte 0 is not a valid type/],
    ["a map key that is not a string", [0xe1, 0xa1, 0x01, 0x41, 0x78], /offset 1: map key is a number, not a string/],
    ["a string cut short", [0x45, 0x61, 0x62], /UTF-8 string of 5 bytes runs past the end of the data section/],
    ["a size byte missing", [0x5d], /ends in the middle of a field/],
    ["a map cut short", [0xe2, 0x41, 0x61, 0x41, 0x62], /ends in the middle of a field/],
  ];
  it.each(cases)("%s", (_what, bytes, message) => {
    expect(() => decodeBytes(bytes)).toThrow(MmdbError);
    expect(() => decodeBytes(bytes)).toThrow(message);
  });

  it("an offset outside the section", () => {
    expect(() => decoderOf(Uint8Array.from([0x41, 0x61])).decode(2)).toThrow(/offset 2: offset is outside the data section \(size 2\)/);
  });

  it("a map that contains a pointer to itself stops at the depth limit", () => {
    // A map {a: <pointer to the map>} at offset 0.
    const loop = Uint8Array.from([0xe1, ...encode("a"), ...encode(ptr(0))]);
    expect(() => decoderOf(loop).decode(0)).toThrow(/nest more than 512 levels/);
  });
});
