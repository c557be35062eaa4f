/**
 * `transaction [<field>...] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=]
 * [keepevicted=] [mvlist=]` (transaction reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/transaction):
 * groups events into transactions: "Transactions are made up of the raw text (the _raw field) of
 * each member, the time and date fields of the earliest member, as well as the union of all other
 * fields of each member", plus `duration` ("the difference between the timestamps for the first
 * and last events") and `eventcount`. Events with different values of the field list never share
 * a transaction. maxspan/maxpause default to no limit, maxevents to 1000. With mvlist=false (the
 * default) a field's values are "a set of unique field values ordered alphabetically"; with
 * mvlist=true the list of the members' values in arrival order. A transaction that does not
 * begin with a startswith event or end with an endswith event is evicted (dropped unless
 * keepevicted=true, which adds closed_txn=0/1).
 * Model (the reference describes constraints, not the algorithm): events are taken oldest first;
 * per field-value combination one transaction is open; an event starts a new one when it matches
 * startswith or would break maxspan/maxpause/maxevents; an endswith event closes it. Events
 * missing a field of the list are left out (connected= is accepted, not modelled). _raw joins
 * the members' _raw with newlines, oldest first. Transactions come out newest first, like events.
 */
import type { TransactionCommand, TxnFilter } from "../ast/commands-combine.js";
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { compareLexical, mv, toList, toNumber, toText, type Atom, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { compileTxnFilter, readTxnFilter } from "./combine-txn-filter.js";
import { parseSpan } from "./span.js";
import type { CheckContext, CommandDef } from "./types.js";
import type { CommandNode } from "../ast/nodes.js";

const OPTIONS = [
  "maxspan", "maxpause", "maxevents", "startswith", "endswith", "keepevicted", "mvlist", "connected",
  "fields", "unifyends", "maxopentxn", "maxopenevents", "mvraw", "delim", "nullstr",
];

export const transaction: CommandDef<"transaction"> = {
  kind: "transaction",
  summary: "Groups events that share field values into transactions with duration and eventcount.",
  usage: "transaction [<field>...] [maxspan=<time>] [maxpause=<time>] [maxevents=<int>] [startswith=<filter>] [endswith=<filter>] [keepevicted=<bool>] [mvlist=<bool>]",
  examples: [
    '| makeresults count=3 | eval user="bob" | transaction user maxspan=5m',
    '| makeresults | eval user="bob", action="login" | transaction user startswith=(action="login")',
  ],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, OPTIONS, ctx);
    const fields: string[] = [];
    for (const p of argsOf(node, "positional")) {
      const t = textOf(p.value, node, ctx, "a field name");
      if (t !== null) fields.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
    }
    const fieldsOpt = opts.get("fields");
    const listed = fieldsOpt ? textOf(fieldsOpt.value, node, ctx, "a field list") : null;
    if (listed) fields.push(...listed.split(/[\s,]+/).filter(Boolean));
    const filter = (key: string): TxnFilter | undefined => {
      const o = opts.get(key);
      return o ? readTxnFilter(o.value, node, ctx) ?? undefined : undefined;
    };
    const startswith = filter("startswith");
    const endswith = filter("endswith");
    const maxspan = duration(opts.get("maxspan")?.value, node, ctx);
    const maxpause = duration(opts.get("maxpause")?.value, node, ctx);
    const meOpt = opts.get("maxevents");
    const meText = meOpt ? textOf(meOpt.value, node, ctx, "an integer") : null;
    const maxevents = meText === null ? 1000 : Number(meText);
    if (meOpt && !/^-?\d+$/.test(meText ?? "")) ctx.report(diag("bad-argument", { command: "transaction", message: "maxevents must be an integer" }, meOpt.value.span));
    return {
      kind: "transaction", fields, maxevents,
      ...(maxspan !== undefined ? { maxspan } : {}),
      ...(maxpause !== undefined ? { maxpause } : {}),
      ...(startswith ? { startswith } : {}),
      ...(endswith ? { endswith } : {}),
      keepevicted: boolOption(opts.get("keepevicted"), node, ctx, false),
      mvlist: boolOption(opts.get("mvlist"), node, ctx, false),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => {
      const starts = cmd.startswith ? compileTxnFilter(cmd.startswith, input, ctx.fn) : null;
      const ends = cmd.endswith ? compileTxnFilter(cmd.endswith, input, ctx.fn) : null;
      const txns = group(input, cmd, starts, ends);
      // Rendering merges every member's values per field; for many members that is the long part.
      ctx.budget.check(cmd.span);
      return render(input, txns, cmd);
    };
  },
};

