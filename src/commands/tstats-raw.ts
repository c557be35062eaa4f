/**
 * `| tstats <aggregate>... [WHERE <search>] [BY <field>... [span=<time>]]` without a FROM clause
 * (SPL Search Reference, tstats, "Selecting data": "If you do not specify a FROM clause, the
 * Splunk software selects from index data in the same way as the search command"). So the WHERE
 * clause is a base search over the loaded events (index=, sourcetype=, earliest=/latest=, `*`
 * wildcards), and the groups are formed as stats forms them. Splunk reads only indexed fields
 * here ("WHERE clauses used in tstats searches can contain only indexed fields"); minispl has no
 * index-time/search-time split, so every field of the events can be used. "If no indexes are
 * mentioned in the WHERE clause, the Splunk software uses the default indexes": main.
 *
 * `<fn>(PREFIX(<text>))` aggregates "a raw segment in your indexed events as if it were an
 * extracted field-value pair": each segment of `_raw` (text between major breakers) that starts
 * with <text>, compared case-insensitively ("It will still match connectionType= strings"), gives
 * the rest of the segment ("If you run PREFIX(kbps), the search returns =10 and =333"). The
 * prefix may be written unquoted (`PREFIX(exec_time=)`, as the page does) or quoted. In the BY
 * clause (`by PREFIX(user=) PREFIX(action=)`, example 9) PREFIX() groups by that segment's value;
 * the page shows no output, so the column is named by the prefix text (`user=`), and an event with
 * several such segments is grouped by its first.
 */
import type { AggregateSpec, TstatsCommand } from "../ast/commands.js";
import type { CommandArg } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { bindAggregate } from "../executor/bind-aggregate.js";
import { Grouper, timeKey, type NumericKey } from "../executor/grouping.js";
import { scanRows } from "../executor/store-scan.js";
import { NULL_ID } from "../store/column.js";
import type { EventStore } from "../store/event-store.js";
import type { Atom } from "../values/value.js";
import type { SearchExpr } from "../ast/nodes.js";
import { indexMatcher, rowIndexes } from "./store-indexes.js";
import { timeBucket } from "./time-buckets.js";
import type { CheckContext, ExecContext, Step } from "./types.js";

export function rawTstatsStep(cmd: TstatsCommand): Step {
  return (_input, ctx: ExecContext) => {
    const store = ctx.store;
    let rows = scanRows(store, cmd.where, ctx.fn);
    if (!mentionsIndex(cmd.where)) {
      const { ids } = rowIndexes(store, indexMatcher([]));
      rows = rows.filter((r) => ids[r] !== -1);
    }
    const n = rows.length;
    const time = (i: number) => store.time(rows[i] as number);
    const byKeys = cmd.by.map((f): NumericKey => {
      if (f === "_time") {
        const s = cmd.bucketSpan;
        const tz = ctx.fn.tz;
        const t = s ? (i: number) => timeBucket(time(i), s, 0, tz) : time;
        return { key: (i) => timeKey(t(i)), atoms: (k) => [k] };
      }
      return isPrefixField(f) ? prefixKey(store, prefixOf(f), rows) : fieldKey(store, f, rows);
    });
    const aggs = cmd.aggregates.map((a) => bindAggregate(a, a.field === null ? null : reader(store, a.field, rows), time));
    const grouper = new Grouper(cmd.by.length, aggs, cmd.fillnull);
    for (let i = 0; i < n; i++) {
      if ((i & 0xffff) === 0) ctx.fn.checkpoint?.(Math.min(0x10000, n - i));
      grouper.addKeyed(i, byKeys);
    }
    return grouper.result(cmd.by.map((f) => (isPrefixField(f) ? prefixOf(f) : f)));
  };
}

/** A BY field as numeric keys: dictionary ids, or (long text such as _raw) ids handed out as values appear. */
function fieldKey(store: EventStore, f: string, rows: readonly number[]): NumericKey {
  const col = store.column(f);
  if (!col) return { key: () => NULL_ID, atoms: () => [] };
  if (col.kind === "ids") return { key: (i) => col.id(rows[i] as number), atoms: (id) => (id === NULL_ID ? [] : col.dict.values(id)) };
  const ids = new Map<string, number>();
  const texts: string[] = [""];
  return {
    key: (i) => {
      const v = col.value(rows[i] as number);
      if (v === null) return NULL_ID;
      const s = String(v);
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = texts.push(s) - 1));
      return id;
    },
    atoms: (id) => (id === NULL_ID ? [] : [texts[id] as string]),
  };
}

