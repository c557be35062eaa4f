/**
 * A small MaxMind DB writer for tests (MaxMind DB File Format Specification v2.0): the search tree
 * ("Binary Search Tree Section", 24/28/32-bit "Node Layout"), the 16-byte "Data Section Separator",
 * the data section ("Data Field Format") and the metadata after "\xAB\xCD\xEFMaxMind.com". IPv4
 * networks in an IPv6 tree go under ::/96, and ::ffff:0:0/96 points at that subtree as MaxMind's
 * databases do. Deliberately independent of src/geoip (its own address parsing and encoding), so
 * the reader is tested against the spec rather than against itself.
 */

/** A value whose MaxMind DB type is given explicitly (a JS number alone is written as a double). */
export class Typed {
  constructor(readonly type: "uint16" | "uint32" | "int32" | "uint64" | "uint128" | "float" | "pointer" | "raw", readonly value: number | bigint | Uint8Array, readonly pointerSize?: 0 | 1 | 2 | 3) {}
}
export type MmdbInput = string | number | boolean | bigint | Uint8Array | Typed | readonly MmdbInput[] | { readonly [key: string]: MmdbInput };

export const u16 = (n: number) => new Typed("uint16", n);
export const u32 = (n: number) => new Typed("uint32", n);
export const i32 = (n: number) => new Typed("int32", n);
export const u64 = (n: bigint) => new Typed("uint64", n);
export const u128 = (n: bigint) => new Typed("uint128", n);
export const f32 = (n: number) => new Typed("float", n);
/** A pointer to a data-section offset; `size` forces the pointer's size bits (SS). */
export const ptr = (target: number, size?: 0 | 1 | 2 | 3) => new Typed("pointer", target, size);
/** Bytes written as they are (a hand-made field). */
export const raw = (bytes: readonly number[]) => new Typed("raw", Uint8Array.from(bytes));

const TYPE = { pointer: 1, string: 2, double: 3, bytes: 4, uint16: 5, uint32: 6, map: 7, int32: 8, uint64: 9, uint128: 10, array: 11, boolean: 14, float: 15 };

/** Control byte(s) for a type and payload size, with the 29/30/31 size forms and extended types. */
export function control(type: number, size: number): number[] {
  let bits = size;
  let extra: number[] = [];
  if (size >= 65_821) [bits, extra] = [31, beBytes(BigInt(size - 65_821), 3)];
  else if (size >= 285) [bits, extra] = [30, beBytes(BigInt(size - 285), 2)];
  else if (size >= 29) [bits, extra] = [29, [size - 29]];
  const head = type <= 7 ? [(type << 5) | bits] : [bits, type - 7];
  return [...head, ...extra];
}

function beBytes(v: bigint, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Number((v >> BigInt(8 * (n - 1 - i))) & 0xffn));
}

/** Big-endian bytes without leading zeros (0 → no bytes), as MaxMind writers store unsigned ints. */
function minimal(v: bigint): number[] {
  const out: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) out.unshift(Number(x & 0xffn));
  return out;
}

function pointer(target: number, forced?: 0 | 1 | 2 | 3): number[] {
  const size = forced ?? (target < 2048 ? 0 : target < 526_336 ? 1 : target < 134_744_064 ? 2 : 3);
  if (size === 0) return [0x20 | (target >> 8), target & 0xff];
  if (size === 1) { const t = target - 2048; return [0x28 | (t >> 16), ...beBytes(BigInt(t & 0xffff), 2)]; }
  if (size === 2) { const t = target - 526_336; return [0x30 | (t >> 24), ...beBytes(BigInt(t & 0xffffff), 3)]; }
  return [0x38, ...beBytes(BigInt(target), 4)];
}

/** One field in the data-section encoding. */
export function encode(v: MmdbInput): Uint8Array {
  return Uint8Array.from(fieldBytes(v));
}

function fieldBytes(v: MmdbInput): number[] {
  if (typeof v === "string") { const b = [...new TextEncoder().encode(v)]; return [...control(TYPE.string, b.length), ...b]; }
  if (typeof v === "boolean") return control(TYPE.boolean, v ? 1 : 0);
  if (typeof v === "bigint") return fieldBytes(u64(v));
  if (typeof v === "number") { const d = new DataView(new ArrayBuffer(8)); d.setFloat64(0, v); return [...control(TYPE.double, 8), ...new Uint8Array(d.buffer)]; }
  if (v instanceof Uint8Array) return [...control(TYPE.bytes, v.length), ...v];
  if (v instanceof Typed) return typedBytes(v);
  if (Array.isArray(v)) return [...control(TYPE.array, v.length), ...v.flatMap(fieldBytes)];
  const entries = Object.entries(v as Record<string, MmdbInput>);
  return [...control(TYPE.map, entries.length), ...entries.flatMap(([k, x]) => [...fieldBytes(k), ...fieldBytes(x)])];
}

