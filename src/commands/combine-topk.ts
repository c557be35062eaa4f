/**
 * Shared by top and rare (top reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/top; rare is its dual):
 * `top|rare [N] [limit=N] [countfield=] [percentfield=] [showcount=] [showperc=] [useother=]
 * [otherstr=] <field>... [by <field>...]`. Each combination of the fields' values is counted
 * (a multivalue field counts once per value); the N most (top) or least (rare) common come out
 * with `count` and `percent`, per BY group. Defaults: limit 10 (0 = all), countfield=count,
 * percentfield=percent, useother=false, otherstr=OTHER.
 * Choices where the reference is silent: results missing one of the fields are not counted and
 * not part of the percentage's total; ties keep the order in which the values first appear; BY
 * groups come out in BY-value order (as stats); percent is printed with six decimals, the form
 * Splunk's tables show (e.g. 33.333333).
 */
import type { TopOptions } from "../ast/commands-combine.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { compareAtoms, toList, type Atom, type Value } from "../values/value.js";
import { argsOf, boolOption, byFields, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { CheckContext } from "./types.js";

const OPTIONS = ["limit", "countfield", "percentfield", "showcount", "showperc", "useother", "otherstr"];

export function readTopOptions(node: CommandNode, ctx: CheckContext): Omit<TopOptions, "span"> | null {
  rejectKinds(node, ["where"], ctx);
  const opts = readOptions(node, OPTIONS, ctx);
  const positionals = argsOf(node, "positional");
  let limit = 10;
  const first = positionals[0]?.value;
  const hasN = first?.kind === "word" && /^\d+$/.test(first.text);
  if (hasN) limit = Number(first.text);
  const limitOpt = opts.get("limit");
  if (limitOpt) limit = intValue(limitOpt.value, node, ctx, "limit") ?? limit;
  const fields: string[] = [];
  for (const p of positionals.slice(hasN ? 1 : 0)) {
    const t = textOf(p.value, node, ctx, "a field name");
    if (t !== null) fields.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
  }
  if (fields.length === 0) {
    ctx.report(diag("bad-argument", { command: node.name, message: "needs at least one field" }, node.nameSpan));
    return null;
  }
  const text = (key: string, dflt: string) => {
    const o = opts.get(key);
    return (o ? textOf(o.value, node, ctx) : null) ?? dflt;
  };
  return {
    fields, limit,
    by: byFields(node).map((b) => b.name),
    countfield: text("countfield", "count"),
    percentfield: text("percentfield", "percent"),
    showcount: boolOption(opts.get("showcount"), node, ctx, true),
    showperc: boolOption(opts.get("showperc"), node, ctx, true),
    useother: boolOption(opts.get("useother"), node, ctx, false),
    otherstr: text("otherstr", "OTHER"),
  };
}

interface Tally {
  readonly values: Atom[];
  count: number;
  readonly seq: number;
}

interface Group {
  readonly by: Atom[];
  readonly tallies: Map<string, Tally>;
  total: number;
}

/** Runs top (most common first) or rare (least common first). */
export function topRare(input: Table, o: TopOptions, mostCommon: boolean): Table {
  const groups = new Map<string, Group>();
  let seq = 0;
  for (let r = 0; r < input.length; r++) {
    const byLists = o.by.map((f) => toList(input.get(f, r)));
    const lists = o.fields.map((f) => toList(input.get(f, r)));
    if (byLists.some((l) => l.length === 0) || lists.some((l) => l.length === 0)) continue;
    for (const byKey of product(byLists)) {
      const gk = byKey.map(String).join("\u0000");
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { by: byKey, tallies: new Map(), total: 0 }));
      g.total++;
      for (const combo of product(lists)) {
        const k = combo.map(String).join("\u0000");
        const t = g.tallies.get(k);
        if (t) t.count++;
        else g.tallies.set(k, { values: combo, count: 1, seq: seq++ });
      }
    }
  }
  const ordered = [...groups.values()].sort((a, b) => compareKeys(a.by, b.by));
  const names = [...o.by, ...o.fields, ...(o.showcount ? [o.countfield] : []), ...(o.showperc ? [o.percentfield] : [])];
  const cols = new Map<string, Value[]>(names.map((n) => [n, []]));
  let length = 0;
  const emit = (g: Group, values: readonly Value[], count: number) => {
    o.by.forEach((f, i) => (cols.get(f) as Value[]).push(g.by[i] ?? null));
    o.fields.forEach((f, i) => (cols.get(f) as Value[]).push(values[i] ?? null));
    if (o.showcount) (cols.get(o.countfield) as Value[]).push(count);
    if (o.showperc) (cols.get(o.percentfield) as Value[]).push(((count / g.total) * 100).toFixed(6));
    length++;
  };
  for (const g of ordered) {
    const tallies = [...g.tallies.values()].sort((a, b) => (mostCommon ? b.count - a.count : a.count - b.count) || a.seq - b.seq);
    const kept = o.limit > 0 ? tallies.slice(0, o.limit) : tallies;
    for (const t of kept) emit(g, t.values, t.count);
    const rest = tallies.slice(kept.length);
    if (o.useother && rest.length > 0) emit(g, o.fields.map(() => o.otherstr), rest.reduce((n, t) => n + t.count, 0));
  }
  return Table.fromColumns(names, cols, length);
}

function product(lists: readonly (readonly Atom[])[]): Atom[][] {
  let out: Atom[][] = [[]];
  for (const l of lists) out = out.flatMap((prefix) => l.map((v) => [...prefix, v]));
  return out;
}

function compareKeys(a: readonly Atom[], b: readonly Atom[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareAtoms(a[i] as Atom, b[i] as Atom);
    if (c !== 0) return c;
  }
  return 0;
}