/** The values an aggregate reads from a field of the i-th matching row. */
function reader(store: EventStore, f: string, rows: readonly number[]): (i: number) => readonly Atom[] {
  if (isPrefixField(f)) return prefixReader(store, prefixOf(f).toLowerCase(), rows);
  if (f === "_time") return (i) => [store.time(rows[i] as number)];
  const col = store.column(f);
  if (!col) return () => [];
  if (col.kind === "ids") {
    return (i) => {
      const id = col.id(rows[i] as number);
      return id === NULL_ID ? [] : col.dict.values(id);
    };
  }
  return (i) => {
    const v = col.value(rows[i] as number);
    return v === null ? [] : Array.isArray(v) ? v : [v as Atom];
  };
}

/** Whether the WHERE clause names an index anywhere (`index=x`, `index!=x`, `index IN (…)`). */
function mentionsIndex(e: SearchExpr | null): boolean {
  if (!e) return false;
  switch (e.kind) {
    case "and": case "or":
      return e.items.some(mentionsIndex);
    case "not":
      return mentionsIndex(e.operand);
    default:
      return "field" in e && typeof e.field === "string" && e.field.toLowerCase() === "index";
  }
}

/** The field name an aggregate over PREFIX(<text>) reads: no event field is named like this. */
const PREFIX_MARK = "\u0000PREFIX(";

export function isPrefixField(f: string): boolean {
  return f.startsWith(PREFIX_MARK);
}

/** The text of a PREFIX() field (`exec_time=`). */
function prefixOf(f: string): string {
  return f.slice(PREFIX_MARK.length, -1);
}

/**
 * A BY field written `PREFIX(user=)` (the parser keeps it as that text, `PREFIX("user=")` with its
 * quotes) as the field name tstats groups by; the name unchanged when it is not one.
 */
export function prefixByField(name: string): string {
  const m = /^prefix\((.*)\)$/is.exec(name);
  if (!m) return name;
  const inner = (m[1] ?? "").trim();
  const text = /^"(.*)"$/s.test(inner) ? inner.slice(1, -1).replace(/\\(["\\])/g, "$1") : inner;
  return `${PREFIX_MARK}${text})`;
}

/**
 * The group key of a BY PREFIX(): the first segment of the event that starts with the prefix (an
 * event holds each key once in practice); events without one have no value (left out, or
 * fillnull_value).
 */
function prefixKey(store: EventStore, prefix: string, rows: readonly number[]): NumericKey {
  const values = prefixReader(store, prefix.toLowerCase(), rows);
  const ids = new Map<string, number>();
  const texts: string[] = [""];
  return {
    key: (i) => {
      const v = values(i)[0];
      if (v === undefined) return NULL_ID;
      const s = String(v);
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = texts.push(s) - 1));
      return id;
    },
    atoms: (id) => (id === NULL_ID ? [] : [texts[id] as string]),
  };
}

/**
 * `fn(PREFIX(text)) [AS name]` as an aggregate spec; undefined when the positional is not of that
 * form, null (reported) when it is malformed.
 */
export function prefixSpec(p: Extract<CommandArg, { kind: "positional" }>, ctx: CheckContext): AggregateSpec | null | undefined {
  const v = p.value;
  const inner = v.kind === "call" ? v.args[0] : undefined;
  if (v.kind !== "call" || inner?.kind !== "call" || inner.name.toLowerCase() !== "prefix") return undefined;
  const arg = inner.args[0];
  if (inner.args.length !== 1 || !arg || (arg.kind !== "word" && arg.kind !== "string") || arg.text === "") {
    ctx.report(diag("bad-argument", { command: "tstats", message: "PREFIX() takes the text before the values, e.g. PREFIX(\"kbps=\")" }, inner.span));
    return null;
  }
  const fn = v.name.toLowerCase();
  return { fn, field: `${PREFIX_MARK}${arg.text})`, as: p.alias?.name ?? `${v.name}(PREFIX(${arg.text}))`, span: p.span };
}

/** Major breakers: what separates the raw segments PREFIX() looks at (segmenters.conf defaults). */
const MAJOR = /[\s\[\]<>(){}|!;,'"]+/;

function prefixReader(store: EventStore, prefix: string, rows: readonly number[]): (i: number) => readonly Atom[] {
  return (i) => {
    const raw = store.value(rows[i] as number, "_raw");
    if (typeof raw !== "string") return [];
    const out: string[] = [];
    for (const seg of raw.split(MAJOR)) {
      if (seg.length > prefix.length && seg.slice(0, prefix.length).toLowerCase() === prefix) out.push(seg.slice(prefix.length));
    }
    return out;
  };
}
