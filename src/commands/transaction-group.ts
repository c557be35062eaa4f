/**
 * transaction's grouping and rendering (transaction.ts has the options and the page citations).
 *
 * Grouping: events are taken oldest first (the reference has Splunk read them newest first and
 * requires that order; minispl orders them itself). An event joins an open transaction when no
 * field of the list has a different value in it and, with connected=true, at least one of the
 * event's fields of the list already has its value there ("If an event contains fields required
 * by the transaction, but none of these fields have been instantiated in the transaction …, this
 * opens a new transaction (connected=true) or adds the event to the transaction
 * (connected=false)"): so `transaction host cookie` groups "event=1 host=a / event=2 host=a
 * cookie=b / event=3 cookie=b", the page's own example. With unifyends=true a startswith/endswith
 * event joins only by a shared value. Of several open transactions that fit, the one used last
 * wins. An event with none of the fields joins nothing. A startswith event, or one that would
 * break maxspan/maxpause/maxevents, closes the transaction it fits and starts a new one; an
 * endswith event closes it after joining. The open pool is held to maxopentxn transactions and
 * maxopenevents events by evicting the least recently used ("using LRU policy"); an evicted
 * transaction is output only with keepevicted=true, with closed_txn=0.
 */
import type { TransactionCommand } from "../ast/commands-combine.js";
import { Table } from "../table/table.js";
import { compareLexical, mv, toList, toNumber, toText, type Atom, type Value } from "../values/value.js";

export interface Txn {
  readonly rows: number[];
  /** The field-list values seen, per field (text of each value). */
  readonly seen: Map<string, Set<string>>;
  closed: boolean;
  /** Last use: picks the most recent of several transactions that fit. */
  used: number;
}

type Pred = ((r: number) => boolean) | null;

export function group(t: Table, cmd: TransactionCommand, starts: Pred, ends: Pred): Txn[] {
  const time = (r: number) => toNumber(t.get("_time", r));
  const order = Array.from({ length: t.length }, (_, i) => i).sort((a, b) => (time(a) || 0) - (time(b) || 0) || a - b);
  /** In order of last use, least recent first (LRU eviction takes the first). */
  const open = new Map<Txn, true>();
  /** Open transactions by `field\0value` (candidates that share a value). */
  const index = new Map<string, Set<Txn>>();
  const done: Txn[] = [];
  let clock = 0;
  let openEvents = 0;
  const finish = (txn: Txn, evicted: boolean) => {
    if (!open.delete(txn)) return;
    openEvents -= txn.rows.length;
    for (const [f, vals] of txn.seen) for (const v of vals) index.get(`${f}\u0000${v}`)?.delete(txn);
    const first = txn.rows[0] as number;
    const last = txn.rows[txn.rows.length - 1] as number;
    txn.closed = !evicted && (!starts || starts(first)) && (!ends || ends(last));
    if (txn.closed || cmd.keepevicted) done.push(txn);
  };
  const add = (txn: Txn, r: number, vals: ReadonlyMap<string, string>) => {
    txn.rows.push(r);
    txn.used = ++clock;
    open.delete(txn);
    open.set(txn, true);
    openEvents++;
    for (const [f, v] of vals) {
      let set = txn.seen.get(f);
      if (!set) txn.seen.set(f, (set = new Set()));
      if (set.has(v)) continue;
      set.add(v);
      const key = `${f}\u0000${v}`;
      let s = index.get(key);
      if (!s) index.set(key, (s = new Set()));
      s.add(txn);
    }
  };
  const evictTo = (txns: number, events: number) => {
    while (open.size > txns || openEvents > events) {
      const lru = open.keys().next().value;
      if (!lru) return;
      finish(lru, true);
    }
  };
  for (const r of order) {
    const vals = fieldValues(t, cmd.fields, r);
    if (vals === null) continue;
    const boundary = (starts !== null && starts(r)) || (ends !== null && ends(r));
    const mustShare = cmd.fields.length > 0 && (cmd.connected || (cmd.unifyends && boundary));
    const cur = pick(open, index, vals, mustShare);
    if (cur) {
      const first = cur.rows[0] as number;
      const prev = cur.rows[cur.rows.length - 1] as number;
      const tooLong = cmd.maxspan !== undefined && time(r) - time(first) > cmd.maxspan;
      const tooQuiet = cmd.maxpause !== undefined && time(r) - time(prev) > cmd.maxpause;
      const full = cmd.maxevents >= 0 && cur.rows.length >= cmd.maxevents;
      if (tooLong || tooQuiet || full || (starts && starts(r))) finish(cur, false);
    }
    let txn = cur && open.has(cur) ? cur : null;
    if (!txn) {
      if (starts && !starts(r) && !cmd.keepevicted) continue;
      txn = { rows: [], seen: new Map(), closed: false, used: 0 };
      open.set(txn, true);
    }
    add(txn, r, vals);
    if (ends && ends(r)) finish(txn, false);
    else evictTo(cmd.maxopentxn, cmd.maxopenevents);
  }
  for (const txn of [...open.keys()]) finish(txn, false);
  return done;
}

