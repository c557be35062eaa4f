/**
 * `| tstats … from datamodel=M.D [where …] [by … [span=]]` → one ClickHouse query over the
 * dataset's table (sql/README.md "Tables") giving exactly the rows of the in-memory tstats
 * (commands/tstats.ts with executor/grouping.ts):
 * - a BY field with no value drops the row, or takes `fillnull_value`; a multivalue BY field
 *   puts the row in one group per value, duplicates included (ARRAY JOIN over the value
 *   positions, one clause per BY field, so several BY fields give every combination);
 * - `by _time span=s` is `floor(_time / s) * s`, the same IEEE operations as in memory;
 * - rows come back with their BY keys and the first (row, value positions) of each group, and
 *   are put in the grouper's order locally (rows-to-table.ts): compareAtoms per BY value, ties
 *   (`010` and `10`) in the order the groups were first met;
 * - aggregates only where the SQL gives the same value: count, count(f), dc, values, sum (added
 *   in row order, as JavaScript adds), avg (that sum / the count), earliest/latest, earliest_time/latest_time, and
 *   min/max/earliest/latest of `_time`; floats come back as text, so inf and -0 survive JSON.
 * Anything else throws NotPushable (the step stays local).
 */
import type { AggregateSpec, TstatsCommand } from "../ast/commands.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { BASE_FIELDS } from "../datamodels/dataset-fields.js";
import { findDataset, lineage } from "../datamodels/registry.js";
import { bareName } from "../datamodels/scan-dataset.js";
import { formatNumber } from "../values/value.js";
import { compileWhere, NotPushable, sqlNumber, type FieldResolver } from "./compile-where.js";
import { datasetTable, fieldColumns, sqlFloat, sqlString } from "./sql-text.js";
import type { SqlColumn, TableNeed } from "./types.js";

export interface CompiledTstats {
  /** The SELECT list (`expr AS key`); later steps (compile-convert.ts) may add to it. */
  readonly select: readonly string[];
  /** Everything after the SELECT list: `FROM … GROUP BY … SETTINGS …`. */
  readonly tail: string;
  readonly columns: readonly SqlColumn[];
  readonly tables: readonly TableNeed[];
  /**
   * Result columns (by key) that hold one finite number or null per row, with a Float64 SQL
   * expression for it (valid in the SELECT list): what `convert ctime()` can be computed from.
   */
  readonly numbers: ReadonlyMap<string, string>;
}

/** The query text of a compiled tstats, with any columns added after it. */
export function tstatsSql(c: Pick<CompiledTstats, "select" | "tail">): string {
  return `SELECT ${c.select.join(", ")} ${c.tail}`;
}

/** Settings every query needs: numbers parse as Number() parses them (compile-where.ts sqlNumber). */
const SETTINGS = "SETTINGS precise_float_parsing = 1";

