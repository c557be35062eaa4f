/** What a printer handed its writer: each chunk, so a test can check their sizes and their text. */
import type { Writer } from "../../../src/output/writer.js";

/** The most UTF-8 bytes a test allows in one chunk. */
export const CHUNK_LIMIT_BYTES = 64 * 1024;

export function recorder(): { out: Writer; chunks: string[]; text: () => string; maxBytes: () => number } {
  const chunks: string[] = [];
  return {
    out: (c) => void chunks.push(c),
    chunks,
    text: () => chunks.join(""),
    maxBytes: () => chunks.reduce((m, c) => Math.max(m, Buffer.byteLength(c, "utf8")), 0),
  };
}
