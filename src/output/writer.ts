/**
 * Printing in bounded pieces. A printer never builds one string of the whole result (V8 strings
 * stop at ~512 M units, and a wide table of a few thousand events gets there: issue 9); it hands
 * its text to a Writer through a ChunkWriter, which passes it on in chunks of at most CHUNK_UNITS.
 */

/** Where printed text goes, a chunk at a time: the CLI's stdout, a test's array, a string. */
export type Writer = (chunk: string) => void;

/**
 * The most UTF-16 units a ChunkWriter passes on at once. 16 Ki units are at most 48 KiB of UTF-8,
 * under the 64 KiB a pipe holds on Linux, and big enough that a write per chunk costs nothing.
 */
export const CHUNK_UNITS = 16 * 1024;

/** Collects small pieces (cells, separators) and passes them on in chunks of `size` units. */
export class ChunkWriter {
  private buf = "";

  constructor(
    private readonly out: Writer,
    private readonly size: number = CHUNK_UNITS,
  ) {}

  write(s: string): void {
    this.buf += s;
    if (this.buf.length < this.size) return;
    // A piece larger than a chunk (a 1 MB cell) is cut up too, so no chunk outgrows `size`.
    let rest = this.buf;
    while (rest.length >= this.size) {
      const cut = splitPoint(rest, this.size);
      this.out(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    this.buf = rest;
  }

  /** Passes on what is left; call once the printer is done. */
  end(): void {
    if (this.buf.length > 0) this.out(this.buf);
    this.buf = "";
  }
}

/** `at`, or one earlier so a surrogate pair is not cut in two (each half would print as U+FFFD). */
function splitPoint(s: string, at: number): number {
  const c = s.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

/** The text a printer writes, as one string: for small results, tests and the library API. */
export function collect(print: (out: Writer) => void): string {
  const parts: string[] = [];
  print((chunk) => parts.push(chunk));
  return parts.join("");
}
