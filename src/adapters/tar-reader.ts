/**
 * A push-based tar reader (POSIX ustar with GNU and pax long names) for archives read in place:
 * bytes arrive in any chunking (from disk, or from the gzip inflater) and each regular member's
 * data is passed on as it streams by, never buffered whole. Directories, links and devices are
 * skipped; pax/GNU headers only supply the next member's name.
 *
 * A member's size field is not trusted (a lying one used to drop the next member silently):
 * its data is checked block by block. A valid ustar header (magic and checksum) inside the
 * declared data means the size is too large: the member is cut there and the header read. No
 * valid header (or end-of-archive block) where the declared size ends means it is too small:
 * the following blocks belong to the member up to the next valid header. Either way the
 * member is reported (`problems`) and no byte is lost or read twice. A member whose first block
 * is itself a tar header is a nested archive and is not checked.
 */

export interface TarSink {
  /** A regular member starts; return false to have its data skipped. */
  begin(name: string, size: number): boolean;
  /** Member bytes; return false to have the rest of this member skipped. */
  data(bytes: Uint8Array): boolean | void;
  end(): void;
}

const BLOCK = 512;

interface Member {
  readonly name: string;
  readonly size: number;
  /** Blocks the size field covers. */
  readonly blocks: number;
  /** Blocks seen so far. */
  seen: number;
  /** The last block seen, not yet passed on (it may be padding before a misplaced header). */
  held: Uint8Array | undefined;
  heldIndex: number;
  nested: boolean;
  /** Past the declared size (it was too small). */
  overflow: boolean;
  wanted: boolean;
}

export class TarReader {
  private block = new Uint8Array(BLOCK);
  private blockFill = 0;
  /** Bytes of a non-member entry (meta, skipped) still to come, then its padding. */
  private remaining = 0;
  private padding = 0;
  private mode: "header" | "member" | "meta" | "skip" | "resync" = "header";
  private member: Member | undefined;
  private meta: Uint8Array[] = [];
  private metaKind = "";
  private longName: string | undefined;
  private finished = false;
  private headers = 0;
  private members = 0;
  /** Archive offset of the next byte pushed. */
  private pos = 0;
  private resyncFrom = 0;
  /** Pending run of member bytes inside the current chunk (passed on in one call). */
  private run: { buffer: ArrayBufferLike; from: number; to: number } | undefined;
  /** Lying size fields, skipped garbage: each names the member and the archive offset. */
  readonly problems: string[] = [];

  constructor(
    private readonly sink: TarSink,
    private readonly maxMembers = Infinity,
  ) {}

  /** Feeds bytes; throws when the very first header is not a tar header. */
  push(chunk: Uint8Array): void {
    let off = 0;
    while (off < chunk.length && !this.finished) {
      if (this.mode === "meta" || this.mode === "skip") {
        off += this.entryBytes(chunk, off);
        continue;
      }
      // Whole blocks straight from the chunk; a block split across chunks is gathered first.
      if (this.blockFill === 0 && chunk.length - off >= BLOCK) {
        off += BLOCK;
        this.pos += BLOCK;
        this.onBlock(chunk.subarray(off - BLOCK, off));
        continue;
      }
      const n = Math.min(BLOCK - this.blockFill, chunk.length - off);
      this.block.set(chunk.subarray(off, off + n), this.blockFill);
      this.blockFill += n;
      off += n;
      this.pos += n;
      if (this.blockFill === BLOCK) {
        this.blockFill = 0;
        this.onBlock(new Uint8Array(this.block));
      }
    }
    this.flushRun();
    // The held block may be a view of this chunk, which the caller reuses.
    const m = this.member;
    if (m?.held && m.held.buffer === chunk.buffer) m.held = new Uint8Array(m.held); // a copy (Buffer#slice is a view)
  }

  /** True when the end-of-archive marker was seen. */
  get done(): boolean {
    return this.finished;
  }

  /** After the last byte: what was cut by the end of the data (a member, a header), if anything. */
  end(): string | undefined {
    const m = this.member;
    if (m) {
      const cut = m.seen < m.blocks;
      // A partial block is the member's last bytes before the cut.
      this.endMember(m, false, this.block.subarray(0, this.blockFill));
      this.blockFill = 0;
      return cut ? `tar member ${m.name} is cut: the data ends inside it (its size field says ${m.size} byte(s))` : undefined;
    }
    if ((this.mode === "meta" || this.mode === "skip") && this.remaining > 0) return "tar archive is cut inside an entry";
    if (this.mode === "resync") return `tar: no valid header from byte ${this.resyncFrom} to the end; ${this.pos - this.resyncFrom} byte(s) skipped`;
    if (this.blockFill > 0 && !this.finished) return `tar archive is cut inside a header at byte ${this.pos - this.blockFill}`;
    return undefined;
  }

  /** A whole block; `this.pos` is already past it. */
  private onBlock(b: Uint8Array): void {
    if (this.mode === "member") return this.memberBlock(this.member!, b);
    if (this.mode === "resync") {
      if (!isUstarHeader(b) && !isZero(b)) return;
      this.problems.push(`tar: no valid header at byte ${this.resyncFrom}; ${this.pos - BLOCK - this.resyncFrom} byte(s) skipped to the next header`);
    }
    this.mode = "header";
    this.onHeader(b);
  }

