/**
 * A result set between commands: columnar (one Value array per field), fields in display order.
 * Commands build new tables; a filter copies only the surviving row indexes (`select`).
 * Tables are immutable: a new table shares its field list and columns with the one it came from.
 * A table may carry display formats (`fieldformat`): they travel with the rows through the commands
 * that derive a table from this one and are applied only when the result is shown (`rendered`).
 */
import type { Value } from "../values/value.js";

/**
 * How a field is shown, not what it holds (`fieldformat`): `render` computes the displayed column
 * from the final, unformatted table, so later commands see the value and the last one is shown.
 */
export interface FieldFormat {
  readonly field: string;
  render(t: Table): readonly Value[];
}

export class Table {
  /**
   * `cols` is the columns map, except for the latest few replaced or added columns, which sit in
   * `recent` until it passes about √(fields) entries and is folded in. A withColumn that copied the
   * whole map made `foreach *` over a wide table quadratic: 9,800 fields took 16 s.
   */
  private constructor(
    private readonly names: readonly string[],
    private readonly cols: ReadonlyMap<string, Value[]>,
    readonly length: number,
    private readonly recent: ReadonlyMap<string, Value[]> | null = null,
    private readonly fmts: readonly FieldFormat[] = [],
  ) {}

  private col(name: string): Value[] | undefined {
    return this.recent?.get(name) ?? this.cols.get(name);
  }

  static empty(): Table {
    return new Table([], new Map(), 0);
  }

  /** A table from columns (all of `length` rows; missing entries are null). */
  static fromColumns(names: readonly string[], cols: ReadonlyMap<string, Value[]>, length: number): Table {
    return new Table([...names], new Map(cols), length);
  }

  /** A table from row objects (tests, makeresults, JSON input). */
  static fromRows(rows: readonly Readonly<Record<string, Value>>[]): Table {
    const names: string[] = [];
    const cols = new Map<string, Value[]>();
    rows.forEach((r, i) => {
      for (const [k, v] of Object.entries(r)) {
        let col = cols.get(k);
        if (!col) {
          col = new Array<Value>(rows.length).fill(null);
          cols.set(k, col);
          names.push(k);
        }
        col[i] = v;
      }
    });
    return new Table(names, cols, rows.length);
  }

  get fields(): readonly string[] {
    return this.names;
  }

  has(name: string): boolean {
    return this.recent?.has(name) === true || this.cols.has(name);
  }

  get(name: string, row: number): Value {
    return this.col(name)?.[row] ?? null;
  }

  column(name: string): readonly Value[] | undefined {
    return this.col(name);
  }

  /** Rows at the given indexes, in that order. */
  select(indexes: ArrayLike<number>): Table {
    const cols = new Map<string, Value[]>();
    for (const name of this.names) {
      const col = this.col(name) as Value[];
      cols.set(name, Array.from(indexes, (i) => col[i] ?? null));
    }
    return new Table(this.names, cols, indexes.length, null, this.fmts);
  }

  /** Adds or replaces a column (a new field goes last). */
  withColumn(name: string, values: Value[]): Table {
    const names = this.has(name) ? this.names : [...this.names, name];
    const recent = new Map(this.recent ?? []);
    recent.set(name, values);
    if (recent.size * recent.size <= Math.max(256, this.cols.size)) return new Table(names, this.cols, this.length, recent, this.fmts);
    const cols = new Map(this.cols);
    for (const [n, c] of recent) cols.set(n, c);
    return new Table(names, cols, this.length, null, this.fmts);
  }

  /** Keeps only these fields, in this order (fields not present are kept as all-null columns). */
  project(names: readonly string[]): Table {
    const cols = new Map<string, Value[]>();
    for (const n of names) cols.set(n, this.col(n) ?? new Array<Value>(this.length).fill(null));
    return new Table([...names], cols, this.length, null, this.fmts);
  }

  /** Renames fields; `mapping` old→new. A target that already exists is replaced (spl-semantics.md §4). */
  renamed(mapping: ReadonlyMap<string, string>): Table {
    const names: string[] = [];
    const cols = new Map<string, Value[]>();
    const targets = new Set(mapping.values());
    for (const n of this.names) {
      const to = mapping.get(n);
      if (to !== undefined) {
        if (!cols.has(to)) names.push(to);
        cols.set(to, this.col(n) as Value[]);
      } else if (!targets.has(n)) {
        names.push(n);
        cols.set(n, this.col(n) as Value[]);
      }
    }
    return new Table(names, cols, this.length, null, this.fmts);
  }

  /** The display formats this table carries (fieldformat), in the order they were given. */
  get formats(): readonly FieldFormat[] {
    return this.fmts;
  }

  /** The same rows with `format` for its field, replacing an earlier format of that field. */
  withFormat(format: FieldFormat): Table {
    return new Table(this.names, this.cols, this.length, this.recent, [...this.fmts.filter((f) => f.field !== format.field), format]);
  }

  /** The rows as shown: each format applied to its field (a new field is added); no formats left. */
  rendered(): Table {
    if (this.fmts.length === 0) return this;
    const plain = new Table(this.names, this.cols, this.length, this.recent);
    let out = plain;
    for (const f of this.fmts) out = out.withColumn(f.field, [...f.render(plain)]);
    return out;
  }

  /** Row i as a plain object without null fields (output, tests). */
  row(i: number): Record<string, Value> {
    const out: Record<string, Value> = {};
    for (const n of this.names) {
      const v = this.col(n)?.[i] ?? null;
      if (v !== null) out[n] = v;
    }
    return out;
  }

  rows(): Record<string, Value>[] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }

  /** Rows of two tables one after the other (union of fields). */
  static concat(a: Table, b: Table): Table {
    const names = [...a.names, ...b.names.filter((n) => !a.has(n))];
    const cols = new Map<string, Value[]>();
    for (const n of names) {
      const x = a.col(n) ?? new Array<Value>(a.length).fill(null);
      const y = b.col(n) ?? new Array<Value>(b.length).fill(null);
      cols.set(n, [...x, ...y]);
    }
    // The rows of `b` join the results of `a`, which keep their display formats (fieldformat).
    return new Table(names, cols, a.length + b.length, null, a.fmts);
  }

  /**
   * The tables one after the other (fields: the union, first seen first), copied once: a loop of
   * `concat` would copy O(n²) rows (map, union). Display formats are those of the first table.
   */
  static concatAll(tables: readonly Table[]): Table {
    const names = [...new Set(tables.flatMap((t) => t.names))];
    const cols = new Map<string, Value[]>(names.map((n) => [n, []]));
    let length = 0;
    for (const t of tables) {
      for (const n of names) {
        const out = cols.get(n) as Value[];
        const col = t.col(n);
        for (let r = 0; r < t.length; r++) out.push(col?.[r] ?? null);
      }
      length += t.length;
    }
    return new Table(names, cols, length, null, tables[0]?.fmts ?? []);
  }
}
