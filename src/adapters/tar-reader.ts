/**
 * A push-based tar reader (POSIX ustar with GNU and pax long names) for archives read in place:
 * bytes arrive in any chunking (from disk, or from the gzip inflater) and each regular member's
 * data is passed on as it streams by, never buffered whole. Directories, links and devices are
 * skipped; pax/GNU headers only supply the next member's name.
 */

export interface TarSink {
  /** A regular member starts; return false to have its data skipped. */
  begin(name: string, size: number): boolean;
  data(bytes: Uint8Array): void;
  end(): void;
}

const BLOCK = 512;

export class TarReader {
  private header = new Uint8Array(BLOCK);
  private headerFill = 0;
  /** Bytes of the current entry still to come, then its padding. */
  private remaining = 0;
  private padding = 0;
  private mode: "header" | "member" | "meta" | "skip" = "header";
  private meta: Uint8Array[] = [];
  private metaKind = "";
  private longName: string | undefined;
  private finished = false;

  constructor(private readonly sink: TarSink) {}

  /** Feeds bytes; throws on a corrupt header (bad checksum). */
  push(chunk: Uint8Array): void {
    let off = 0;
    while (off < chunk.length && !this.finished) {
      if (this.mode === "header") {
        const n = Math.min(BLOCK - this.headerFill, chunk.length - off);
        this.header.set(chunk.subarray(off, off + n), this.headerFill);
        this.headerFill += n;
        off += n;
        if (this.headerFill === BLOCK) this.onHeader();
        continue;
      }
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - off);
        const part = chunk.subarray(off, off + n);
        if (this.mode === "member") this.sink.data(part);
        else if (this.mode === "meta") this.meta.push(new Uint8Array(part)); // a copy (Buffer#slice is a view)
        this.remaining -= n;
        off += n;
        if (this.remaining === 0) this.onEntryData();
        continue;
      }
      const n = Math.min(this.padding, chunk.length - off);
      this.padding -= n;
      off += n;
      if (this.padding === 0) this.mode = "header";
    }
  }

  /** True when the end-of-archive marker was seen. */
  get done(): boolean {
    return this.finished;
  }

  private onHeader(): void {
    this.headerFill = 0;
    const h = this.header;
    if (h.every((b) => b === 0)) {
      this.finished = true;
      return;
    }
    if (!checksumOk(h)) throw new Error("not a tar archive (bad header checksum)");
    const size = readSize(h);
    const type = String.fromCharCode(h[156] ?? 0);
    const prefix = text(h, 345, 155);
    const name = this.longName ?? (prefix && text(h, 257, 6).startsWith("ustar") ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100));
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (type === "L" || type === "x") {
      this.mode = "meta";
      this.metaKind = type;
      this.meta = [];
    } else {
      this.longName = undefined;
      const regular = type === "0" || type === "\0" || type === "7";
      this.mode = regular && this.sink.begin(name, size) ? "member" : "skip";
    }
    if (size === 0) this.onEntryData();
  }

  private onEntryData(): void {
    if (this.mode === "member") this.sink.end();
    if (this.mode === "meta") this.longName = metaName(this.metaKind, concat(this.meta)) ?? this.longName;
    this.mode = this.padding === 0 ? "header" : "skip";
    if (this.mode === "skip") this.remaining = 0;
  }
}

/** GNU `L`: the data is the name; pax `x`: `len path=value\n` records. */
function metaName(kind: string, data: Uint8Array): string | undefined {
  const s = new TextDecoder().decode(data);
  if (kind === "L") return s.replace(/\0+$/, "");
  const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(s);
  return m?.[1];
}

function readSize(h: Uint8Array): number {
  // GNU base-256 for sizes ≥ 8 GiB: high bit of the first byte set, big-endian after it.
  if ((h[124]! & 0x80) !== 0) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + h[i]!;
    return n;
  }
  return parseInt(text(h, 124, 12).trim() || "0", 8);
}

function checksumOk(h: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return parseInt(text(h, 148, 8).trim(), 8) === sum;
}

function text(h: Uint8Array, at: number, n: number): string {
  let end = at;
  while (end < at + n && h[end] !== 0) end++;
  return new TextDecoder().decode(h.subarray(at, end));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
