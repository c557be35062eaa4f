/**
 * `transaction [<field>...] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=]
 * [connected=] [unifyends=] [keepevicted=] [maxopentxn=] [maxopenevents=] [mvlist=] [mvraw=]
 * [delim=] [nullstr=]` (transaction reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/transaction):
 * groups events into transactions: "Transactions are made up of the raw text (the _raw field) of
 * each member, the time and date fields of the earliest member, as well as the union of all other
 * fields of each member", plus `duration` ("the difference between the timestamps for the first
 * and last events") and `eventcount`. maxspan/maxpause default to no limit (negative: none),
 * maxevents to 1000. How events are grouped is in transaction-group.ts.
 *  - connected (default true) and unifyends ("The default value for this argument is the same as
 *    the connected argument"): transaction-group.ts.
 *  - maxopentxn / maxopenevents: the open pool's limits, "using LRU policy"; their defaults are
 *    limits.conf `[transactions]` maxopentxn = 5000 and maxopenevents = 100000.
 *  - keepevicted: evicted transactions (never reached startswith/endswith, or pushed out of the
 *    pool) are output only when true, with closed_txn=0 (closed ones 1).
 *  - mvlist: false renders each field as "a set of unique field values ordered alphabetically",
 *    true "a list of the original events ordered in arrival order", a field list renders those
 *    fields as lists. nullstr (default NULL) stands for a member without the field in a list.
 *  - mvraw=true makes `_raw` a multivalue field of the members' raw texts; otherwise it is one text,
 *    "Each event in a transaction starts on a new line". delim (default a space) separates the
 *    values of the single value version of the multivalue fields, which `nomv` right after shows
 *    (single-value.ts), as for mvcombine.
 * `name=` (transactiontypes.conf) and `keeporphans=` are reported as not supported (no
 * configuration files; orphans are not modelled).
 * Transactions come out newest first, like events.
 */
import type { TxnFilter } from "../ast/commands-combine.js";
import type { ArgValue, CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf, type OptionArg } from "./args.js";
import { compileTxnFilter, readTxnFilter } from "./combine-txn-filter.js";
import { keepSingleValueDelim } from "./single-value.js";
import { parseSpan } from "./span.js";
import { group, render } from "./transaction-group.js";
import type { CheckContext, CommandDef } from "./types.js";

const OPTIONS = [
  "maxspan", "maxpause", "maxevents", "startswith", "endswith", "keepevicted", "mvlist", "connected",
  "fields", "unifyends", "maxopentxn", "maxopenevents", "mvraw", "delim", "nullstr",
];

/** limits.conf [transactions] defaults. */
const MAXOPENTXN = 5000;
const MAXOPENEVENTS = 100_000;

/** Events of users a/b at t=1..4: a, b, a, b (with _raw "e1".."e4", action end on the last two). */
const EV = '| makeresults format=csv data="_time,u,h,action,_raw\n1,a,x,go,e1\n2,b,x,go,e2\n3,a,,end,e3\n4,b,y,end,e4"';

/** Event 1 has only u, event 2 only h (the second an end event): connected decides whether they meet. */
const CON = '| makeresults format=csv data="_time,u,h,action\n1,a,,go\n2,,x,end"';

