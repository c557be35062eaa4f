// Value types as Windows renders them in XmlWinEventLog, CRC-32 check values, and the file
// header's signature/version checks.
import { describe, expect, it } from "vitest";
import * as zlib from "node:zlib";
import { fileTime, formatValue, isEmptyValue } from "../../../src/adapters/evtx/values.js";
import { crc32, tableCrc32 } from "../../../src/adapters/evtx/crc32.js";
import { hasEvtxMagic, parseFileHeader } from "../../../src/adapters/evtx/file-header.js";
import { VT, evtxFile, val, type Val } from "./evtx-builder.js";

function fmt(v: Val): string {
  if (!("bytes" in v)) throw new Error("scalar only");
  return formatValue(v.bytes, { type: v.type, off: 0, size: v.bytes.length });
}
const raw = (type: number, hex: string): string => {
  const bytes = Buffer.from(hex.replace(/ /g, ""), "hex");
  return formatValue(bytes, { type, off: 0, size: bytes.length });
};

describe("EVTX value formatting", () => {
  it("strings: UTF-16 and ANSI, trailing NULs dropped, everything else kept", () => {
    expect(fmt(val.str("C:\\Windows\\system32\\svchost.exe -k DcomLaunch"))).toBe("C:\\Windows\\system32\\svchost.exe -k DcomLaunch");
    expect(fmt(val.str("Microsoft® Windows®\r\n\t\tline", false))).toBe("Microsoft® Windows®\r\n\t\tline");
    expect(fmt(val.ansi("abc"))).toBe("abc");
  });

  it("integers signed and unsigned, 8 to 64 bits", () => {
    expect(raw(VT.Int8, "ff")).toBe("-1");
    expect(raw(VT.UInt8, "ff")).toBe("255");
    expect(raw(VT.Int16, "00 80")).toBe("-32768");
    expect(raw(VT.UInt16, "00 40")).toBe("16384");
    expect(raw(VT.Int32, "ff ff ff ff")).toBe("-1");
    expect(raw(VT.UInt32, "ff ff ff ff")).toBe("4294967295");
    expect(raw(VT.Int64, "ff ff ff ff ff ff ff ff")).toBe("-1");
    expect(raw(VT.UInt64, "ff ff ff ff ff ff ff ff")).toBe("18446744073709551615");
  });

  it("HexInt32/64 lower-case and un-padded (0x3e7), Keywords keep all their digits", () => {
    expect(fmt(val.hex32(0x3e7))).toBe("0x3e7");
    expect(fmt(val.hex32(0))).toBe("0x0");
    expect(fmt(val.u64(0x8020000000000000n, VT.HexInt64))).toBe("0x8020000000000000");
    expect(fmt(val.u64(0xaaf2bn, VT.HexInt64))).toBe("0xaaf2b");
  });

  it("GUIDs upper-case in braces, SIDs in S-R-A-… form, booleans, binary as upper-case hex", () => {
    expect(fmt(val.guid("{0fd50764-6e44-6466-0a18-000000001700}"))).toBe("{0FD50764-6E44-6466-0A18-000000001700}");
    expect(fmt(val.sid("S-1-5-18"))).toBe("S-1-5-18");
    expect(fmt(val.sid("S-1-5-21-4276858844-268145932-761811084-1000"))).toBe("S-1-5-21-4276858844-268145932-761811084-1000");
    expect(fmt(val.sid("S-1-16-12288"))).toBe("S-1-16-12288");
    expect(fmt(val.bool(true))).toBe("true");
    expect(fmt(val.bool(false))).toBe("false");
    expect(raw(VT.Binary, "73 00 70 00 ab")).toBe("73007000AB");
  });

  it("FILETIME with 7 digits of 100 ns ticks plus 00, SYSTEMTIME with milliseconds", () => {
    expect(fmt(val.fileTime("2023-05-18T18:28:20.173Z", 8829))).toBe("2023-05-18T18:28:20.173882900Z");
    expect(fmt(val.fileTime("2019-04-27T21:06:49.341Z"))).toBe("2019-04-27T21:06:49.341000000Z");
    expect(fmt(val.u64(0n, VT.FileTime))).toBe("1601-01-01T00:00:00.000000000Z");
    // 2019-04-03 (Wednesday) 18:11:59.996
    expect(raw(VT.SystemTime, "e307 0400 0300 0300 1200 0b00 3b00 e403")).toBe("2019-04-03T18:11:59.996000000Z");
  });

  it("FILETIME's calendar arithmetic agrees with Date across leap days and centuries", () => {
    const samples = ["1601-01-01T00:00:00Z", "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z", "2000-02-29T12:34:56Z", "2024-12-31T23:59:59Z", "2100-03-01T00:00:00Z", "9999-12-31T23:59:59Z"];
    let seed = 12345;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      samples.push(new Date(-11644473600000 + (seed / 2 ** 31) * 2.6e14).toISOString().slice(0, 19) + "Z");
    }
    for (const iso of samples) {
      const ticks = (BigInt(Date.parse(iso)) / 1000n + 11644473600n) * 10_000_000n + 1234567n;
      expect(fileTime(ticks)).toBe(`${iso.slice(0, 19)}.123456700Z`);
    }
  });

  it("SizeT as 0x + zero-padded upper-case hex (UNVERIFIED against Windows), reals", () => {
    expect(raw(VT.SizeT, "00 00 3a 02 00 00 00 00")).toBe("0x00000000023A0000");
    expect(raw(VT.Real64, "00 00 00 00 00 00 f8 3f")).toBe("1.5");
  });

  it("arrays of strings and of fixed-size types render their items joined by ', ' (UNVERIFIED)", () => {
    const strings = Buffer.from("a\0bc\0", "utf16le");
    expect(formatValue(strings, { type: VT.String | VT.Array, off: 0, size: strings.length })).toBe("a, bc");
    expect(raw(VT.UInt16 | VT.Array, "0100 0200 0300")).toBe("1, 2, 3");
    expect(raw(VT.HexInt32 | VT.Array, "ff000000 10000000")).toBe("0xff, 0x10");
  });

  it("null and zero-size values are empty", () => {
    expect(isEmptyValue({ type: VT.Null, off: 0, size: 4 })).toBe(true);
    expect(isEmptyValue({ type: VT.String, off: 0, size: 0 })).toBe(true);
    expect(isEmptyValue({ type: VT.UInt8, off: 0, size: 1 })).toBe(false);
    expect(raw(VT.String, "")).toBe("");
  });
});

