/**
 * The aggregation kernel shared by stats and tstats: rows are assigned to groups by their BY
 * values (one group per combination; a multivalue BY value puts the row in one group per value),
 * each group keeps one state per aggregate, and groups come out sorted by their BY values.
 */
import type { AggregateSpec } from "../ast/commands.js";
import { compareLexical, parseNumber, type Atom, type Value } from "../values/value.js";
import { Table } from "../table/table.js";

/** An aggregate bound to its input: creates a state, feeds it one row, reads the result. */
export interface BoundAggregate {
  readonly spec: AggregateSpec;
  init(): unknown;
  add(state: unknown, row: number): void;
  result(state: unknown): Value;
}

/** BY value lists of a row: one list per BY field; an empty list means null. */
export type KeyReader = (row: number, field: number) => readonly Atom[];

/**
 * A BY field read as one number per row (a dictionary id, 0 = null, or a time bucket) and
 * decoded to its value list once per distinct number: rows with the same numbers reuse the groups
 * found for the first, without building a string key per row.
 */
/** A time as a NumericKey: one key per printed value (no -0, one NaN). */
export function timeKey(t: number): number {
  return Number.isNaN(t) ? Number.NaN : t + 0;
}

export interface NumericKey {
  /** Two different keys never decode to the same single value (ids of one dictionary; numbers without -0 or a second NaN). */
  key(row: number): number;
  atoms(key: number): readonly Atom[];
}

/**
 * Tuples of BY keys → the groups they feed, in an open-addressing table over one Float64Array,
 * so a row whose tuple was seen allocates nothing. Tuples compare by their bits (NaN times
 * included); two tuples that decode to the same values still share groups through `group`.
 */
class TupleGroups {
  /** The tuple to look up or put; callers fill it. */
  readonly scratch: Float64Array;
  private readonly scratchBits: Uint32Array;
  private tuples: Float64Array;
  private bits: Uint32Array;
  private slots: Int32Array;
  private readonly groups: number[][] = [];
  private hash = 0;

  constructor(private readonly width: number) {
    this.scratch = new Float64Array(width);
    this.scratchBits = new Uint32Array(this.scratch.buffer);
    this.tuples = new Float64Array(width * 64);
    this.bits = new Uint32Array(this.tuples.buffer);
    this.slots = new Int32Array(128).fill(-1);
  }

  /** The groups of the scratch tuple, or undefined when it is new. */
  get(): number[] | undefined {
    const sb = this.scratchBits;
    const h = (this.hash = hashWords(sb, 0, sb.length));
    const mask = this.slots.length - 1;
    const words = this.width * 2;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] as number;
      if (e < 0) return undefined;
      let same = true;
      for (let i = 0, at = e * words; i < words; i++) {
        if (this.bits[at + i] !== sb[i]) {
          same = false;
          break;
        }
      }
      if (same) return this.groups[e];
    }
  }

  /** Adds the scratch tuple (just missed by `get`) with its groups. */
  put(groups: number[]): void {
    const e = this.groups.length;
    this.groups.push(groups);
    if ((e + 1) * this.width > this.tuples.length) {
      const next = new Float64Array(this.tuples.length * 2);
      next.set(this.tuples);
      this.tuples = next;
      this.bits = new Uint32Array(next.buffer);
    }
    this.tuples.set(this.scratch, e * this.width);
    if ((e + 1) * 2 > this.slots.length) this.rehash();
    else this.insert(e, this.hash);
  }

  private insert(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while ((this.slots[s] as number) >= 0) s = (s + 1) & mask;
    this.slots[s] = e;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const words = this.width * 2;
    for (let e = 0; e < this.groups.length; e++) this.insert(e, hashWords(this.bits, e * words, words));
  }
}

