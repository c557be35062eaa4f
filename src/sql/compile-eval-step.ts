/**
 * `| where <expr>` and `| eval f=<expr>, …` after a pushed aggregate, as SQL over its result
 * (compile-eval.ts has the expression semantics). The pushed query is built by ResultQuery: the
 * aggregate's SELECT list grows while the steps only add columns from its aggregates (convert
 * ctime); the first where or eval makes it a subquery, `SELECT * FROM (…) WHERE …` or
 * `SELECT *, <expr> AS ev<n> FROM (…)`, and every later step wraps it again, so a step reads the
 * columns before it by their keys.
 *
 * eval (commands/eval.ts): assignments left to right; a field named like a shown column replaces
 * it in place, a new one goes last (Table.withColumn); a boolean result stores null; a target
 * with `{field}` (a name from data) stays local. where (commands/where.ts): the rows whose value
 * is truthy.
 */
import type { Command } from "../ast/commands.js";
import { checkStoredPrecision, compileValue, readNumber, shownColumn, truthy } from "./compile-eval.js";
import { NotPushable } from "./compile-where.js";
import { settled } from "./compile-eval-functions.js";
import { storedNumber, STORED_TEXT_KEY } from "./compile-eval-precision.js";
import { SETTINGS } from "./compile-group.js";
import type { SqlColumn } from "./types.js";

/** The pushed query of an aggregate and the steps after it. */
export class ResultQuery {
  private readonly select: string[];
  private wrapped: string | null = null;
  private nums: ReadonlyMap<string, string>;

  constructor(select: readonly string[], private readonly tail: string, numbers: ReadonlyMap<string, string>) {
    this.select = [...select];
    this.nums = numbers;
  }

  /**
   * Result columns (by key) holding one finite number or null per row, as a Float64 expression
   * valid in the SELECT list of the query as it is now (convert ctime reads them).
   */
  get numbers(): ReadonlyMap<string, string> {
    return this.nums;
  }

  /** Adds SELECT items (`expr AS key`) written over the aggregate's expressions or `numbers`. */
  add(items: readonly string[]): void {
    if (items.length === 0) return;
    if (this.wrapped === null) this.select.push(...items);
    else this.wrap(`SELECT *, ${items.join(", ")} FROM (${this.wrapped})`);
  }

  /** Adds a SELECT item (`expr AS key`) that reads the columns so far by key. */
  addOver(item: string): void {
    this.wrap(`SELECT *, ${item} FROM (${this.wrapped ?? this.base()})`);
  }

  /**
   * Replaces columns in place (`expr AS key` items over the columns so far, each under a key it
   * already has): later steps, and a presence query, read them under the same keys.
   */
  replace(items: readonly string[]): void {
    if (items.length > 0) this.wrap(`SELECT * REPLACE (${items.join(", ")}) FROM (${this.wrapped ?? this.base()})`);
  }

  /**
   * Joins `right` (a query whose column names differ from these) on `leftKey` = `rightKey`, every
   * column of both sides kept; unmatched rows of a LEFT join read NULL (an empty array) in the
   * right's columns. `numbers`: right columns holding one finite number or null per row.
   */
  join(kind: "INNER" | "LEFT", right: string, leftKey: string, rightKey: string, numbers: readonly string[]): void {
    this.wrap(`SELECT * FROM (${this.wrapped ?? this.base()}) AS jleft ${kind} JOIN (${right}) AS jright ON jleft.${leftKey} = jright.${rightKey} SETTINGS join_use_nulls = 1`);
    this.nums = new Map([...this.nums, ...numbers.map((k): [string, string] => [k, readNumber(k)])]);
  }

  /** Keeps the rows where `cond` (a UInt8 over the columns so far) holds. */
  filter(cond: string): void {
    this.wrap(`SELECT * FROM (${this.wrapped ?? this.base()}) WHERE ${cond}`);
  }

  /** The whole query. */
  sql(): string {
    return this.wrapped === null ? this.base() : `${this.wrapped} ${SETTINGS}`;
  }

  private base(): string {
    return `SELECT ${this.select.join(", ")} ${this.tail}`;
  }

  private wrap(sql: string): void {
    if (this.wrapped === null) {
      // Outside the aggregate query its expressions are gone: its columns are read by key.
      this.nums = new Map([...this.nums.keys()].map((k) => [k, readNumber(k)]));
    }
    this.wrapped = sql;
  }
}

/**
 * `where`/`eval` over the pushed result as the columns after it, the query extended in place;
 * null for any other command. Throws NotPushable when the expression has no exact SQL form.
 */
export function expressionStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, serial: () => number): readonly SqlColumn[] | null {
  if (c.kind === "where") {
    if (c.subsearches?.size) throw new NotPushable("a subsearch in the expression");
    q.filter(truthy(compileValue(c.expr, columns)));
    return columns;
  }
  if (c.kind !== "eval") return null;
  if (c.subsearches?.size) throw new NotPushable("a subsearch in the expression");
  let out = [...columns];
  for (const a of c.assignments) {
    if (/\{[^{}]+\}/.test(a.field)) throw new NotPushable(`eval ${a.field}: a field name from data`);
    checkStoredPrecision(a.expr);
    let col: SqlColumn;
    const src = a.expr.kind === "field" ? shownColumn(out, a.expr.name) : undefined;
    if (src) {
      // A copy: the same cells (values() lists sort the same way again). eval creates its field
      // whether or not the source exists, so the copy is never optional.
      const { sort: _sort, hidden: _hidden, optional: _optional, ...rest } = src;
      col = { ...rest, name: a.field };
    } else {
      const v = settled(compileValue(a.expr, out));
      const key = `ev${serial()}`;
      if (v.ty === "null" || v.ty === "bool") {
        q.addOver(`NULL AS ${key}`);
        col = { name: a.field, key, kind: "string" };
      } else if (v.ty === "num" && v.raw) {
        // Arithmetic of limited precision, stored rounded: decimal text or a number (compile-eval-precision.ts).
        const stored = storedNumber(v);
        const text = `${STORED_TEXT_KEY}${key}`;
        q.addOver(`${stored.text} AS ${text}, toString(${stored.number}) AS ${key}`);
        col = { name: a.field, key: text, kind: "string", fallback: key, storedNumber: true };
      } else if (v.ty === "num") {
        q.addOver(`toString(${v.sql}) AS ${key}`);
        col = { name: a.field, key, kind: "number" };
      } else if (v.ty === "str") {
        q.addOver(`${v.sql} AS ${key}`);
        col = { name: a.field, key, kind: "string" };
      } else {
        // A list built from a values() set in ClickHouse's order has no in-memory order to sort back to.
        if (v.unordered && !v.set) throw new NotPushable(`eval ${a.field}: a list made from a values() set (its order)`);
        q.addOver(`${v.sql} AS ${key}`);
        col = { name: a.field, key, kind: v.set ? "set" : "values" };
      }
    }
    out = assign(out, col);
  }
  return out;
}

/** Table.withColumn: a shown column of that name is replaced in place (its row order kept hidden), else it goes last. */
export function assign(columns: readonly SqlColumn[], col: SqlColumn): SqlColumn[] {
  const out = [...columns];
  const at = out.findIndex((c) => c.name === col.name && !c.hidden);
  if (at < 0) return [...out, col];
  const old = out[at] as SqlColumn;
  out[at] = col;
  if (old.sort !== undefined) out.push({ ...old, name: `${old.key}__order`, hidden: true });
  return out;
}
