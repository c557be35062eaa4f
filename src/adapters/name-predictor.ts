/**
 * Field names for the XML scanner without the cost of a fresh string per name. A name cut out of
 * the record is a new string; using it as a property key makes V8 hash it and look it up in its
 * string table (≈100 ns a name in a micro-benchmark, against ≈30 ns to confirm a guess). Records
 * of one kind repeat the same names in the same order, so a predictor remembers the name seen at
 * each position last time; when the text equals it, the remembered, already internalized string
 * is used. A miss costs what the plain path costs.
 */

/** Positions remembered per predictor; later names are always cut fresh. */
const MAX_POSITIONS = 256;
/** Distinct names kept canonical; beyond this, names are used as cut (bounded memory). */
const MAX_NAMES = 16_384;
const canonical = new Map<string, string>();

export class NamePredictor {
  private readonly expected: string[] = [];
  /** `formOf(expected[i])` when expected[i] is plain (no `'`, `"`, `<`, `>`), else undefined. */
  private readonly forms: (string | undefined)[] = [];

  /**
   * `formOf` gives the text a name stands in, e.g. `<Data Name='X'>`: a caller can then confirm
   * a guess with one string comparison, which V8 does far faster than a loop of charCodeAt.
   */
  constructor(private readonly formOf: (name: string) => string = (name) => name) {}

  /** The remembered name at `index` when it is plain (no `'`, `"`, `<`, `>`), else undefined. */
  guess(index: number): string | undefined {
    return this.forms[index] === undefined ? undefined : this.expected[index];
  }

  /** `formOf(guess(index))`, or undefined. */
  form(index: number): string | undefined {
    return this.forms[index];
  }

  /** The name `raw[from, to)`, known to be the `index`-th name of its record. */
  at(raw: string, from: number, to: number, index: number): string {
    const guess = this.expected[index];
    if (guess !== undefined && guess.length === to - from && sameText(raw, from, guess)) return guess;
    const name = intern(raw.slice(from, to));
    if (index < MAX_POSITIONS) {
      this.expected[index] = name;
      this.forms[index] = isPlain(name) ? this.formOf(name) : undefined;
    }
    return name;
  }
}

/** `raw[from, from + s.length)` equals `s`. */
export function sameText(raw: string, from: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (raw.charCodeAt(from + i) !== s.charCodeAt(i)) return false;
  return true;
}

function isPlain(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 39 || c === 34 || c === 60 || c === 62) return false;
  }
  return true;
}

/**
 * One predictor per key (the EventID: an event's Data names depend on it), created on first use.
 * The table is bounded: keys beyond the limit share one predictor (correct, only less often right).
 */
export class PredictorTable {
  private readonly byKey = new Map<string, NamePredictor>();
  private readonly shared: NamePredictor;

  constructor(
    private readonly formOf: (name: string) => string,
    private readonly limit = 4096,
  ) {
    this.shared = new NamePredictor(formOf);
  }

  for(key: string): NamePredictor {
    let p = this.byKey.get(key);
    if (p === undefined) {
      if (this.byKey.size >= this.limit) return this.shared;
      p = new NamePredictor(this.formOf);
      this.byKey.set(intern(key), p);
    }
    return p;
  }
}

/**
 * A canonical copy of `s`. A cut name is a slice that keeps the whole input chunk alive; the
 * property key V8 stores is a flat internalized copy, which `Object.keys` hands back. Comparing
 * and hashing an internalized string is free (pointer equality, cached hash).
 */
export function intern(s: string): string {
  const known = canonical.get(s);
  if (known !== undefined) return known;
  const flat = Object.keys({ [s]: 0 })[0]!;
  if (canonical.size < MAX_NAMES) canonical.set(flat, flat);
  return flat;
}