/** A hash of n 32-bit words, every input bit mixed into the low bits (a double's id sits in its high word). */
function hashWords(w: Uint32Array, at: number, n: number): number {
  let h = 0x9747b28c;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ (w[at + i] as number), 0x85ebca6b);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class Grouper {
  /**
   * Groups by their joined BY values, built on first need. addKeyed skips it for tuples of single
   * non-null values none of which equals the fill: such tuples are distinct groups by NumericKey's
   * contract and can meet no filled group, and joining ten long strings per group is most of a
   * 30k-group tstats. Once a multivalue BY value appears, every group goes through it.
   */
  private index: Map<string, number> | null = null;
  private sawMultivalue = false;
  private readonly keys: Atom[][] = [];
  private readonly states: unknown[][] = [];
  /** addKeyed's groups per distinct tuple of BY keys. */
  private tuples: TupleGroups | null = null;

  constructor(
    private readonly byCount: number,
    private readonly aggs: readonly BoundAggregate[],
    /** Replacement for a null BY value; undefined drops the row (tstats without fillnull_value). */
    private readonly fill: Atom | undefined,
  ) {}

  add(row: number, readKey: KeyReader): void {
    if (this.byCount === 0) return this.feed(this.group([]), row);
    const lists: (readonly Atom[])[] = [];
    for (let f = 0; f < this.byCount; f++) {
      const vals = readKey(row, f);
      if (vals.length === 0) {
        if (this.fill === undefined) return;
        lists.push([this.fill]);
      } else lists.push(vals);
    }
    if (lists.every((l) => l.length === 1)) return this.feed(this.group(lists.map((l) => l[0] as Atom)), row);
    for (const combo of product(lists)) this.feed(this.group(combo), row);
  }

  /** Like `add`, with the BY values read through numeric keys (same groups, same fill). */
  addKeyed(row: number, keys: readonly NumericKey[]): void {
    if (this.byCount === 0) return this.feed(this.group([]), row);
    const tuples = (this.tuples ??= new TupleGroups(this.byCount));
    const t = tuples.scratch;
    for (let f = 0; f < this.byCount; f++) t[f] = (keys[f] as NumericKey).key(row);
    let groups = tuples.get();
    if (!groups) tuples.put((groups = this.groupsOf(t, keys)));
    for (let i = 0; i < groups.length; i++) this.feed(groups[i] as number, row);
  }

  /** The groups of one tuple of BY keys (none when a null drops the row), as `add` finds them. */
  private groupsOf(t: Float64Array, keys: readonly NumericKey[]): number[] {
    const lists: (readonly Atom[])[] = [];
    let hasNull = false;
    for (let f = 0; f < this.byCount; f++) {
      const vals = (keys[f] as NumericKey).atoms(t[f] as number);
      if (vals.length === 0) {
        if (this.fill === undefined) return [];
        // The fill may equal a value some other tuple has: it goes through the index.
        hasNull = true;
        lists.push([this.fill]);
      } else lists.push(vals);
    }
    if (lists.every((l) => l.length === 1)) {
      const key = lists.map((l) => l[0] as Atom);
      // Only a filled null, a value equal to the fill, or a multivalue can meet another tuple's group.
      const plain = !this.sawMultivalue && !hasNull && (this.fill === undefined || !key.some((a) => String(a) === String(this.fill)));
      return [plain ? this.newGroup(key) : this.group(key)];
    }
    if (!this.sawMultivalue) {
      // From now on every group goes through the index, rebuilt over all groups so far.
      this.sawMultivalue = true;
      this.index = null;
    }
    return product(lists).map((combo) => this.group(combo));
  }

  private group(key: Atom[]): number {
    const index = (this.index ??= new Map(this.keys.map((k, g) => [joinKey(k), g])));
    const k = joinKey(key);
    let g = index.get(k);
    if (g === undefined) {
      g = this.newGroup(key);
      index.set(k, g);
    }
    return g;
  }

  private newGroup(key: Atom[]): number {
    this.keys.push(key);
    this.states.push(this.aggs.map((a) => a.init()));
    return this.keys.length - 1;
  }

  private feed(g: number, row: number): void {
    const st = this.states[g] as unknown[];
    for (let i = 0; i < this.aggs.length; i++) (this.aggs[i] as BoundAggregate).add(st[i], row);
  }

  /** The result table: BY columns (named `byNames`) then one column per aggregate. */
  result(byNames: readonly string[]): Table {
    let order = this.keys.map((_, i) => i);
    if (this.byCount > 0) order = sortedGroups(this.keys);
    // stats with no BY and no input still returns one row (count=0).
    if (this.byCount === 0 && this.keys.length === 0) {
      this.group([]);
      order = [0];
    }
    const cols = new Map<string, Value[]>();
    const names: string[] = [];
    byNames.forEach((n, f) => {
      names.push(n);
      cols.set(n, order.map((g) => (this.keys[g] as Atom[])[f] ?? null));
    });
    this.aggs.forEach((a, i) => {
      if (!cols.has(a.spec.as)) names.push(a.spec.as);
      cols.set(a.spec.as, order.map((g) => a.result((this.states[g] as unknown[])[i])));
    });
    return Table.fromColumns(names, cols, order.length);
  }
}

