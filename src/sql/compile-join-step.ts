/**
 * `| join [type=inner|outer|left] [max=N] [overwrite=bool] f… [subsearch]` after a pushed
 * aggregate, when the subsearch itself pushes down completely (commands/join.ts joinTables):
 * - the subsearch's rows in its own result order (result-order.ts), the first 50,000 of them (more
 *   sends the search back to memory: memory joins the first 50,000 with a warning); its join key
 *   is dedup's key text (compile-dedup-step.ts keyPart: join.ts keyOf is the same text), a row
 *   missing a join field joins nothing;
 * - per main row the first `max` (0: all) subsearch rows with its key, in their order;
 *   unmatched main rows dropped (inner) or kept (left/outer);
 * - a field both sides have takes the subsearch's value where it has one (overwrite=true) or the
 *   main value where that has one (overwrite=false); the subsearch's other fields go last, in its
 *   order, and exist whatever matched;
 * - the rows come out in the main result's order, then the subsearch's (a hidden row number each).
 * Stays local: usetime, the `left=L right=R where …` form, a subsearch that does not push down
 * completely (or whose fields exist only where a row has a value), a main result with no known
 * order, a field both sides have as different kinds of column (a number and a text).
 */
import type { Command } from "../ast/commands.js";
import type { LogicalPlan } from "../plan/nodes.js";
import { readNumber, shownColumn } from "./compile-eval.js";
import { assign, type ResultQuery } from "./compile-eval-step.js";
import { keyPart } from "./compile-dedup-step.js";
import { NotPushable } from "./compile-where.js";
import { guarded } from "./guard.js";
import { resultOrder } from "./result-order.js";
import { NULL_KEY, sqlInt } from "./sql-text.js";
import type { PushdownReport, SqlColumn, TableNeed } from "./types.js";

/** join.ts JOIN_MAX_SUBSEARCH_ROWS. */
const MAX_SUBSEARCH_ROWS = 50_000;

export interface JoinStepResult {
  readonly columns: readonly SqlColumn[];
  /** The tables the subsearch's SQL reads. */
  readonly tables: readonly TableNeed[];
}

