/**
 * `| eventstats <aggregate>… [by <field>…]` after a pushed aggregate, as SQL with exactly the
 * in-memory semantics (commands/eventstats.ts): each result row gets the aggregates of its BY group
 * as new fields; a row with a null BY field is in no group and gets none. The aggregates are
 * computed once per group (compile-eventstats-aggregates.ts, the in-memory arithmetic in the
 * in-memory order) by a GROUP BY over the result, joined back to every row on the group's key:
 * linear in the rows, where a window's array of the whole group on every row is quadratic.
 *
 * The group key is byKeys's: per BY field its values' text joined by U+0001, the fields joined by
 * U+0000 (a number's text is one per value, so `toString(x + 0)` groups as JavaScript's text does:
 * -0 with 0, every NaN together). Text holding U+0000, U+0001 (the joins could then meet
 * differently) or U+FFFD (ClickHouse holds a lone surrogate as one) raises the run-time guard.
 *
 * A new field exists in memory only when some row was in a group (ColumnWriter writes it there):
 * the columns are `optional` (shown when some row has a value, optional-fields.ts), and an
 * aggregate that can be null in a group (avg of no number) raises the guard when rows were grouped
 * but none has a value. The rows' order is set locally (rows-to-table.ts), so the join may reorder
 * them; the group reads them in that order as a row number over result-order.ts.
 *
 * Stays local: allnum=, count(eval(…)), wildcard fields, an AS name that is already a field (rows
 * outside a group keep its value) or named twice, a values() list as BY field, aggregates other
 * than those compile-eventstats-aggregates.ts has, and results with no known row order.
 */
import type { Command } from "../ast/commands.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { readNumber, shownColumn } from "./compile-eval.js";
import { fieldInput, groupAggregate, type FieldInput, type GroupAggregate, type GroupInputs } from "./compile-eventstats-aggregates.js";
import { NotPushable } from "./compile-where.js";
import { guarded } from "./guard.js";
import { noteOptionalFields } from "./optional-fields.js";
import { resultOrder } from "./result-order.js";
import { NULL_KEY, sqlString } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

/** The columns after an eventstats, the query extended in place; null for any other command. */
export function eventstatsStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, serial: () => number): readonly SqlColumn[] | null {
  if (c.kind !== "eventstats") return null;
  if (c.allnum) throw new NotPushable("allnum=true");
  const names = new Set<string>();
  for (const a of c.aggregates) {
    if (a.evalExpr) throw new NotPushable(`${a.as}: ${a.fn}(eval(…))`);
    if (a.field?.includes("*")) throw new NotPushable(`${a.as}: a wildcard field (it expands over the fields the rows have)`);
    if (names.has(a.as)) throw new NotPushable(`${a.as} named twice`);
    if (shownColumn(columns, a.as)) throw new NotPushable(`${a.as} is already a field (rows outside a group keep its value)`);
    names.add(a.as);
  }
  // Everything that may refuse comes before the query changes.
  const order = resultOrder(columns);
  if (order === "tuple()") throw new NotPushable("the result's rows have no known order");
  const parts = c.by.map((f) => keyPart(columns, f));
  const fields = [...new Set(c.aggregates.flatMap((a) => (a.field === null ? [] : [a.field])))];
  const inputs = new Map<string, FieldInput>(fields.map((f) => [f, fieldInput(columns, f)]));
  const n = serial();
  const groupInputs = new Map<string, GroupInputs>(fields.map((f, j) => [f, {
    texts: `est${n}_${j}`, xs: `esx${n}_${j}`, nonFinite: `esf${n}_${j}`, kind: (inputs.get(f) as FieldInput).kind,
  }]));
  const aggs = c.aggregates.map((a) => groupAggregate(a, a.field === null ? null : groupInputs.get(a.field) ?? null));
  const outKeys = aggs.map((_, i) => `esv${n}_${i}`);
  const out = c.aggregates.map((a, i): SqlColumn => ({ name: a.as, key: outKeys[i] as string, kind: (aggs[i] as GroupAggregate).kind, optional: true }));
  if (parts.includes(null)) {
    // A BY field the result lacks: no row is in a group, no field is made.
    q.addOver(out.map((o) => `${o.kind === "set" ? "CAST([] AS Array(String))" : "CAST(NULL AS Nullable(String))"} AS ${o.key}`).join(", "));
    return [...columns, ...out];
  }
  const key = `esk${n}`;
  const keySql = parts.length === 0 ? "''" : `if(${parts.map((p) => `isNull(${p})`).join(" OR ")}, NULL, concat(${parts.map((p) => `assumeNotNull(${p})`).join(", '\\x00', ")}))`;
  q.addOver(`CAST(${keySql} AS Nullable(String)) AS ${key}`);
  const matched = `esm${n}`;
  const groups = groupQuery(q.sql(), { key, matched, order, fields, inputs, groupInputs, aggs, outKeys: outKeys.map((k) => `${k}_g`) });
  q.join("LEFT", groups, key, `${key}_g`, []);
  // A field that can be null in a group: grouped rows without any value would hide it.
  const guards = aggs.map((g, i) => {
    const k = outKeys[i] as string;
    const v = `${k}_g`;
    const has = g.kind === "set" ? `notEmpty(${v})` : `isNotNull(${v})`;
    const value = g.mayBeNull ? guarded(`ifNull(max(${matched}) OVER (), 0) = 1 AND (max(${has}) OVER ()) = 0`, v) : v;
    return `${value} AS ${k}`;
  });
  q.addOver(guards.join(", "));
  noteOptionalFields(q, out);
  return [...columns, ...out];
}