export function compileTstats(cmd: TstatsCommand): CompiledTstats {
  if (cmd.datamodel === null) throw new NotPushable("tstats without a datamodel (over the indexes' events) is not pushed yet");
  const ds = findDataset(cmd.datamodel, cmd.nodename);
  if (!ds) throw new NotPushable(`unknown dataset ${cmd.datamodel}`);
  const table = datasetTable(ds.model, ds.name);
  if (!table) throw new NotPushable(`dataset name ${ds.model}.${ds.name} is not a plain identifier`);
  // The fields the in-memory scan can read (DatasetFields.source): the lineage's and the base fields.
  const known = new Set<string>([...lineage(ds).flatMap((d) => d.fields.map((f) => f.name)), ...BASE_FIELDS.filter((f) => f !== "_time")]);
  const bare = bareName(ds);
  const used = new Set<string>();
  const resolve: FieldResolver = (f) => {
    const b = bare(f);
    if (!known.has(b)) return null;
    used.add(b);
    return b;
  };

  const where = cmd.where ? compileWhere(cmd.where, resolve) : null;
  if (new Set(cmd.by).size !== cmd.by.length) throw new NotPushable("a BY field named twice");

  // BY keys: arrays ARRAY JOINed by position (b<i>, i<i>), or the time bucket.
  const inner: string[] = ["_row", "_time"];
  const arrayJoins: string[] = [];
  const keys: string[] = [];
  const firsts: string[] = ["_row"];
  const columns: SqlColumn[] = [];
  const numbers = new Map<string, string>();
  cmd.by.forEach((f, i) => {
    if (f === "_time") {
      const t = cmd.bucketSpan ? `floor(_time / ${sqlFloat(cmd.bucketSpan)}) * ${sqlFloat(cmd.bucketSpan)}` : "_time";
      // `+ 0` is timeKey's: one key for 0 and -0.
      keys.push(`toString(${t} + 0) AS k${i}`);
      numbers.set(`k${i}`, `any(${t} + 0)`);
      columns.push({ name: f, key: `k${i}`, kind: "number", sort: i });
      return;
    }
    const field = resolve(f);
    const values = field === null ? "CAST([] AS Array(String))" : fieldColumns(field).values;
    const list = cmd.fillnull === undefined ? values : `if(empty(${values}), [${sqlString(cmd.fillnull)}], ${values})`;
    inner.push(`${list} AS b${i}`);
    arrayJoins.push(`ARRAY JOIN arrayEnumerate(b${i}) AS i${i}`);
    keys.push(`b${i}[i${i}] AS k${i}`);
    firsts.push(`i${i}`);
    columns.push({ name: f, key: `k${i}`, kind: "string", sort: i });
  });

  const aggs = cmd.aggregates.map((a, j) => aggregate(a, j, resolve, inner));
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
  if (cmd.by.length > 0) {
    select.push(`min(tuple(${firsts.join(", ")})) AS t_first`);
    columns.push({ name: "t_first", key: "t_first", kind: "tuple", hidden: true, sort: cmd.by.length });
  }
  const fields = [...used];
  for (const f of fields) inner.push(fieldColumns(f).values);
  const from = `(SELECT ${unique(inner).join(", ")} FROM ${table}${where ? ` WHERE ${where}` : ""})`;
  const groupBy = cmd.by.length ? ` GROUP BY ${cmd.by.map((_, i) => `k${i}`).join(", ")}` : "";
  const tail = `FROM ${from}${arrayJoins.length ? ` ${arrayJoins.join(" ")}` : ""}${groupBy} ${SETTINGS}`;
  return { select, tail, columns, numbers, tables: [{ kind: "dataset", dataset: `${ds.model}.${ds.name}`, table, fields }] };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

interface CompiledAggregate {
  readonly sql: string;
  readonly column: SqlColumn;
  /** Its value as a Float64 expression, when it is always a finite number or null (CompiledTstats.numbers). */
  readonly number?: string;
}

/** One aggregate over the group's rows (after the BY fan-out, as the grouper feeds them). */
function aggregate(a: AggregateSpec, j: number, resolve: FieldResolver, inner: string[]): CompiledAggregate {
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
  const field = resolve(a.field);
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
    case "earliest": return { sql: `if(countIf(${has}) = 0, NULL, argMinIf(${v}[1], (_time, _row), ${has}))`, column: { name: a.as, key, kind: "string" } };
    case "latest": return { sql: `if(countIf(${has}) = 0, NULL, argMaxIf(${v}[1], (_time, -toInt64(_row)), ${has}))`, column: { name: a.as, key, kind: "string" } };
    case "earliest_time": return num(`if(countIf(${has}) = 0, NULL, toString(minIf(_time, ${has})))`);
    case "latest_time": return num(`if(countIf(${has}) = 0, NULL, toString(maxIf(_time, ${has})))`);
    case "sum":
    case "avg": {
      // numberOf: the finite numbers among the row's values, in order; added row by row from 0
      // (aggregates/moments.ts), avg divided by their count once at the end.
      const nums = `n${j}`;
      inner.push(`arrayFilter(x -> isFinite(x), arrayMap(v -> ifNull(${sqlNumber("v")}, nan), ${v})) AS ${nums}`);
      const ordered = `arrayFlatten(arrayMap(t -> t.2, arraySort(t -> t.1, groupArray((_row, ${nums})))))`;
      const total = `arrayFold((acc, x) -> acc + x, ${ordered}, toFloat64(0))`;
      const value = fn === "sum" ? total : `${total} / sum(length(${nums}))`;
      return num(`if(sum(length(${nums})) = 0, NULL, toString(${value}))`);
    }
    default:
      throw new NotPushable(`${a.as}: ${fn}() is not pushed yet`);
  }
}