  /** One block of a regular member: passed on, held, or found to be the next header. */
  private memberBlock(m: Member, b: Uint8Array): void {
    const index = m.seen++;
    if (index === 0) m.nested = isUstarHeader(b);
    const at = this.pos - BLOCK;
    if (index < m.blocks) {
      if (index > 0 && !m.nested && isUstarHeader(b)) {
        this.problems.push(`tar member ${m.name}: its size field says ${m.size} byte(s) but a header starts at byte ${at}; the member ends there`);
        this.endMember(m, true);
        return this.onHeader(b);
      }
    } else if (isZero(b) || checksumOk(b)) {
      if (m.overflow) this.problems.push(`tar member ${m.name}: its size field says ${m.size} byte(s) but its data runs on to byte ${at}; read to there`);
      this.endMember(m, m.overflow);
      return this.onHeader(b);
    } else if (!m.overflow && hasUstarMagic(b)) {
      // A header with the ustar magic but a bad checksum: the header is damaged, not the size.
      this.endMember(m, false);
      this.mode = "resync";
      this.resyncFrom = at;
      return;
    } else {
      // No header where the size says the member ends: the size was too small.
      m.overflow = true;
    }
    if (m.held) this.pass(m, m.held);
    m.held = b;
    m.heldIndex = index;
  }

  /** Passes `bytes` on, merging with the pending run when they follow it in the same buffer. */
  private pass(m: Member, bytes: Uint8Array): void {
    if (!m.wanted || bytes.length === 0) return;
    const r = this.run;
    if (r && bytes.buffer === r.buffer && bytes.byteOffset === r.to) {
      r.to += bytes.length;
      return;
    }
    this.flushRun();
    this.run = { buffer: bytes.buffer, from: bytes.byteOffset, to: bytes.byteOffset + bytes.length };
  }

  private flushRun(): void {
    const r = this.run;
    this.run = undefined;
    const m = this.member;
    if (!r || !m || !m.wanted) return;
    if (this.sink.data(new Uint8Array(r.buffer, r.from, r.to - r.from)) === false) m.wanted = false;
  }

  /**
   * Ends the member. Its held last block is cut to the size field when that is the declared last
   * block, or (`strip`, the size field was wrong) stripped of the NUL padding that preceded the
   * real next header; `tail` is a partial block at the end of the data.
   */
  private endMember(m: Member, strip: boolean, tail?: Uint8Array): void {
    if (m.held) {
      let len = m.held.length;
      if (!m.overflow && m.heldIndex === m.blocks - 1 && m.size % BLOCK !== 0) len = m.size % BLOCK;
      if (strip) while (len > 0 && m.held[len - 1] === 0) len--;
      this.pass(m, m.held.subarray(0, len));
      m.held = undefined;
    }
    if (tail && tail.length > 0) this.pass(m, new Uint8Array(tail));
    this.flushRun();
    this.member = undefined;
    this.mode = "header";
    if (m.wanted) this.sink.end();
  }

  private onHeader(h: Uint8Array): void {
    if (isZero(h)) {
      this.finished = true;
      return;
    }
    if (!checksumOk(h)) {
      if (this.headers === 0) throw new Error("not a tar archive (bad header checksum)");
      this.mode = "resync";
      this.resyncFrom = this.pos - BLOCK;
      return;
    }
    this.headers++;
    const size = readSize(h);
    const type = String.fromCharCode(h[156] ?? 0);
    const prefix = text(h, 345, 155);
    const name = this.longName ?? (prefix && text(h, 257, 6).startsWith("ustar") ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100));
    if (type === "L" || type === "x") {
      this.startEntry("meta", size);
      this.metaKind = type;
      this.meta = [];
      return;
    }
    this.longName = undefined;
    const regular = type === "0" || type === "\0" || type === "7";
    if (!regular) return this.startEntry("skip", size);
    if (++this.members > this.maxMembers) {
      this.problems.push(`tar holds more than ${this.maxMembers} members; the rest (from ${name}) is not read (limit maxMembers)`);
      this.finished = true;
      return;
    }
    const wanted = this.sink.begin(name, size);
    const m: Member = { name, size, blocks: Math.ceil(size / BLOCK), seen: 0, held: undefined, heldIndex: -1, nested: false, overflow: false, wanted };
    this.member = m;
    this.mode = "member";
  }

  private startEntry(mode: "meta" | "skip", size: number): void {
    this.mode = mode;
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) this.onEntryData();
  }

  /** Bytes of a meta or skipped entry (trusted: they carry no events). */
  private entryBytes(chunk: Uint8Array, off: number): number {
    if (this.remaining > 0) {
      const n = Math.min(this.remaining, chunk.length - off);
      if (this.mode === "meta") this.meta.push(new Uint8Array(chunk.subarray(off, off + n)));
      this.remaining -= n;
      this.pos += n;
      if (this.remaining === 0) this.onEntryData();
      return n;
    }
    const n = Math.min(this.padding, chunk.length - off);
    this.padding -= n;
    this.pos += n;
    if (this.padding === 0) this.mode = "header";
    return n;
  }

  private onEntryData(): void {
    if (this.mode === "meta") this.longName = metaName(this.metaKind, concat(this.meta)) ?? this.longName;
    if (this.padding === 0) this.mode = "header";
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

/** A ustar header: the magic, then the checksum (cheap test first: this runs on every data block). */
function isUstarHeader(h: Uint8Array): boolean {
  return hasUstarMagic(h) && checksumOk(h);
}

function hasUstarMagic(h: Uint8Array): boolean {
  return h[257] === 0x75 && h[258] === 0x73 && h[259] === 0x74 && h[260] === 0x61 && h[261] === 0x72;
}

function isZero(h: Uint8Array): boolean {
  for (let i = 0; i < h.length; i++) if (h[i] !== 0) return false;
  return true;
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