export const transaction: CommandDef<"transaction"> = {
  kind: "transaction",
  summary: "Groups events that share field values into transactions with duration and eventcount.",
  usage: "transaction [<field>...] [maxspan=<time>] [maxpause=<time>] [maxevents=<int>] [startswith=<filter>] [endswith=<filter>] [connected=<bool>] [unifyends=<bool>] [keepevicted=<bool>] [maxopentxn=<int>] [maxopenevents=<int>] [mvlist=<bool>|<fields>] [mvraw=<bool>] [delim=<string>] [nullstr=<string>]",
  examples: [
    '| makeresults count=3 | eval user="bob" | transaction user maxspan=5m',
    '| makeresults | eval user="bob", action="login" | transaction user startswith=(action="login")',
  ],
  options: {
    maxspan: { query: `${EV} | transaction u maxspan=1s | table _time eventcount`, baseline: `${EV} | transaction u | table _time eventcount` },
    maxpause: { query: `${EV} | transaction u maxpause=1s | table _time eventcount`, baseline: `${EV} | transaction u | table _time eventcount` },
    maxevents: { query: `${EV} | transaction u maxevents=1 | table _time eventcount`, baseline: `${EV} | transaction u | table _time eventcount` },
    startswith: { query: `${EV} | transaction u startswith=(action=end) | table _time eventcount`, baseline: `${EV} | transaction u | table _time eventcount` },
    endswith: { query: `${EV} | transaction u endswith=(action=go) | table _time eventcount`, baseline: `${EV} | transaction u | table _time eventcount` },
    keepevicted: { query: `${EV} | transaction u endswith=(action=go) keepevicted=true | table _time eventcount`, baseline: `${EV} | transaction u endswith=(action=go) | table _time eventcount` },
    mvlist: { query: `${EV} | transaction u mvlist=true | table _time action`, baseline: `${EV} | transaction u | table _time action` },
    connected: { query: `${CON} | transaction u h connected=false | table _time eventcount`, baseline: `${CON} | transaction u h | table _time eventcount` },
    fields: { query: `${EV} | transaction fields="u" | table _time eventcount`, baseline: `${EV} | transaction | table _time eventcount` },
    unifyends: { query: `${CON} | transaction u h connected=false unifyends=true endswith=(action=end) | table _time eventcount`, baseline: `${CON} | transaction u h connected=false endswith=(action=end) | table _time eventcount` },
    maxopentxn: { query: `${EV} | transaction u maxopentxn=1 | table _time eventcount`, baseline: `${EV} | transaction u | table _time eventcount` },
    maxopenevents: { query: `${EV} | transaction u maxopenevents=1 | table _time eventcount`, baseline: `${EV} | transaction u | table _time eventcount` },
    mvraw: { query: `${EV} | transaction u mvraw=true | table _time _raw`, baseline: `${EV} | transaction u | table _time _raw` },
    delim: { query: `${EV} | transaction u delim="," | nomv action | table _time action`, baseline: `${EV} | transaction u | nomv action | table _time action` },
    nullstr: { query: `${EV} | transaction u mvlist=true nullstr="-" | table _time h`, baseline: `${EV} | transaction u mvlist=true | table _time h` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, OPTIONS, ctx, {
      name: "it names a transactiontypes.conf stanza, and minispl reads no configuration files",
      keeporphans: "results outside every transaction are not kept (not modelled)",
    });
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
    const connected = boolOption(opts.get("connected"), node, ctx, true);
    const text = (key: string, dflt: string) => {
      const o = opts.get(key);
      return (o ? textOf(o.value, node, ctx, "a string") : null) ?? dflt;
    };
    return {
      kind: "transaction", fields,
      maxevents: int(opts.get("maxevents"), node, ctx, 1000, true),
      ...(maxspan !== undefined ? { maxspan } : {}),
      ...(maxpause !== undefined ? { maxpause } : {}),
      ...(startswith ? { startswith } : {}),
      ...(endswith ? { endswith } : {}),
      keepevicted: boolOption(opts.get("keepevicted"), node, ctx, false),
      mvlist: mvlist(opts.get("mvlist"), node, ctx),
      connected,
      unifyends: boolOption(opts.get("unifyends"), node, ctx, connected),
      maxopentxn: int(opts.get("maxopentxn"), node, ctx, MAXOPENTXN, false),
      maxopenevents: int(opts.get("maxopenevents"), node, ctx, MAXOPENEVENTS, false),
      mvraw: boolOption(opts.get("mvraw"), node, ctx, false),
      delim: text("delim", " "),
      nullstr: text("nullstr", "NULL"),
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
      return keepSingleValueDelim(render(input, txns, cmd), () => cmd.delim);
    };
  },
};

/** `maxspan=5m`; `-1` or absent = no limit. */
function duration(v: ArgValue | undefined, node: CommandNode, ctx: CheckContext): number | undefined {
  if (!v) return undefined;
  const t = textOf(v, node, ctx, "a time span");
  if (t === null || t.startsWith("-")) return undefined;
  const s = parseSpan(t);
  if (s === null) ctx.report(diag("bad-argument", { command: "transaction", message: `bad time span "${t}"` }, v.span));
  return s ?? undefined;
}

/** An integer option; a negative one (where allowed) means no limit. */
function int(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext, dflt: number, negative: boolean): number {
  if (!o) return dflt;
  const t = textOf(o.value, node, ctx, "an integer");
  if (t !== null && (negative ? /^-?\d+$/ : /^\d+$/).test(t) && (negative || Number(t) > 0)) return Number(t);
  ctx.report(diag("bad-argument", { command: "transaction", message: `${o.key} must be ${negative ? "an integer" : "a positive integer"}` }, o.value.span));
  return dflt;
}

/** mvlist=true|false, or the fields to render as lists. */
function mvlist(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext): boolean | string[] {
  if (!o) return false;
  const t = textOf(o.value, node, ctx, "true, false or a field list");
  if (t === null) return false;
  const b = t.toLowerCase();
  if (["true", "t", "1"].includes(b)) return true;
  if (["false", "f", "0"].includes(b)) return false;
  return t.split(/[\s,]+/).filter(Boolean);
}