/** The event's values of the field list (text, multivalues joined); null when it has none of them. */
function fieldValues(t: Table, fields: readonly string[], r: number): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const f of fields) {
    const v = t.get(f, r);
    if (v !== null) out.set(f, toList(v).map((x) => toText(x) ?? "").join("\u0001"));
  }
  return fields.length > 0 && out.size === 0 ? null : out;
}

/** The open transaction the event fits, most recently used first; null when none does. */
function pick(open: ReadonlyMap<Txn, true>, index: ReadonlyMap<string, ReadonlySet<Txn>>, vals: ReadonlyMap<string, string>, mustShare: boolean): Txn | null {
  let best: Txn | null = null;
  const consider = (x: Txn) => {
    if ((!best || x.used > best.used) && fits(x, vals)) best = x;
  };
  if (mustShare) {
    for (const [f, v] of vals) for (const x of index.get(`${f}\u0000${v}`) ?? []) consider(x);
  } else {
    for (const x of open.keys()) consider(x);
  }
  return best;
}

/** No field of the event has a different value in the transaction. */
function fits(txn: Txn, vals: ReadonlyMap<string, string>): boolean {
  for (const [f, v] of vals) {
    const seen = txn.seen.get(f);
    if (seen && !seen.has(v)) return false;
  }
  return true;
}

/** One result per transaction, newest first. */
export function render(t: Table, txns: Txn[], cmd: TransactionCommand): Table {
  const time = (r: number) => toNumber(t.get("_time", r));
  const sorted = [...txns].sort((a, b) => (time(b.rows[0] as number) || 0) - (time(a.rows[0] as number) || 0));
  const extra = ["duration", "eventcount", ...(cmd.keepevicted ? ["closed_txn"] : [])];
  const names = [...t.fields.filter((f) => !extra.includes(f)), ...extra];
  const cols = new Map<string, Value[]>(names.map((n) => [n, []]));
  const asList = (f: string) => (typeof cmd.mvlist === "boolean" ? cmd.mvlist : cmd.mvlist.includes(f));
  for (const txn of sorted) {
    const first = txn.rows[0] as number;
    const last = txn.rows[txn.rows.length - 1] as number;
    for (const f of t.fields) {
      if (extra.includes(f)) continue;
      const col = cols.get(f) as Value[];
      if (f === "_time") col.push(t.get(f, first));
      else if (f === "_raw") col.push(raw(t, txn.rows, cmd.mvraw));
      else col.push(asList(f) ? list(t, f, txn.rows, cmd.nullstr) : set(txn.rows.flatMap((r) => toList(t.get(f, r)))));
    }
    // Microsecond rounding: _time differences of sub-second times carry binary noise (3.630000114).
    (cols.get("duration") as Value[]).push(Math.round((time(last) - time(first)) * 1e6) / 1e6 || 0);
    (cols.get("eventcount") as Value[]).push(txn.rows.length);
    if (cmd.keepevicted) (cols.get("closed_txn") as Value[]).push(txn.closed ? 1 : 0);
  }
  return Table.fromColumns(names, cols, sorted.length);
}

/** The members' _raw, oldest first: one text, a line each, or with mvraw=true a multivalue. */
function raw(t: Table, rows: readonly number[], mvraw: boolean): Value {
  const parts = rows.map((r) => toText(t.get("_raw", r))).filter((s): s is string => s !== null);
  if (parts.length === 0) return null;
  return mvraw ? mv(parts) : parts.join("\n");
}

/** A field rendered as a list: every member's values in arrival order, nullstr for a member without it. */
function list(t: Table, f: string, rows: readonly number[], nullstr: string): Value {
  const out: Atom[] = [];
  let any = false;
  for (const r of rows) {
    const v = t.get(f, r);
    if (v === null) out.push(nullstr);
    else {
      any = true;
      out.push(...toList(v));
    }
  }
  return any ? mv(out) : null;
}

/** A field rendered as a set: distinct values in lexicographic order. */
function set(values: Atom[]): Value {
  const seen = new Map<string, Atom>();
  for (const v of values) {
    const k = toText(v) ?? "";
    if (!seen.has(k)) seen.set(k, v);
  }
  return mv([...seen.keys()].sort(compareLexical).map((k) => seen.get(k) as Atom));
}
