/**
 * What a REPL session has loaded, so `.load` of the same folder twice does not double its events:
 * a file is recognised by its real path (another name or link to it) and by a SHA-256 of its
 * content (a copy elsewhere, e.g. the same sample unpacked twice). Hashing reads the file once
 * more before it is ingested; it is streamed, so memory stays at one chunk.
 */
import { closeSync, openSync, readSync, realpathSync } from "node:fs";
import { createHash } from "node:crypto";

const CHUNK = 4 * 1024 * 1024;

export class LoadedFiles {
  private readonly byReal = new Map<string, string>();
  private readonly byHash = new Map<string, string>();

  /**
   * Records `file` as loaded, or says why it already is: `same file as <first>` or `same content as
   * <first>`. A file that cannot be read is admitted (ingestion reports the problem) but not recorded.
   */
  admit(file: string): string | null {
    let real: string;
    let hash: string;
    try {
      real = realpathSync(file);
      hash = sha256(file);
    } catch {
      return null;
    }
    const first = this.byReal.get(real);
    if (first !== undefined) return first === file ? "loaded before" : `same file as ${first}`;
    const twin = this.byHash.get(hash);
    if (twin !== undefined) return `same content as ${twin}`;
    this.byReal.set(real, file);
    this.byHash.set(hash, file);
    return null;
  }
}

function sha256(path: string): string {
  const h = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest("hex");
}