function typedBytes(t: Typed): number[] {
  if (t.type === "raw") return [...(t.value as Uint8Array)];
  if (t.type === "pointer") return pointer(Number(t.value), t.pointerSize);
  if (t.type === "float") { const d = new DataView(new ArrayBuffer(4)); d.setFloat32(0, Number(t.value)); return [...control(TYPE.float, 4), ...new Uint8Array(d.buffer)]; }
  const n = BigInt(t.value as number | bigint);
  // A negative int32 needs all four bytes of its two's complement; positive ones are minimal.
  const bytes = t.type === "int32" && n < 0n ? beBytes(BigInt.asUintN(32, n), 4) : minimal(n);
  return [...control(TYPE[t.type], bytes.length), ...bytes];
}

// ---- the search tree ----

interface Leaf { readonly data: number }
interface TreeNode { readonly children: [Child, Child] }
type Child = TreeNode | Leaf | null;
const isNode = (c: Child): c is TreeNode => c !== null && "children" in c;

function addressBytes(text: string): number[] {
  if (!text.includes(":")) return text.split(".").map(Number);
  const [head = "", tail] = text.split("::");
  const groups = (s: string) => (s === "" ? [] : s.split(":").map((g) => parseInt(g, 16)));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const words = [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

function bitOf(bytes: readonly number[], i: number): 0 | 1 {
  return (((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) as 0 | 1;
}

/** Walks `depth` bits from the root, making nodes as needed (a leaf on the way is pushed down to both sides). */
function nodeAt(root: TreeNode, bytes: readonly number[], depth: number): TreeNode {
  let node = root;
  for (let i = 0; i < depth; i++) {
    const bit = bitOf(bytes, i);
    const c = node.children[bit];
    if (isNode(c)) { node = c; continue; }
    const next: TreeNode = { children: [c, c] };
    node.children[bit] = next;
    node = next;
  }
  return node;
}

export interface MmdbNetwork {
  /** "81.2.69.0/24", "2001:db8::/32" (IPv4 networks in an IPv6 tree land under ::/96). */
  readonly network: string;
  readonly data: MmdbInput;
}

export interface MmdbWriteOptions {
  readonly recordSize?: 24 | 28 | 32;
  readonly ipVersion?: 4 | 6;
  readonly databaseType?: string;
  readonly languages?: readonly string[];
  /** Point ::ffff:0:0/96 at the IPv4 subtree (default true in an IPv6 tree). */
  readonly ipv4Mapped?: boolean;
  /** Unreferenced bytes at the start of the data section, to make record values large. */
  readonly dataPadding?: number;
  /** Metadata entries to add or replace; undefined removes one (for tests of bad files). */
  readonly metadata?: Readonly<Record<string, MmdbInput | undefined>>;
}

/** The bytes of a MaxMind DB file holding these networks, later (more specific) ones winning. */
export function writeMmdb(networks: readonly MmdbNetwork[], opts: MmdbWriteOptions = {}): Uint8Array {
  const recordSize = opts.recordSize ?? 24;
  const ipVersion = opts.ipVersion ?? 6;
  const root: TreeNode = { children: [null, null] };
  networks.forEach((n, index) => {
    const [addr = "", len = ""] = n.network.split("/");
    let bytes = addressBytes(addr);
    let prefix = Number(len);
    if (bytes.length === 4 && ipVersion === 6) [bytes, prefix] = [[...new Array<number>(12).fill(0), ...bytes], prefix + 96];
    if (prefix === 0) throw new Error("a /0 network cannot be written: the root is a node");
    const parent = nodeAt(root, bytes, prefix - 1);
    parent.children[bitOf(bytes, prefix - 1)] = { data: index };
  });
  if (ipVersion === 6 && (opts.ipv4Mapped ?? true)) {
    const v4root = nodeAt(root, new Array<number>(12).fill(0), 96);
    const mapped = [...new Array<number>(10).fill(0), 0xff, 0xff];
    nodeAt(root, mapped, 95).children[1] = v4root;
  }
  // Number the nodes breadth-first; the ::ffff:0:0/96 alias makes the tree a DAG, hence the map.
  const order: TreeNode[] = [];
  const index = new Map<TreeNode, number>();
  for (const queue = [root]; queue.length > 0;) {
    const n = queue.shift() as TreeNode;
    if (index.has(n)) continue;
    index.set(n, order.length);
    order.push(n);
    for (const c of n.children) if (isNode(c) && !index.has(c)) queue.push(c);
  }
  // Chunks, not one number[]: the padding can be 16 MiB (too many for push(...) or a plain array).
  const data: Uint8Array[] = opts.dataPadding ? [Uint8Array.from(control(TYPE.bytes, opts.dataPadding)), new Uint8Array(opts.dataPadding)] : [];
  let dataSize = data.reduce((n, c) => n + c.length, 0);
  const offsets = networks.map((n) => { const at = dataSize; const f = encode(n.data); data.push(f); dataSize += f.length; return at; });
  const nodeCount = order.length;
  const recordOf = (c: Child): number =>
    c === null ? nodeCount : isNode(c) ? (index.get(c) as number) : nodeCount + 16 + (offsets[c.data] as number);
  const tree: number[] = [];
  for (const n of order) {
    const [l, r] = n.children.map(recordOf) as [number, number];
    for (const v of [l, r]) if (v >= 2 ** recordSize) throw new Error(`record ${v} does not fit in ${recordSize} bits`);
    if (recordSize === 24) tree.push(...beBytes(BigInt(l), 3), ...beBytes(BigInt(r), 3));
    else if (recordSize === 32) tree.push(...beBytes(BigInt(l), 4), ...beBytes(BigInt(r), 4));
    else tree.push(...beBytes(BigInt(l & 0xffffff), 3), ((l >>> 24) << 4) | (r >>> 24), ...beBytes(BigInt(r & 0xffffff), 3));
  }
  const meta: Record<string, MmdbInput> = {
    node_count: u32(nodeCount), record_size: u16(recordSize), ip_version: u16(ipVersion),
    database_type: opts.databaseType ?? "minispl-Test-City", languages: [...(opts.languages ?? ["en", "de", "es"])],
    binary_format_major_version: u16(2), binary_format_minor_version: u16(0), build_epoch: u64(1_700_000_000n),
    description: { en: "minispl test database" },
  };
  for (const [k, v] of Object.entries(opts.metadata ?? {})) if (v === undefined) delete meta[k]; else meta[k] = v;
  const marker = [0xab, 0xcd, 0xef, ...new TextEncoder().encode("MaxMind.com")];
  return concat([Uint8Array.from(tree), new Uint8Array(16), ...data, Uint8Array.from([...marker, ...fieldBytes(meta)])]);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// ---- a GeoLite2-City-shaped sample ----

const names = (en: string, more: Record<string, string> = {}) => ({ names: { en, ...more } });
const EUROPE = { code: "EU", geoname_id: u32(6255148), ...names("Europe", { de: "Europa", es: "Europa" }) };
const N_AMERICA = { code: "NA", geoname_id: u32(6255149), ...names("North America", { de: "Nordamerika", es: "Norteamérica" }) };
const US = { geoname_id: u32(6252001), iso_code: "US", ...names("United States", { de: "Vereinigte Staaten", es: "Estados Unidos" }) };

/** The networks of the sample: London (81.2.69.0/24), Milton WA (216.160.83.56/29, with a metro code), 2001:db8::/32 (country only). */
export const SAMPLE_NETWORKS: readonly MmdbNetwork[] = [
  {
    network: "81.2.69.0/24",
    data: {
      city: { geoname_id: u32(2643743), ...names("London", { de: "London", es: "Londres" }) },
      continent: EUROPE,
      country: { geoname_id: u32(2635167), iso_code: "GB", ...names("United Kingdom", { de: "Vereinigtes Königreich", es: "Reino Unido" }) },
      location: { accuracy_radius: u16(10), latitude: 51.5142, longitude: -0.0931, time_zone: "Europe/London" },
      subdivisions: [{ geoname_id: u32(6269131), iso_code: "ENG", ...names("England", { es: "Inglaterra" }) }],
    },
  },
  {
    network: "216.160.83.56/29",
    data: {
      city: { geoname_id: u32(5803556), ...names("Milton") },
      continent: N_AMERICA,
      country: US,
      location: { accuracy_radius: u16(22), latitude: 47.2513, longitude: -122.3149, metro_code: u16(819), time_zone: "America/Los_Angeles" },
      subdivisions: [{ geoname_id: u32(5815135), iso_code: "WA", ...names("Washington") }],
    },
  },
  { network: "2001:db8::/32", data: { continent: N_AMERICA, country: US } },
];

export function sampleCityMmdb(opts: MmdbWriteOptions = {}): Uint8Array {
  return writeMmdb(SAMPLE_NETWORKS, opts);
}