/** `maxspan=5m`; `-1` or absent = no limit. */
function duration(v: Parameters<typeof textOf>[0] | undefined, node: CommandNode, ctx: CheckContext): number | undefined {
  if (!v) return undefined;
  const t = textOf(v, node, ctx, "a time span");
  if (t === null || t.startsWith("-")) return undefined;
  const s = parseSpan(t);
  if (s === null) ctx.report(diag("bad-argument", { command: "transaction", message: `bad time span "${t}"` }, v.span));
  return s ?? undefined;
}

interface Txn {
  readonly rows: number[];
  closed: boolean;
}

function group(t: Table, cmd: TransactionCommand, starts: ((r: number) => boolean) | null, ends: ((r: number) => boolean) | null): Txn[] {
  const time = (r: number) => toNumber(t.get("_time", r));
  const order = Array.from({ length: t.length }, (_, i) => i).sort((a, b) => (time(a) || 0) - (time(b) || 0) || a - b);
  const open = new Map<string, Txn>();
  const done: Txn[] = [];
  const finish = (key: string) => {
    const txn = open.get(key);
    if (!txn) return;
    open.delete(key);
    const first = txn.rows[0] as number;
    const last = txn.rows[txn.rows.length - 1] as number;
    txn.closed = (!starts || starts(first)) && (!ends || ends(last));
    if (txn.closed || cmd.keepevicted) done.push(txn);
  };
  for (const r of order) {
    const key = keyOf(t, cmd.fields, r);
    if (key === null) continue;
    const cur = open.get(key);
    if (cur) {
      const first = cur.rows[0] as number;
      const prev = cur.rows[cur.rows.length - 1] as number;
      const tooLong = cmd.maxspan !== undefined && time(r) - time(first) > cmd.maxspan;
      const tooQuiet = cmd.maxpause !== undefined && time(r) - time(prev) > cmd.maxpause;
      const full = cmd.maxevents >= 0 && cur.rows.length >= cmd.maxevents;
      if (tooLong || tooQuiet || full || (starts && starts(r))) finish(key);
    }
    const txn = open.get(key);
    if (txn) txn.rows.push(r);
    else if (!starts || starts(r) || cmd.keepevicted) open.set(key, { rows: [r], closed: false });
    else continue;
    if (ends && ends(r)) finish(key);
  }
  for (const key of [...open.keys()]) finish(key);
  return done;
}

function keyOf(t: Table, fields: readonly string[], r: number): string | null {
  const parts: string[] = [];
  for (const f of fields) {
    const v = t.get(f, r);
    if (v === null) return null;
    parts.push(toList(v).map((x) => toText(x) ?? "").join("\u0001"));
  }
  return parts.join("\u0000");
}

function render(t: Table, txns: Txn[], cmd: TransactionCommand): Table {
  const time = (r: number) => toNumber(t.get("_time", r));
  const sorted = [...txns].sort((a, b) => (time(b.rows[0] as number) || 0) - (time(a.rows[0] as number) || 0));
  const extra = ["duration", "eventcount", ...(cmd.keepevicted ? ["closed_txn"] : [])];
  const names = [...t.fields.filter((f) => !extra.includes(f)), ...extra];
  const cols = new Map<string, Value[]>(names.map((n) => [n, []]));
  for (const txn of sorted) {
    const first = txn.rows[0] as number;
    const last = txn.rows[txn.rows.length - 1] as number;
    for (const f of t.fields) {
      if (extra.includes(f)) continue;
      const col = cols.get(f) as Value[];
      if (f === "_time") col.push(t.get(f, first));
      else if (f === "_raw") col.push(joinRaw(t, txn.rows));
      else col.push(merge(txn.rows.flatMap((r) => toList(t.get(f, r))), cmd.mvlist));
    }
    // Microsecond rounding: _time differences of sub-second times carry binary noise (3.630000114).
    (cols.get("duration") as Value[]).push(Math.round((time(last) - time(first)) * 1e6) / 1e6 || 0);
    (cols.get("eventcount") as Value[]).push(txn.rows.length);
    if (cmd.keepevicted) (cols.get("closed_txn") as Value[]).push(txn.closed ? 1 : 0);
  }
  return Table.fromColumns(names, cols, sorted.length);
}

function joinRaw(t: Table, rows: readonly number[]): Value {
  const parts = rows.map((r) => toText(t.get("_raw", r))).filter((s): s is string => s !== null);
  return parts.length ? parts.join("\n") : null;
}

/** mvlist=false: distinct values in lexicographic order; true: every value in arrival order. */
function merge(values: Atom[], mvlist: boolean): Value {
  if (mvlist) return mv(values);
  const seen = new Map<string, Atom>();
  for (const v of values) {
    const k = toText(v) ?? "";
    if (!seen.has(k)) seen.set(k, v);
  }
  return mv([...seen.keys()].sort(compareLexical).map((k) => seen.get(k) as Atom));
}
