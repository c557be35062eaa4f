/**
 * The grouping both pushed aggregates share (`tstats` over a dataset table, `stats` right after
 * an event search): BY keys, aggregates, the grouper's order and column names, as one
 * `SELECT … FROM (SELECT … FROM <source> WHERE …) ARRAY JOIN … GROUP BY …` with the in-memory
 * grouper's results (executor/grouping.ts, aggregates/):
 * - a BY field with no value drops the row, or takes `fillnull` (tstats' fillnull_value); a
 *   multivalue BY field puts the row in one group per value, duplicates included (ARRAY JOIN over
 *   the value positions, one clause per BY field, so several BY fields give every combination);
 * - `by _time span=s` is `floor(_time / s) * s`, the same IEEE operations as in memory;
 * - rows come back with their BY keys and the first (input position, value positions) of each
 *   group, and are put in the grouper's order locally (rows-to-table.ts): compareAtoms per BY
 *   value, ties (`010` and `10`) in the order the groups were first met;
 * - aggregates only where the SQL gives the same value: count, count(f), dc, values, sum (added
 *   in input order, as JavaScript adds), avg (that sum / the count), earliest/latest,
 *   earliest_time/latest_time, and count/min/max/earliest/latest of `_time`; floats come back as
 *   text, so inf and -0 survive JSON.
 * The input order is the source's `order` column (a dataset's store row; an event search's
 * position newest first). Anything else throws NotPushable (the step stays local).
 */
import type { AggregateSpec } from "../ast/commands.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { formatNumber } from "../values/value.js";
import { NotPushable, sqlNumber, type FieldResolver } from "./compile-where.js";
import { fieldColumns, sqlFloat, sqlString } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

/**
 * Settings every query needs: numbers parse as Number() parses them (compile-where.ts sqlNumber);
 * and the plan keeps each subquery's expressions apart: merged, the per-event steps' chain of
 * subquery columns (row-steps.ts `named`) became one expression graph that ran 66 s and took
 * 7 GB for ESCU's auditd foreach, against 0.14 s and under 1 GB unmerged.
 */
export const SETTINGS = "SETTINGS precise_float_parsing = 1, query_plan_merge_expressions = 0";

/** What is grouped: the aggregate command's BY fields and aggregates. */
export interface GroupSpec {
  readonly by: readonly string[];
  readonly aggregates: readonly AggregateSpec[];
  /** The SQL of `by _time span=…`'s bucket over `_time` (tstats: row-bin.ts timeBucketSql); absent: `_time` itself. */
  readonly timeBucket?: string;
  /** The value a missing BY field takes (tstats `fillnull_value`); undefined drops the row. */
  readonly fillnull?: string;
}

/** The rows grouped: a table (or subquery) with `_row`, `_time` and the fields' columns. */
export interface GroupSource {
  /** Field name → the bare name its columns are under, or null when the source lacks it (null everywhere). */
  readonly resolve: FieldResolver;
  /**
   * A Float64 expression when a field holds a copy of the event's time (`eval t=_time`): its
   * min/max/count are the time's (row-steps.ts). `_time` itself is the source's `_time` column.
   */
  readonly time?: (field: string) => string | null;
  /** The source's boolean filter, already compiled with `resolve`. */
  readonly where: string | null;
  /** The FROM target holding the fields read (`v_<f>`, …), `_row` and `_time`. */
  readonly from: (fields: readonly string[]) => string;
  /** The column that numbers the rows in the order the in-memory grouper meets them. */
  readonly order: string;
  /** Its definition in the filtered subquery when it is computed there (`row_number() OVER …`). */
  readonly orderDef?: string;
  /**
   * Values columns computed in the filtered subquery (after the filter): field key → an
   * Array(String) expression, read as `v_<key>` (an event search's fillnull, compile-events.ts).
   */
  readonly computed?: () => ReadonlyMap<string, string>;
  /** More columns of the source the filtered subquery passes on (an event search's original time). */
  readonly passed?: readonly string[];
}