/**
 * Group indices in BY-value order (compareAtoms per value, stable). Each field's distinct values
 * are ranked once, so sorting 30k groups compares small integers instead of parsing numbers and
 * comparing strings ~500k times.
 */
function sortedGroups(keys: readonly Atom[][]): number[] {
  const width = keys[0]?.length ?? 0;
  const ranks = new Int32Array(keys.length * width);
  for (let f = 0; f < width; f++) {
    const distinct = new Map<string, Atom>();
    for (const k of keys) {
      const a = k[f] as Atom;
      const s = String(a);
      if (!distinct.has(s)) distinct.set(s, a);
    }
    const atoms = [...distinct.values()];
    const nums = atoms.map((a) => (typeof a === "number" ? a : parseNumber(a)));
    const order = atoms.map((_, i) => i).sort((x, y) => compareParsed(atoms[x] as Atom, nums[x] as number, atoms[y] as Atom, nums[y] as number));
    const rankOf = new Map<string, number>();
    let rank = 0;
    order.forEach((i, n) => {
      const prev = order[n - 1];
      if (prev !== undefined && compareParsed(atoms[prev] as Atom, nums[prev] as number, atoms[i] as Atom, nums[i] as number) !== 0) rank++;
      rankOf.set(String(atoms[i]), rank);
    });
    keys.forEach((k, g) => (ranks[g * width + f] = rankOf.get(String(k[f])) as number));
  }
  const compare = (a: number, b: number): number => {
    for (let f = 0; f < width; f++) {
      const c = (ranks[a * width + f] as number) - (ranks[b * width + f] as number);
      if (c !== 0) return c;
    }
    return 0;
  };
  return keys.map((_, i) => i).sort(compare);
}

/** compareAtoms, with each value's number parsed beforehand. */
function compareParsed(a: Atom, x: number, b: Atom, y: number): number {
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? -1 : x > y ? 1 : 0;
  if (!Number.isNaN(x)) return -1;
  if (!Number.isNaN(y)) return 1;
  return compareLexical(String(a), String(b));
}

/**
 * One string per tuple of BY values, different for different tuples: each value is prefixed with
 * its length, since any separator can occur in event text (a value holding NUL merged ("a\0b", "c")
 * with ("a", "b\0c") when values were joined on NUL).
 */
function joinKey(key: readonly Atom[]): string {
  let out = "";
  for (const v of key) {
    const s = String(v);
    out += `${s.length}:${s}`;
  }
  return out;
}

function product(lists: readonly (readonly Atom[])[]): Atom[][] {
  let out: Atom[][] = [[]];
  for (const l of lists) out = out.flatMap((prefix) => l.map((v) => [...prefix, v]));
  return out;
}
