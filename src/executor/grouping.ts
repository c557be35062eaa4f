/**
 * The aggregation kernel shared by stats and tstats: rows are assigned to groups by their BY
 * values (one group per combination; a multivalue BY value puts the row in one group per value),
 * each group keeps one state per aggregate, and groups come out sorted by their BY values.
 */
import type { AggregateSpec } from "../ast/commands.js";
import { compareAtoms, type Atom, type Value } from "../values/value.js";
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

export class Grouper {
  private readonly index = new Map<string, number>();
  private readonly keys: Atom[][] = [];
  private readonly states: unknown[][] = [];

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

  private group(key: Atom[]): number {
    const k = key.map(String).join("\u0000");
    let g = this.index.get(k);
    if (g === undefined) {
      g = this.keys.length;
      this.index.set(k, g);
      this.keys.push(key);
      this.states.push(this.aggs.map((a) => a.init()));
    }
    return g;
  }

  private feed(g: number, row: number): void {
    const st = this.states[g] as unknown[];
    for (let i = 0; i < this.aggs.length; i++) (this.aggs[i] as BoundAggregate).add(st[i], row);
  }

  /** The result table: BY columns (named `byNames`) then one column per aggregate. */
  result(byNames: readonly string[]): Table {
    let order = this.keys.map((_, i) => i);
    if (this.byCount > 0) order = order.sort((a, b) => compareKeys(this.keys[a] as Atom[], this.keys[b] as Atom[]));
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

function compareKeys(a: readonly Atom[], b: readonly Atom[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareAtoms(a[i] as Atom, b[i] as Atom);
    if (c !== 0) return c;
  }
  return 0;
}

function product(lists: readonly (readonly Atom[])[]): Atom[][] {
  let out: Atom[][] = [[]];
  for (const l of lists) out = out.flatMap((prefix) => l.map((v) => [...prefix, v]));
  return out;
}