export interface CompiledGroup {
  /** The SELECT list (`expr AS key`); later steps (compile-convert.ts) may add to it. */
  readonly select: readonly string[];
  /** Everything after the SELECT list: `FROM … GROUP BY … SETTINGS …`. */
  readonly tail: string;
  readonly columns: readonly SqlColumn[];
  /**
   * Result columns (by key) that hold one finite number or null per row, with a Float64 SQL
   * expression for it (valid in the SELECT list): what `convert ctime()` can be computed from.
   */
  readonly numbers: ReadonlyMap<string, string>;
  /** The bare field names the query reads (what the loader must provide). */
  readonly fields: readonly string[];
}

/** The query text of a compiled group, with any columns added after it. */
export function groupSql(c: Pick<CompiledGroup, "select" | "tail">): string {
  return `SELECT ${c.select.join(", ")} ${c.tail}`;
}

/**
 * The fields `spec` and the filter read, through `resolve` (which records them): call before
 * compileGroup's `from` is needed. `resolve` must be the one the filter was compiled with.
 */
export function compileGroup(spec: GroupSpec, src: GroupSource, used: () => readonly string[]): CompiledGroup {
  if (new Set(spec.by).size !== spec.by.length) throw new NotPushable("a BY field named twice");
  const ord = src.order;
  // BY keys: arrays ARRAY JOINed by position (b<i>, i<i>), or the time bucket.
  const inner: string[] = ["_row", "_time"];
  inner.push(...(src.passed ?? []));
  if (src.orderDef) inner.push(src.orderDef);
  else inner.push(ord);
  const arrayJoins: string[] = [];
  const keys: string[] = [];
  const firsts: string[] = [ord];
  const columns: SqlColumn[] = [];
  const numbers = new Map<string, string>();
  spec.by.forEach((f, i) => {
    if (f === "_time") {
      const t = spec.timeBucket ?? "_time";
      // `+ 0` is timeKey's: one key for 0 and -0.
      keys.push(`toString(${t} + 0) AS k${i}`);
      numbers.set(`k${i}`, `any(${t} + 0)`);
      columns.push({ name: f, key: `k${i}`, kind: "number", sort: i });
      return;
    }
    const field = src.resolve(f);
    const values = field === null ? "CAST([] AS Array(String))" : fieldColumns(field).values;
    const list = spec.fillnull === undefined ? values : `if(empty(${values}), [${sqlString(spec.fillnull)}], ${values})`;
    inner.push(`${list} AS b${i}`);
    arrayJoins.push(`ARRAY JOIN arrayEnumerate(b${i}) AS i${i}`);
    keys.push(`b${i}[i${i}] AS k${i}`);
    firsts.push(`i${i}`);
    columns.push({ name: f, key: `k${i}`, kind: "string", sort: i });
  });

  const aggs = spec.aggregates.map((a, j) => aggregate(a, j, src, inner, ord));
  for (const a of aggs) if (a.number) numbers.set(a.column.key, a.number);
  // Grouper.result: BY columns, then each aggregate's name unless a BY column has it; the last
  // column computed under a name is its value.
  for (const a of aggs) {
    const at = columns.findIndex((c) => c.name === a.column.name && !c.hidden);
    if (at < 0) columns.push(a.column);
    else {
      const prev = columns[at] as SqlColumn;
      if (prev.sort !== undefined) columns.push({ ...prev, hidden: true });
      columns[at] = { ...a.column };
    }
  }
  const select = [...keys, ...aggs.map((a) => `${a.sql} AS ${a.column.key}`)];
  if (spec.by.length > 0) {
    select.push(`min(tuple(${firsts.join(", ")})) AS t_first`);
    columns.push({ name: "t_first", key: "t_first", kind: "tuple", hidden: true, sort: spec.by.length });
  }
  const fields = [...used()];
  for (const f of fields) inner.push(fieldColumns(f).values);
  for (const [key, sql] of src.computed?.() ?? []) inner.push(`${sql} AS ${fieldColumns(key).values}`);
  const from = `(SELECT ${unique(inner).join(", ")} FROM ${src.from(fields)}${src.where ? ` WHERE ${src.where}` : ""})`;
  const groupBy = spec.by.length ? ` GROUP BY ${spec.by.map((_, i) => `k${i}`).join(", ")}` : "";
  const tail = `FROM ${from}${arrayJoins.length ? ` ${arrayJoins.join(" ")}` : ""}${groupBy} ${SETTINGS}`;
  return { select, tail, columns, numbers, fields };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

interface CompiledAggregate {
  readonly sql: string;
  readonly column: SqlColumn;
  /** Its value as a Float64 expression, when it is always a finite number or null (CompiledGroup.numbers). */
  readonly number?: string;
}

/** One aggregate over the group's rows (after the BY fan-out, as the grouper feeds them). */
function aggregate(a: AggregateSpec, j: number, src: GroupSource, inner: string[], ord: string): CompiledAggregate {
  const key = `a${j}`;
  const num = (sql: string): CompiledAggregate => ({ sql, column: { name: a.as, key, kind: "number" } });
  if (a.evalExpr) throw new NotPushable(`${a.as}: an eval() argument`);
  const found = lookupAggregate(a.fn);
  if (!found) throw new NotPushable(`unknown aggregate ${a.fn}`);
  const fn = found.def.name;
  if (a.field === null) {
    if (fn === "count") return { ...num("count()"), number: "toFloat64(count())" };
    throw new NotPushable(`${a.as}: ${fn} without a field`);
  }
  if (a.field === "_time") {
    // One value per row, the row's time (finite: the loader refuses others).
    if (fn === "count") return num("count()");
    if (fn === "min" || fn === "earliest" || fn === "earliest_time") return { ...num("toString(min(_time))"), number: "min(_time)" };
    if (fn === "max" || fn === "latest" || fn === "latest_time") return { ...num("toString(max(_time))"), number: "max(_time)" };
    throw new NotPushable(`${a.as}: ${fn}(_time) is not pushed yet`);
  }
  const time = src.time?.(a.field) ?? null;
  if (time !== null) {
    // A copy of the time: a number on every row, as _time is.
    if (fn === "count") return num("count()");
    if (fn === "min") return { ...num(`toString(min(${time}))`), number: `min(${time})` };
    if (fn === "max") return { ...num(`toString(max(${time}))`), number: `max(${time})` };
    throw new NotPushable(`${a.as}: ${fn} of ${a.field}, a copy of the time`);
  }
  const field = src.resolve(a.field);
  if (field === null) {
    // The field is null on every row: the aggregate's value over no values, a constant.
    const v = found.def.result(found.def.init(found.param));
    if (v === null) return { sql: "NULL", column: { name: a.as, key, kind: "string" } };
    if (typeof v === "number") return num(sqlString(formatNumber(v)));
    throw new NotPushable(`${a.as}: ${fn} of a missing field`);
  }
  const v = fieldColumns(field).values;
  const has = `notEmpty(${v})`;
  switch (fn) {
    case "count": return num(`sum(length(${v}))`);
    case "dc": return num(`uniqExactArray(${v})`);
    case "values": return { sql: `groupUniqArrayArray(${v})`, column: { name: a.as, key, kind: "set" } };
    case "earliest": return { sql: `if(countIf(${has}) = 0, NULL, argMinIf(${v}[1], (_time, ${ord}), ${has}))`, column: { name: a.as, key, kind: "string" } };
    case "latest": return { sql: `if(countIf(${has}) = 0, NULL, argMaxIf(${v}[1], (_time, -toInt64(${ord})), ${has}))`, column: { name: a.as, key, kind: "string" } };
    case "earliest_time": return num(`if(countIf(${has}) = 0, NULL, toString(minIf(_time, ${has})))`);
    case "latest_time": return num(`if(countIf(${has}) = 0, NULL, toString(maxIf(_time, ${has})))`);
    case "sum":
    case "avg": {
      // numberOf: the finite numbers among the row's values, in order; added row by row from 0
      // (aggregates/moments.ts), avg divided by their count once at the end.
      const nums = `n${j}`;
      inner.push(`arrayFilter(x -> isFinite(x), arrayMap(v -> ifNull(${sqlNumber("v")}, nan), ${v})) AS ${nums}`);
      const ordered = `arrayFlatten(arrayMap(t -> t.2, arraySort(t -> t.1, groupArray((${ord}, ${nums})))))`;
      const total = `arrayFold((acc, x) -> acc + x, ${ordered}, toFloat64(0))`;
      const value = fn === "sum" ? total : `${total} / sum(length(${nums}))`;
      return num(`if(sum(length(${nums})) = 0, NULL, toString(${value}))`);
    }
    default:
      throw new NotPushable(`${a.as}: ${fn}() is not pushed yet`);
  }
}