describe("EVTX CRC-32 and file header", () => {
  it("computes the standard CRC-32 check value, incrementally, and agrees with zlib where available", () => {
    const data = Buffer.from("123456789");
    expect(crc32(data, 0, 9)).toBe(0xcbf43926);
    expect(crc32(data, 4, 9, crc32(data, 0, 4))).toBe(0xcbf43926);
    expect(tableCrc32(data, 0, 9)).toBe(0xcbf43926);
    expect(tableCrc32(data, 4, 9, tableCrc32(data, 0, 4))).toBe(0xcbf43926);
    const z = (zlib as { crc32?: (b: Buffer) => number }).crc32;
    if (z) {
      const big = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) & 0xff));
      expect(crc32(big, 0, big.length)).toBe(z(big));
      expect(tableCrc32(big, 10, 4000)).toBe(z(big.subarray(10, 4000)));
    }
  });

  it("checks the signature and major version", () => {
    const file = evtxFile([]);
    expect(hasEvtxMagic(file)).toBe(true);
    expect(parseFileHeader(file)).toMatchObject({ majorVersion: 3, minorVersion: 1, numberOfChunks: 0, crcOk: true });
    const v2 = Buffer.from(file);
    v2.writeUInt16LE(2, 38);
    expect(parseFileHeader(v2)).toBe("unsupported EVTX major version 2");
    expect(hasEvtxMagic(Buffer.from("ElfChnk\0"))).toBe(false);
    expect(parseFileHeader(file.subarray(0, 100))).toBe("file is shorter than the 128-byte EVTX header");
  });
});
