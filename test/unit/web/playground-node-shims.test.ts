// The playground's browser implementations of Node built-ins (web/playground/node/) against Node's
// own, on what the engine calls: Buffer's reads, decodings and writes, path. (Files, compression,
// threads and digests are the platform's: test/unit/platform/.)
import { posix } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BrowserBuffer } from "../../../web/playground/node/buffer.js";
import * as path from "../../../web/playground/node/path.js";

describe("BrowserBuffer", () => {
  it("reads numbers and decodes text as Node's Buffer does", () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 8, maxLength: 64 }), fc.nat(), (bytes, at) => {
      const n = Buffer.from(bytes);
      const b = BrowserBuffer.from(bytes);
      const o = at % (bytes.length - 7);
      expect([b.readUInt8(o), b.readInt8(o), b.readUInt16LE(o), b.readInt16LE(o), b.readUInt32LE(o), b.readInt32LE(o), b.readBigUInt64LE(o), b.readBigInt64LE(o), b.readUIntBE(o, 6)])
        .toEqual([n.readUInt8(o), n.readInt8(o), n.readUInt16LE(o), n.readInt16LE(o), n.readUInt32LE(o), n.readInt32LE(o), n.readBigUInt64LE(o), n.readBigInt64LE(o), n.readUIntBE(o, 6)]);
      expect(Object.is(b.readDoubleLE(o), n.readDoubleLE(o)) || (Number.isNaN(b.readDoubleLE(o)) && Number.isNaN(n.readDoubleLE(o)))).toBe(true);
      for (const enc of ["latin1", "hex", "utf16le", "utf8", "base64"] as const) expect(b.toString(enc, 1, bytes.length - 1)).toBe(n.toString(enc, 1, bytes.length - 1));
      // subarray keeps the methods (the EVTX reader slices chunks).
      expect(b.subarray(2).readUInt16LE(0)).toBe(n.subarray(2).readUInt16LE(0));
    }));
  });

  it("encodes, writes, compares, copies and searches as Node's Buffer does", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
      for (const enc of ["utf8", "utf16le"] as const) {
        expect([...BrowserBuffer.from(s, enc)]).toEqual([...Buffer.from(s, enc)]);
        expect(BrowserBuffer.byteLength(s, enc)).toBe(Buffer.byteLength(s, enc));
      }
      const b = BrowserBuffer.alloc(200);
      const n = Buffer.alloc(200);
      expect(b.write(s, 3, "utf8")).toBe(n.write(s, 3, "utf8"));
      expect([...b]).toEqual([...n]);
      expect(b.utf8Slice(3, 100)).toBe(n.toString("utf8", 3, 100));
    }));
    const magic = BrowserBuffer.from("ElfChnk\0", "latin1");
    const hay = BrowserBuffer.concat([BrowserBuffer.alloc(5), magic, BrowserBuffer.from([1, 2])]);
    expect(hay.indexOf(magic)).toBe(5);
    expect(hay.includes(0x02)).toBe(true);
    expect(hay.subarray(5, 13).equals(magic)).toBe(true);
    expect(BrowserBuffer.compare(BrowserBuffer.from([1, 2]), BrowserBuffer.from([1, 3]))).toBe(Buffer.compare(Buffer.from([1, 2]), Buffer.from([1, 3])));
    const target = BrowserBuffer.alloc(4);
    expect(hay.copy(target, 1, 5, 13)).toBe(3);
    expect(target.toString("latin1")).toBe("\0Elf");
  });
});

describe("path", () => {
  it("joins, resolves and splits POSIX paths as node:path does", () => {
    for (const p of ["/a/b/c.evtx", "dropped/x.json", "/a/./b/../c", "a//b/", "/", "x"]) {
      expect([path.basename(p), path.dirname(p), path.extname(p), path.isAbsolute(p), path.normalize(p)]).toEqual([posix.basename(p), posix.dirname(p), posix.extname(p), posix.isAbsolute(p), posix.normalize(p)]);
    }
    expect(path.join("a", "../b", "c")).toBe(posix.join("a", "../b", "c"));
    expect(path.resolve("/x", "y", "../z")).toBe(posix.resolve("/x", "y", "../z"));
    expect(path.relative("/a/b/c", "/a/d")).toBe(posix.relative("/a/b/c", "/a/d"));
  });
});