/**
 * One row per group: its key (`<key>_g`), `matched` (1) and each aggregate (`<out>_g`), over the
 * rows of the query so far (`inner`) that are in a group, read in the result's order.
 */
function groupQuery(inner: string, s: {
  key: string; matched: string; order: string; fields: readonly string[]; inputs: ReadonlyMap<string, FieldInput>;
  groupInputs: ReadonlyMap<string, GroupInputs>; aggs: readonly GroupAggregate[]; outKeys: readonly string[];
}): string {
  const ord = `${s.key}_o`;
  const rowItems: string[] = [`row_number() OVER (ORDER BY ${s.order}) AS ${ord}`];
  const groupItems: string[] = [];
  s.fields.forEach((f) => {
    const i = s.inputs.get(f) as FieldInput;
    const g = s.groupInputs.get(f) as GroupInputs;
    rowItems.push(`${i.texts} AS ${g.texts}_r`, `${i.numbers} AS ${g.xs}_r`, `${i.nonFinite} AS ${g.nonFinite}_r`);
    groupItems.push(
      `arrayFlatten(groupArray(${g.texts}_r)) AS ${g.texts}`,
      `arrayFlatten(arrayMap(t -> t.2, arraySort(t -> t.1, groupArray((${ord}, ${g.xs}_r))))) AS ${g.xs}`,
      `sum(${g.nonFinite}_r) AS ${g.nonFinite}`,
    );
  });
  // Nullable: a row the join finds no group for reads NULL (an array: empty, null too).
  s.aggs.forEach((a, i) => groupItems.push(`${a.kind === "number" ? `toNullable(${a.sql})` : a.sql} AS ${s.outKeys[i]}`));
  const rows = `SELECT *, ${rowItems.join(", ")} FROM (${inner}) WHERE isNotNull(${s.key})`;
  const groups = `SELECT ${s.key} AS ${s.key}_g, toUInt8(1) AS ${s.matched}, ${groupItems.join(", ")} FROM (${rows}) GROUP BY ${s.key}`;
  // Only the results go to every row (the groups' value arrays stay here).
  return `SELECT ${s.key}_g, ${s.matched}, ${s.outKeys.join(", ")} FROM (${groups})`;
}

const UNSAFE_TEXT = `(position(%, ${sqlString("\u0000")}) > 0 OR position(%, ${sqlString("\u0001")}) > 0 OR position(%, ${sqlString("\ufffd")}) > 0)`;

/** Text that joins into a key as it does in memory (no U+0000 / U+0001) and is JavaScript's (no U+FFFD): else the guard. */
function safeText(v: string): string {
  return guarded(UNSAFE_TEXT.replaceAll("%", v), v);
}

/** A BY field's part of the key (byKeys) as a Nullable(String); null when the result has no such field. */
function keyPart(columns: readonly SqlColumn[], name: string): string | null {
  const c = shownColumn(columns, name);
  if (!c || c.key === NULL_KEY) return null;
  if (c.fallback !== undefined) throw new NotPushable(`by ${name}: it holds a time text or a number (convert ctime)`);
  switch (c.kind) {
    case "string": return `if(isNull(${c.key}), NULL, ${safeText(`assumeNotNull(${c.key})`)})`;
    case "values": return `if(empty(${c.key}), NULL, arrayStringConcat(arrayMap(kv -> ${safeText("kv")}, ${c.key}), '\\x01'))`;
    case "number": {
      const x = readNumber(c.key);
      return `if(isNull(${x}), NULL, toString(assumeNotNull(${x}) + 0))`;
    }
    case "set": throw new NotPushable(`by ${name}: a values() list (its order is sorted only locally)`);
    case "tuple": throw new NotPushable(`by ${name}: an internal column`);
  }
}
