/**
 * A part's dataset member lists (Splunk's accelerated datamodel summary, reduced to what a tstats
 * needs first: which rows belong to a dataset). The `_datasets` column holds the same facts per
 * row, for DuckDB and ClickHouse; reading it to find one dataset's rows decoded a list per row
 * (~1.4 µs an event, most of a first tstats). Here each dataset's rows are one run of
 * delta-coded varints, decoded at ~100 M rows/s.
 *
 *   "MSPLMEMB" | u32 version | u32 rows | u32 datasets |
 *   per dataset: u32 name bytes | name (UTF-8) | u32 members | u32 bytes | varints (row - previous row - 1)
 *
 * Little-endian. MEMBERS_VERSION changes whenever the layout does; a reader of another version
 * ignores the file and the store falls back to `_datasets`.
 */
import { platform } from "../../platform/platform.js";

export const MEMBERS_VERSION = 1;
const MAGIC = "MSPLMEMB";

/** Writes `lists` (dataset name → ascending part rows) to `path`; returns the bytes written. */
export function writeMemberFile(path: string, rows: number, lists: ReadonlyMap<string, ArrayLike<number>>): number {
  const chunks: Uint8Array[] = [];
  const head = Buffer.alloc(MAGIC.length + 12);
  head.write(MAGIC, 0, "latin1");
  head.writeUInt32LE(MEMBERS_VERSION, 8);
  head.writeUInt32LE(rows, 12);
  head.writeUInt32LE(lists.size, 16);
  chunks.push(head);
  for (const [name, members] of [...lists].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const nameBytes = Buffer.from(name, "utf8");
    const body = varints(members);
    const h = Buffer.alloc(12 + nameBytes.length);
    h.writeUInt32LE(nameBytes.length, 0);
    nameBytes.copy(h, 4);
    h.writeUInt32LE(members.length, 4 + nameBytes.length);
    h.writeUInt32LE(body.length, 8 + nameBytes.length);
    chunks.push(h, body);
  }
  const out = Buffer.concat(chunks);
  platform().fs.writeFile(path, out);
  return out.length;
}

/** The member lists of a file, decoded on demand; throws (naming the file) when it is damaged. */
export class MemberFile {
  private readonly at = new Map<string, { count: number; from: number; to: number }>();
  readonly rows: number;

  private constructor(
    private readonly path: string,
    private readonly buf: Buffer,
  ) {
    if (buf.length < 20 || buf.toString("latin1", 0, 8) !== MAGIC) throw this.damaged("not a member file");
    if (buf.readUInt32LE(8) !== MEMBERS_VERSION) throw this.damaged(`version ${buf.readUInt32LE(8)}, not ${MEMBERS_VERSION}`);
    this.rows = buf.readUInt32LE(12);
    let p = 20;
    for (let i = buf.readUInt32LE(16); i > 0; i--) {
      if (p + 4 > buf.length) throw this.damaged("truncated");
      const n = buf.readUInt32LE(p);
      if (p + 12 + n > buf.length) throw this.damaged("truncated");
      const name = buf.toString("utf8", p + 4, p + 4 + n);
      const count = buf.readUInt32LE(p + 4 + n);
      const bytes = buf.readUInt32LE(p + 8 + n);
      const from = p + 12 + n;
      if (from + bytes > buf.length) throw this.damaged("truncated");
      this.at.set(name, { count, from, to: from + bytes });
      p = from + bytes;
    }
  }

  static read(path: string): MemberFile {
    const raw = platform().fs.readFile(path);
    return new MemberFile(path, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  }

  /** Rows of `dataset` in this part (ascending), plus `offset`. */
  members(dataset: string, offset = 0): Int32Array {
    const e = this.at.get(dataset);
    if (!e) return new Int32Array(0);
    const out = new Int32Array(e.count);
    const b = this.buf;
    let p = e.from;
    let prev = -1;
    for (let i = 0; i < e.count; i++) {
      let v = 0;
      let shift = 0;
      let byte: number;
      do {
        if (p >= e.to) throw this.damaged(`the list of ${dataset} ends early`);
        byte = b[p++] as number;
        v += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      prev += v + 1;
      if (prev >= this.rows) throw this.damaged(`row ${prev} of ${dataset} is past the part's ${this.rows} rows`);
      out[i] = prev + offset;
    }
    return out;
  }

  private damaged(what: string): Error {
    return new Error(`member file ${this.path}: ${what}`);
  }
}

/** Gaps between ascending rows (row - previous - 1) as LEB128 varints. */
function varints(rows: ArrayLike<number>): Buffer {
  const out = Buffer.alloc(rows.length * 5);
  let p = 0;
  let prev = -1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    if (!(r > prev)) throw new Error(`internal: member rows must ascend (${r} after ${prev})`);
    let gap = r - prev - 1;
    prev = r;
    while (gap >= 0x80) {
      out[p++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 128);
    }
    out[p++] = gap;
  }
  return out.subarray(0, p);
}
