/**
 * Row-group skipping for the base search over an opened index: from each row group's footer
 * statistics (min/max, null count, which columns the part has), the chunks where `expr` cannot
 * match any row are left out before a column is read. Time bounds (`earliest`/`latest`) are
 * tested against `_time`'s min/max.
 *
 * Conservative by construction: a chunk is left out only when the search's semantics
 * (search-predicate.ts) prove no row matches.
 * - `field=value` and `field!=value` need the field, so a chunk where no row has it is out.
 * - An exact `field=value` (or a `value*` prefix) with ASCII text is case-insensitive. A
 *   matching string is then made of case variants of the value's characters, plus the Kelvin sign
 *   U+212A for `k`: the one non-ASCII character whose lower case is ASCII (İ lower-cases to two
 *   characters and cannot match a one-character position). Its bytes therefore lie at or above the
 *   all-upper-case form, and (with no `k` in the value) at or below the all-lower-case form, in
 *   UTF-8 byte order, which is the order of Parquet's min/max.
 * - When a chunk's dictionary page is small (open-parts.ts), a comparison is tested on its
 *   distinct values with the search's own predicate: exact for every operator, case and value.
 *   A row matches `field<op>v` only if one of its values does, so no distinct value passing
 *   means no row does.
 * - Anything else (NOT, CIDR or CASE()/TERM() without a dictionary, non-ASCII text, free text)
 *   keeps the chunk; free text has the term filter (term-candidates.ts).
 */
import type { SearchExpr, SearchValue } from "../ast/nodes.js";
import type { ChunkFieldStats, EventStore } from "../store/event-store.js";
import { valuesHandle } from "./field-source.js";
import { compileSearch } from "./search-predicate.js";

export interface TimeBounds {
  /** Inclusive. */
  readonly lo: number;
  /** Exclusive. */
  readonly hi: number;
}

type StatsOf = (field: string) => ChunkFieldStats | undefined;

/** Fields every event carries (Splunk's default fields); keeping a chunk is always safe, pruning only saves work. */
const EVERY_EVENT_HAS = new Set(["index", "host", "source", "sourcetype"]);

/**
 * The rows to scan as ascending [from, to) pairs: the index's chunks that may hold a match, then
 * the rows appended after opening. The whole store when it has no statistics.
 */
export function prunedRanges(store: EventStore, expr: SearchExpr | null, time: TimeBounds, timeFields: ReadonlySet<string>): number[] {
  const chunks = store.backedChunks;
  if (chunks === 0 || (!expr && time.lo === -Infinity && time.hi === Infinity)) return [0, store.length];
  const out: number[] = [];
  const add = (from: number, to: number): void => {
    if (from >= to) return;
    if (out.length > 0 && out[out.length - 1] === from) out[out.length - 1] = to;
    else out.push(from, to);
  };
  for (let c = 0; c < chunks; c++) {
    const stats: StatsOf = (field) => store.chunkStats(c, field);
    // _time's statistics are asked for only when the search has time bounds (a footer read per part).
    if (inTime(() => stats("_time"), time) && mayMatch(expr, stats, timeFields)) add(store.chunkStart(c), store.chunkStart(c) + store.chunkSize(c));
  }
  add(store.backedLength, store.length);
  return out;
}

/** Both range lists' common rows (each ascending [from, to) pairs). */
export function intersectRanges(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i] as number, b[j] as number);
    const to = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (from < to) out.push(from, to);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

function inTime(statsOf: () => ChunkFieldStats | undefined, time: TimeBounds): boolean {
  if (time.lo === -Infinity && time.hi === Infinity) return true;
  const st = statsOf();
  if (st?.kind !== "stats" || !st.min || !st.max || st.min.length !== 8 || st.max.length !== 8) return true;
  const min = Buffer.from(st.min).readDoubleLE(0);
  const max = Buffer.from(st.max).readDoubleLE(0);
  return !(max < time.lo || min >= time.hi);
}

/** Whether some row with these statistics may match `expr` (true when unsure). */
export function mayMatch(expr: SearchExpr | null, stats: StatsOf, timeFields: ReadonlySet<string> = new Set()): boolean {
  if (!expr) return true;
  switch (expr.kind) {
    case "and": return expr.items.every((e) => mayMatch(e, stats, timeFields));
    case "or": return expr.items.some((e) => mayMatch(e, stats, timeFields));
    case "in": {
      const st = stats(expr.field);
      return st?.kind === "stats" && st.values ? anyDistinct(expr, st.values()) : expr.values.some((v) => valueMay(st, v));
    }
    case "compare": {
      if (timeFields.has(expr.field.toLowerCase())) return true;
      // `index=*` (and host/source/sourcetype=*): every event has these fields, so no chunk can be
      // left out, and asking would read every part's footer (1.5 s for `index=*` over 277 parts).
      if (expr.op === "=" && !expr.value.quoted && expr.value.text === "*" && EVERY_EVENT_HAS.has(expr.field.toLowerCase())) return true;
      const st = stats(expr.field);
      if (!hasValues(st)) return false;
      // The chunk's distinct values under the search's own test: exact, whatever the operator.
      if (st?.kind === "stats" && st.values) return anyDistinct(expr, st.values());
      if (expr.op === "=") return valueMay(st, expr.value);
      // `field!=*` matches nothing; every other comparison needs the field.
      if (expr.op === "!=" && !expr.value.quoted && expr.value.text === "*") return false;
      return hasValues(st);
    }
    default: return true;
  }
}

/** Whether one comparison holds for some distinct value of its field (search-predicate.ts semantics). */
function anyDistinct(atom: SearchExpr, values: readonly string[]): boolean {
  const test = compileSearch(atom, { field: () => valuesHandle(values) });
  for (let i = 0; i < values.length; i++) if (test(i)) return true;
  return false;
}

function hasValues(st: ChunkFieldStats | undefined): boolean {
  if (!st) return true;
  if (st.kind === "absent") return false;
  return st.nullCount === undefined || st.nullCount < st.rows;
}

function valueMay(st: ChunkFieldStats | undefined, value: SearchValue): boolean {
  if (!hasValues(st)) return false;
  if (st?.kind !== "stats" || !st.min || !st.max) return true;
  const text = value.text;
  if (!value.quoted && /^(CASE|TERM)\(.*\)$/s.test(text)) return true;
  if (/^[\d.]+\/\d{1,2}$/.test(text)) return true; // CIDR: matched by address, not by text
  const star = text.indexOf("*");
  const fixed = star < 0 ? text : text.slice(0, star);
  // eslint-disable-next-line no-control-regex
  if (fixed.length === 0 || !/^[\x00-\x7f]*$/.test(fixed)) return true;
  const upper = Buffer.from(fixed.toUpperCase(), "latin1");
  const lower = Buffer.from(fixed.toLowerCase(), "latin1");
  if (Buffer.compare(st.max, upper) < 0) return false;
  if (/k/i.test(fixed)) return true;
  const head = star < 0 ? st.min : st.min.subarray(0, lower.length);
  return Buffer.compare(head, lower) <= 0;
}
