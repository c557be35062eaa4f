/**
 * The term file beside an index part (`events/<part>.terms`), little-endian 32-bit words:
 *
 *   "MSPLTRMS" | version | gram | hashes | rows | blocks | words
 *   | ends[blocks] | offsets[blocks + 1] | filter words[words]
 *
 * TERMS_VERSION names the folding, n-gram and hash functions: a reader of another version must
 * not test its filters (the manifest records the version, and open-parts ignores a mismatch).
 */
import { platform } from "../../platform/platform.js";
import { HASHES } from "./bloom.js";
import type { TermBlocks } from "./term-blocks.js";
import { GRAM } from "./trigrams.js";

export const TERMS_VERSION = 1;
const MAGIC = "MSPLTRMS";
const HEADER_WORDS = 2 + 6;

export function encodeTermFile(b: TermBlocks): Uint8Array {
  if (!isLittleEndian()) throw new Error("internal: term files are written on little-endian machines only");
  const blocks = b.ends.length;
  const out = new Uint32Array(HEADER_WORDS + blocks + blocks + 1 + b.words.length);
  const bytes = new Uint8Array(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  out.set([TERMS_VERSION, GRAM, HASHES, b.rows, blocks, b.words.length], 2);
  out.set(b.ends, HEADER_WORDS);
  out.set(b.offsets, HEADER_WORDS + blocks);
  out.set(b.words, HEADER_WORDS + 2 * blocks + 1);
  return bytes;
}

/** Writes the file and returns its size (recorded in the manifest). */
export function writeTermFile(path: string, b: TermBlocks): number {
  const bytes = encodeTermFile(b);
  platform().fs.writeFile(path, bytes);
  return bytes.length;
}

/** Reads a term file, checking it against what the manifest says of it and its part (rows, bytes). */
export function readTermFile(path: string, rows: number, bytes?: number): TermBlocks {
  const fail = (why: string): never => {
    throw new Error(`${path}: not a usable minispl term file (${why}); rebuild the index`);
  };
  let buf: Buffer;
  try {
    const raw = platform().fs.readFile(path);
    buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (bytes !== undefined && buf.length !== bytes) fail(`${buf.length} bytes, the manifest says ${bytes}`);
  if (buf.length < HEADER_WORDS * 4 || buf.length % 4 !== 0) fail(`${buf.length} bytes`);
  if (buf.toString("latin1", 0, MAGIC.length) !== MAGIC) fail("bad magic");
  // A small file's Buffer may sit in the shared pool at an offset that is not a multiple of 4: copy it then.
  const w = buf.byteOffset % 4 === 0 ? new Uint32Array(buf.buffer, buf.byteOffset, buf.length / 4) : new Uint32Array(new Uint8Array(buf).buffer);
  const [version, gram, hashes, fileRows, blocks, words] = Array.from(w.subarray(2, HEADER_WORDS));
  if (version !== TERMS_VERSION || gram !== GRAM || hashes !== HASHES) fail(`version ${version}, ${gram}-grams, ${hashes} hashes`);
  if (fileRows !== rows) fail(`${fileRows} rows, the part has ${rows}`);
  const b = blocks as number;
  if (w.length !== HEADER_WORDS + 2 * b + 1 + (words as number)) fail(`${buf.length} bytes for ${b} blocks of ${words} words`);
  const ends = w.subarray(HEADER_WORDS, HEADER_WORDS + b);
  const offsets = w.subarray(HEADER_WORDS + b, HEADER_WORDS + 2 * b + 1);
  for (let i = 0; i < b; i++) {
    if ((ends[i] as number) < (i > 0 ? (ends[i - 1] as number) : 0)) fail(`block ${i} ends before the one before it`);
    if ((offsets[i + 1] as number) <= (offsets[i] as number)) fail(`block ${i} has no filter`);
  }
  if ((b > 0 ? ends[b - 1] : 0) !== rows || offsets[0] !== 0 || offsets[b] !== words) fail("blocks do not cover the part");
  return { rows, ends, offsets, words: w.subarray(HEADER_WORDS + 2 * b + 1) };
}

function isLittleEndian(): boolean {
  return new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
}
