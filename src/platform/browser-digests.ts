/**
 * Digests without Node (the browser platform): MD5, SHA-1, SHA-256 and SHA-512 straight from
 * their definitions (RFC 1321, FIPS 180-4). Synchronous, so not WebCrypto (its digest is a
 * promise); the engine hashes small things (eval's md5()…sha512() values, cache keys).
 */
import type { DigestAlgorithm, Digests } from "./digests.js";

const enc = new TextEncoder();

export const browserDigests: Digests = {
  hex(algorithm, ...parts) {
    const bytes = parts.map((p) => (typeof p === "string" ? enc.encode(p) : p));
    const all = new Uint8Array(bytes.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of bytes) {
      all.set(p, at);
      at += p.length;
    }
    return Array.from(digest(algorithm, all), (b) => b.toString(16).padStart(2, "0")).join("");
  },
  randomUUID: () => globalThis.crypto.randomUUID(),
};

function digest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array {
  switch (algorithm) {
    case "md5":
      return md5(data);
    case "sha1":
      return sha1(data);
    case "sha256":
      return sha256(data);
    case "sha512":
      return sha512(data);
    default:
      throw new Error(`digest method not supported: ${String(algorithm)}`);
  }
}

/** Merkle–Damgård padding: 0x80, zeros, the bit length (big or little endian) in `lenBytes`. */
function pad(msg: Uint8Array, block: number, lenBytes: number, little: boolean): Uint8Array {
  const total = Math.ceil((msg.length + 1 + lenBytes) / block) * block;
  const out = new Uint8Array(total);
  out.set(msg);
  out[msg.length] = 0x80;
  let bits = BigInt(msg.length) * 8n;
  for (let i = 0; i < 8; i++) {
    out[little ? total - lenBytes + i : total - 1 - i] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  return out;
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));
const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

function md5(msg: Uint8Array): Uint8Array {
  const m = pad(msg, 64, 8, true);
  const dv = new DataView(m.buffer);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let off = 0; off < m.length; off += 64) {
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const s = MD5_S[(i >> 4) * 4 + (i % 4)]!;
      const t = (a + f + MD5_K[i]! + dv.getUint32(off + g * 4, true)) | 0;
      [a, d, c] = [d, c, b];
      b = (b + rotl(t, s)) | 0;
    }
    [a0, b0, c0, d0] = [(a0 + a) | 0, (b0 + b) | 0, (c0 + c) | 0, (d0 + d) | 0];
  }
  const out = new DataView(new ArrayBuffer(16));
  [a0, b0, c0, d0].forEach((v, i) => out.setUint32(i * 4, v, true));
  return new Uint8Array(out.buffer);
}

function sha1(msg: Uint8Array): Uint8Array {
  const m = pad(msg, 64, 8, false);
  const dv = new DataView(m.buffer);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Int32Array(80);
  for (let off = 0; off < m.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, t];
    }
    [a, b, c, d, e].forEach((v, i) => (h[i] = (h[i]! + v) | 0));
  }
  return words(h, 5);
}

const K256 = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

function sha256(msg: Uint8Array): Uint8Array {
  const m = pad(msg, 64, 8, false);
  const dv = new DataView(m.buffer);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Int32Array(64);
  for (let off = 0; off < m.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      w[i] = (w[i - 16]! + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7]! + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i]! + v) | 0));
  }
  return words(h, 8);
}

const M64 = (1n << 64n) - 1n;
const r64 = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & M64;
/** SHA-512's constants: the first 64 bits of the fractional parts of the cube roots of the first 80 primes. */
const K512 = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes.map((p) => fracBits(p, 3));
})();
const H512 = [2, 3, 5, 7, 11, 13, 17, 19].map((p) => fracBits(p, 2));

/** The first 64 bits of the fractional part of p^(1/root), exactly (integer root by Newton on BigInt). */
function fracBits(p: number, root: 2 | 3): bigint {
  const scaled = BigInt(p) << BigInt(64 * root);
  // Start above the root: Newton then decreases monotonically to it.
  let x = BigInt(Math.floor(p ** (1 / root)) + 1) << 64n;
  for (;;) {
    const next = root === 2 ? (x + scaled / x) / 2n : (2n * x + scaled / (x * x)) / 3n;
    if (next >= x) break;
    x = next;
  }
  while ((x + 1n) ** BigInt(root) <= scaled) x++;
  while (x ** BigInt(root) > scaled) x--;
  return x & M64;
}

function sha512(msg: Uint8Array): Uint8Array {
  const m = pad(msg, 128, 16, false);
  const dv = new DataView(m.buffer);
  const h = [...H512];
  const w: bigint[] = new Array(80);
  for (let off = 0; off < m.length; off += 128) {
    for (let i = 0; i < 16; i++) w[i] = dv.getBigUint64(off + i * 8);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      w[i] = (w[i - 16]! + (r64(x, 1n) ^ r64(x, 8n) ^ (x >> 7n)) + w[i - 7]! + (r64(y, 19n) ^ r64(y, 61n) ^ (y >> 6n))) & M64;
    }
    let [a, b, c, d, e, f, g, hh] = h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let i = 0; i < 80; i++) {
      const t1 = (hh + (r64(e, 14n) ^ r64(e, 18n) ^ r64(e, 41n)) + ((e & f) ^ (~e & M64 & g)) + K512[i]! + w[i]!) & M64;
      const t2 = ((r64(a, 28n) ^ r64(a, 34n) ^ r64(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c))) & M64;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & M64, c, b, a, (t1 + t2) & M64];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i]! + v) & M64));
  }
  const out = new DataView(new ArrayBuffer(64));
  h.forEach((v, i) => out.setBigUint64(i * 8, v));
  return new Uint8Array(out.buffer);
}

function words(h: readonly number[], n: number): Uint8Array {
  const out = new DataView(new ArrayBuffer(n * 4));
  for (let i = 0; i < n; i++) out.setUint32(i * 4, h[i]! >>> 0);
  return new Uint8Array(out.buffer);
}