/** The columns after a join, the query extended in place; null for any other command. */
export function joinStep(c: Command, subplan: LogicalPlan | undefined, columns: readonly SqlColumn[], q: ResultQuery, compileSub: (plan: LogicalPlan) => PushdownReport, serial: () => number): JoinStepResult | null {
  if (c.kind !== "join") return null;
  if (!subplan) throw new NotPushable("internal: the join has no subsearch plan");
  if (c.aliases) throw new NotPushable("the left=… right=… where … form");
  if (c.usetime) throw new NotPushable("usetime=true");
  if (!Number.isSafeInteger(c.max) || c.max < 0) throw new NotPushable(`max=${c.max}`);
  const sub = compileSub(subplan);
  const pushed = sub.pushed;
  if (!pushed || sub.stop) throw new NotPushable(`the subsearch stays local (${sub.stop?.reason ?? "nothing pushed"})`);
  if (pushed.presence) throw new NotPushable("the subsearch's fields exist only where a row has a value");
  const subShown = pushed.columns.filter((x) => !x.hidden);
  for (const x of subShown) {
    if (x.optional) throw new NotPushable(`the subsearch's field ${x.name} exists only where a row has a value`);
    if (x.fallback !== undefined) throw new NotPushable(`the subsearch's field ${x.name} holds a time text or a number (convert ctime)`);
    if (x.kind === "tuple") throw new NotPushable(`internal: the subsearch's column ${x.name}`);
  }
  const shown = columns.filter((x) => !x.hidden);
  const fields = c.fields.length > 0 ? c.fields : shown.map((x) => x.name).filter((n) => subShown.some((x) => x.name === n));
  const mainOrder = resultOrder(columns);
  if (mainOrder === "tuple()") throw new NotPushable("the main result has no known row order");
  // Everything that may refuse comes before the query changes.
  const keyOf = (cols: readonly SqlColumn[]) => {
    const parts = fields.map((f) => keyPart(cols, f));
    // No join field at all: every row has the empty key (join.ts keyOf), so all rows match.
    if (parts.length === 0) return "''";
    return parts.includes(null) ? "CAST(NULL AS Nullable(String))" : `concat(${(parts as string[]).join(", '\\x00', ")})`;
  };
  const mainKey = keyOf(columns);
  const subKey = keyOf(pushed.columns);
  const n = serial();
  const p = `j${n}_`;
  // A column no row has (NULL_KEY, a renamed missing field) is named by no SQL: read as null.
  const own = (x: SqlColumn): SqlColumn => (x.key === NULL_KEY ? x : { ...x, key: p + x.key });
  const merged = shown.flatMap((m): { m: SqlColumn; s: SqlColumn; value: { sql: string; kind: SqlColumn["kind"] } | null }[] => {
    const s = shownColumn(pushed.columns, m.name);
    if (!s || s.key === NULL_KEY) return [];
    if (m.key === NULL_KEY) return [{ m, value: null, s: own(s) }];
    return [{ m, s: own(s), value: mergeValue(m, own(s), c.overwrite) }];
  });
  const subOrder = resultOrder(pushed.columns);

  const sel = subShown.filter((x) => x.key !== NULL_KEY).map((x) => `${x.key} AS ${p}${x.key}`);
  const ranked = `SELECT ${sel.join(", ")}, ${subKey} AS ${p}key, row_number() OVER (ORDER BY ${subOrder}) AS ${p}rank, count() OVER () AS ${p}rows FROM (${pushed.sql})`;
  const kept = `${guarded(`${p}rows > ${MAX_SUBSEARCH_ROWS}`, `${p}rank <= ${MAX_SUBSEARCH_ROWS}`)} AND isNotNull(${p}key)`;
  const perKey = `SELECT *, row_number() OVER (PARTITION BY ${p}key ORDER BY ${p}rank) AS ${p}nth FROM (SELECT * FROM (${ranked}) WHERE ${kept})`;
  const right = c.max > 0 ? `SELECT * FROM (${perKey}) WHERE ${p}nth <= ${sqlInt(c.max)}` : perKey;
  q.addOver(`row_number() OVER (ORDER BY ${mainOrder}) AS ${p}main`);
  q.addOver(`${mainKey} AS ${p}mkey`);
  const subNumbers = (pushed.numbers ?? []).filter((k) => subShown.some((x) => x.key === k)).map((k) => p + k);
  q.join(c.type === "left" ? "LEFT" : "INNER", right, `${p}mkey`, `${p}key`, subNumbers);

  let out: SqlColumn[] = columns.map((x) => {
    const { sort: _sort, ...rest } = x;
    return rest;
  });
  for (const { m, s, value } of merged) {
    if (value === null) {
      // The main field has no value anywhere: the subsearch's, where it has one.
      out = assign(out, { name: m.name, key: s.key, kind: s.kind });
      continue;
    }
    const key = `${p}v${m.key}`;
    q.addOver(`${value.sql} AS ${key}`);
    out = assign(out, { name: m.name, key, kind: value.kind });
  }
  for (const s of subShown) {
    if (!shownColumn(columns, s.name)) out.push({ name: s.name, key: own(s).key, kind: s.kind });
  }
  out.push({ name: `${p}main__order`, key: `${p}main`, kind: "number", hidden: true, sort: 0 });
  out.push({ name: `${p}rank__order`, key: `${p}rank`, kind: "number", hidden: true, sort: 1 });
  return { columns: out, tables: pushed.tables };
}

/**
 * A field both sides have: joinTables takes the subsearch's value where it has one
 * (overwrite) or where the main row has none. Lists of different kinds mix as lists.
 */
function mergeValue(m: SqlColumn, s: SqlColumn, overwrite: boolean): { sql: string; kind: SqlColumn["kind"] } {
  const [first, second] = overwrite ? [s, m] : [m, s];
  if (m.fallback !== undefined) throw new NotPushable(`${m.name} holds a time text or a number (convert ctime)`);
  if (m.kind === "number" || s.kind === "number") {
    if (m.kind !== s.kind) throw new NotPushable(`${m.name} is a number on one side and text on the other`);
    return { sql: `if(isNotNull(${readNumber(first.key)}), ${readNumber(first.key)}, ${readNumber(second.key)})`, kind: "number" };
  }
  if (m.kind === "string" && s.kind === "string") return { sql: `coalesce(${first.key}, ${second.key})`, kind: "string" };
  if (m.kind === "set" && s.kind === "set") return { sql: `if(notEmpty(${first.key}), ${first.key}, ${second.key})`, kind: "set" };
  if (m.kind === "set" || s.kind === "set") throw new NotPushable(`${m.name} is a values() set on one side only (its order)`);
  if (m.kind === "tuple" || s.kind === "tuple") throw new NotPushable(`internal: ${m.name}`);
  const list = (x: SqlColumn) => (x.kind === "string" ? `if(isNull(${x.key}), CAST([] AS Array(String)), [assumeNotNull(${x.key})])` : x.key);
  return { sql: `if(notEmpty(${list(first)}), ${list(first)}, ${list(second)})`, kind: "values" };
}
