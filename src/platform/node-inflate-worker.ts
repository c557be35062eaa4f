/**
 * The inflate worker's source (plain CommonJS, run with `eval: true` so it works both from dist/
 * and from vitest's TS sources). One worker serves every member of a run, one job at a time
 * (jobs are chained): a job names a file byte range, its kind and a SharedArrayBuffer, and the
 * worker publishes the decompressed bytes there one buffer-full at a time (protocol in
 * node-inflate.ts).
 *
 * Why gzip framing is parsed here rather than by `createGunzip`: Node's gunzip throws away the
 * output it decoded when it then meets an error, so a truncated `.gz`, a bad CRC or trailing
 * garbage lost everything since the last buffer (0 of 33 records for a cut file). Here each member
 * is a raw-deflate stream: all input is written, a sync flush hands over every decodable byte
 * before `end()` can fail, the end of the stream is found from `bytesWritten`, and the trailer
 * (CRC-32, ISIZE; RFC 1952 §2.3.1) is checked by hand. Damage becomes a NOTE (a warning) and
 * reading stops at it; bytes after the last member are a warning unless they are zero padding.
 */
import { ABORT, DONE, EMPTY, FAILED, FULL, HEADER_BYTES, NOTE } from "./node-inflate-protocol.js";

export const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const zlib = require("node:zlib");
const STEP = 1 << 16;
class Aborted extends Error {}

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; TABLE[n] = c >>> 0; }
const crc32 = zlib.crc32 ? (b, c) => zlib.crc32(b, c) >>> 0 : (b, crc) => {
  let c = ~crc >>> 0;
  for (let i = 0; i < b.length; i++) c = TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
};

let chain = Promise.resolve();
parentPort.on("message", (job) => { chain = chain.then(() => run(job)).catch(() => {}); });

function readAt(fd, pos, n) {
  const b = Buffer.alloc(Math.max(0, n));
  let got = 0;
  while (got < n) { const r = fs.readSync(fd, b, got, n - got, pos + got); if (r <= 0) break; got += r; }
  return b.subarray(0, got);
}

async function run(job) {
  const ctrl = new Int32Array(job.sab, 0, 4);
  const data = new Uint8Array(job.sab, ${HEADER_BYTES});
  let fill = 0;
  const wait = () => {
    for (;;) {
      const s = Atomics.load(ctrl, 0);
      if (s === ${EMPTY}) return;
      if (s === ${ABORT}) throw new Aborted();
      if (Atomics.wait(ctrl, 0, s, job.stallMs) === "timed-out") throw new Aborted();
    }
  };
  const publish = (state, n) => { ctrl[1] = n; Atomics.store(ctrl, 0, state); Atomics.notify(ctrl, 0); };
  const flush = () => { if (fill > 0) { publish(${FULL}, fill); fill = 0; wait(); } };
  const emit = (chunk) => {
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(chunk.length - off, data.length - fill);
      data.set(chunk.subarray(off, off + n), fill);
      fill += n; off += n;
      if (fill === data.length) flush();
    }
  };
  const message = (state, obj) => {
    flush();
    const msg = Buffer.from(JSON.stringify(obj));
    const n = Math.min(msg.length, data.length);
    data.set(msg.subarray(0, n));
    publish(state, n);
    if (state === ${NOTE}) wait();
  };
  const note = (message_, cut) => message(${NOTE}, { message: message_, cut });
  let fd;
  try {
    fd = fs.openSync(job.path, "r");
    if (job.kind === "gzip") await gunzip(fd, job.start, job.end, emit, note);
    else await raw(fd, job.start, job.end, emit, note);
    publish(${DONE}, fill);
  } catch (e) {
    if (e instanceof Aborted) return;
    try { message(${FAILED}, { message: String((e && e.message) || e), cut: true }); } catch {}
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** One raw-deflate stream from 'from': resolves how many input bytes it used and whether it ended. */
function inflateStream(fd, from, end, onData) {
  return new Promise((resolve) => {
    const z = zlib.createInflateRaw();
    let written = 0;
    let settled = false;
    let emitted = 0;
    let writeStart = from;
    const done = (r) => { if (!settled) { settled = true; resolve(r); } };
    z.on("data", (d) => {
      if (settled) return;
      emitted += d.length;
      try { onData(d); } catch (e) { done({ consumed: z.bytesWritten, complete: false, aborted: e }); z.destroy(); }
    });
    z.on("end", () => done({ consumed: z.bytesWritten, complete: true }));
    z.on("error", (e) => {
      if (settled) return;
      const r = { consumed: z.bytesWritten, complete: false, error: e };
      // A cut stream lost nothing: the sync flush before end() handed everything on.
      if (e.code === "Z_BUF_ERROR" || /unexpected end/.test(e.message)) return done(r);
      salvage(fd, from, writeStart, Math.min(end, writeStart + STEP), emitted, onData).then((aborted) => done(aborted ? { ...r, aborted } : r));
    });
    let pos = from;
    const step = () => {
      if (settled) return;
      // The stream ended inside what was written: "end" follows, nothing more is written.
      if (z.bytesWritten < written) return;
      if (pos >= end) {
        // A sync flush hands over all decodable output before end() can report a cut stream.
        z.flush(zlib.constants.Z_SYNC_FLUSH, () => { if (!settled) z.end(); });
        return;
      }
      const chunk = readAt(fd, pos, Math.min(STEP, end - pos));
      if (chunk.length === 0) { pos = end; return step(); }
      writeStart = pos;
      pos += chunk.length;
      written += chunk.length;
      z.write(chunk, step);
    };
    step();
  });
}

/**
 * zlib drops the output of the write that meets corrupt data (up to one output buffer, 16 KiB:
 * whole records before the damage). This decodes the stream again from 'from', passing over the
 * 'emitted' bytes already handed on, and feeds the failing write's input a few bytes at a time with
 * a sync flush after each, so everything decodable before the damage is handed on. Runs once per
 * damaged stream; resolves with the exception onData threw (abort, budget), if any.
 */
function salvage(fd, from, writeStart, writeEnd, emitted, onData) {
  return new Promise((resolve) => {
    const z = zlib.createInflateRaw();
    let seen = 0;
    let settled = false;
    const finish = (aborted) => { if (!settled) { settled = true; z.destroy(); resolve(aborted); } };
    z.on("data", (d) => {
      if (settled) return;
      const skip = Math.min(d.length, Math.max(0, emitted - seen));
      seen += d.length;
      if (skip < d.length) { try { onData(d.subarray(skip)); } catch (e) { finish(e); } }
    });
    z.on("error", () => finish());
    z.on("end", () => finish());
    let pos = from;
    const step = () => {
      if (settled) return;
      if (pos >= writeEnd) return finish();
      const careful = pos >= writeStart;
      const chunk = readAt(fd, pos, careful ? Math.min(16, writeEnd - pos) : Math.min(STEP, writeStart - pos));
      if (chunk.length === 0) return finish();
      pos += chunk.length;
      z.write(chunk, () => { if (careful && !settled) z.flush(zlib.constants.Z_SYNC_FLUSH, step); else step(); });
    };
    step();
  });
}

function damage(r, what, at, decoded) {
  const truncated = r.error && (r.error.code === "Z_BUF_ERROR" || /unexpected end/.test(r.error.message));
  if (truncated || !r.error) return what + " is truncated (the data ends inside it): " + decoded + " byte(s) decoded before the cut kept";
  return what + ": corrupt deflate data near byte " + at + " (" + r.error.message + "); " + decoded + " byte(s) decoded before it";
}

async function raw(fd, start, end, emit, note) {
  let size = 0;
  const r = await inflateStream(fd, start, end, (d) => { size += d.length; emit(d); });
  if (r.aborted) throw r.aborted;
  if (!r.complete) return note(damage(r, "deflate data", start + r.consumed, size), true);
  if (start + r.consumed < end) note((end - start - r.consumed) + " byte(s) after the end of the deflate data ignored", false);
}

/** RFC 1952 §2.3: the header length at 'pos', or a reason. */
function gzipHeader(fd, pos, end) {
  const h = readAt(fd, pos, Math.min(10, end - pos));
  if (h.length < 10) return "header is truncated";
  if (h[2] !== 8) return "compression method " + h[2] + " is not deflate";
  const flags = h[3];
  let p = pos + 10;
  if (flags & 4) { const x = readAt(fd, p, 2); if (x.length < 2) return "header is truncated"; p += 2 + x.readUInt16LE(0); }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    for (;;) {
      const s = readAt(fd, p, Math.min(STEP, end - p));
      if (s.length === 0) return "header is truncated";
      const z = s.indexOf(0);
      if (z >= 0) { p += z + 1; break; }
      p += s.length;
    }
  }
  if (flags & 2) p += 2;
  return p > end ? "header is truncated" : p;
}

function allZero(fd, pos, end) {
  for (let p = pos; p < end; p += STEP) {
    const s = readAt(fd, p, Math.min(STEP, end - p));
    if (s.length === 0) return true;
    for (let i = 0; i < s.length; i++) if (s[i] !== 0) return false;
  }
  return true;
}

async function gunzip(fd, start, end, emit, note) {
  let pos = start;
  let member = 0;
  while (pos < end) {
    const magic = readAt(fd, pos, 2);
    if (member > 0 && !(magic[0] === 0x1f && magic[1] === 0x8b)) {
      // Zero padding (tape blocks) is not garbage; anything else is said, and nothing is lost.
      if (!allZero(fd, pos, end)) note((end - pos) + " byte(s) of trailing data after gzip member " + member + " (at byte " + pos + ") are not gzip; ignored", false);
      return;
    }
    member++;
    const what = "gzip member " + member + " (at byte " + pos + ")";
    const dataStart = gzipHeader(fd, pos, end);
    if (typeof dataStart === "string") return note(what + ": " + dataStart, true);
    let crc = 0;
    let size = 0;
    const r = await inflateStream(fd, dataStart, end, (d) => { crc = crc32(d, crc); size += d.length; emit(d); });
    if (r.aborted) throw r.aborted;
    if (!r.complete) return note(damage(r, what, dataStart + r.consumed, size), true);
    const at = dataStart + r.consumed;
    const trailer = readAt(fd, at, Math.min(8, end - at));
    if (trailer.length < 8) return note(what + ": the CRC-32/size trailer is cut off (file truncated); its data is not verified", false);
    const stored = trailer.readUInt32LE(0);
    if (stored !== crc) note(what + ": CRC-32 mismatch (stored " + stored.toString(16) + ", computed " + crc.toString(16) + "): its decoded data is corrupt", false);
    else if (trailer.readUInt32LE(4) !== size % 4294967296) note(what + ": size mismatch (stored " + trailer.readUInt32LE(4) + ", decoded " + size + " mod 2^32)", false);
    pos = at + 8;
  }
}
`;
