/**
 * The per-event steps between an event search and its stats (`rename`, `fillnull`, `eval`,
 * `where`, `search`, `regex`, `rex`, `foreach`, `bin`/`bucket _time span=`), as what each name
 * holds when the stats reads it: a store field's columns, nothing (null), the event's time, or a
 * SQL expression over the events source, plus the filters the `where`s, `search`es and `regex`es
 * add. Resolution is lazy and by substitution, as the in-memory pipeline computes the value row
 * by row: the value of `name` after step k is step k's assignment compiled over the values after
 * step k-1, or the value after step k-1. Filters only drop rows, so all of them join one WHERE.
 * A long computed value becomes a column of its own (`named`): read many times, it is computed once.
 *
 * Semantics kept (each against the in-memory command):
 * - rename (commands/rename.ts renameOne): `rename a AS b` gives b a's values whether or not
 *   either exists, and a is null; pairs apply one after another; a wildcard rename only as the
 *   first step, on the scan's own table (row-rename.ts); `_time` stays local.
 * - fillnull (commands/fillnull.ts): `value=v f…` makes f v wherever it is null; without a list it
 *   fills every field some result has a value in (`max(notEmpty(…)) OVER ()` over the matched
 *   events: so no filter may follow it, the window would see the later filter's rows).
 * - eval (commands/eval.ts): assignments left to right, each seeing the earlier ones; the
 *   expression compiled by compile-eval.ts over the values so far (a store field is the list of
 *   its values; `_time` the number); a boolean stores null; a number is kept for later evals only
 *   (its text, as the stats or a search would read it, is JavaScript's: local); `{field}` targets
 *   and `_time` as a target stay local. A stats `eval()` argument is such an expression.
 * - where: truthy() of the expression (commands/where.ts); search: row-search.ts; regex and rex
 *   (max_match=1): regex-sql.ts, a group keeping the name's value where nothing matched.
 * - foreach (row-foreach.ts): its instances' evals, each applying where its field had a value.
 * - bin/bucket of `_time` (row-bin.ts). The events' order (newest first) is by their original
 *   time (`_time0`), as the scan's.
 */
import type { Command, EvalCommand, RenameCommand, SearchCommand, WhereCommand } from "../ast/commands.js";
import type { ForeachCommand } from "../ast/commands-combine.js";
import type { BinOptions, FillnullCommand, RegexCommand, RexCommand } from "../ast/commands-stream.js";
import type { Expr } from "../ast/nodes.js";
import { fieldsOf } from "../executor/special-forms.js";
import { fieldPattern } from "../executor/wildcard.js";
import { checkStoredPrecision, compileValue, truthy, type RowColumn, type SqlValue } from "./compile-eval.js";
import { settled } from "./compile-eval-functions.js";
import { bind, EMPTY, fresh } from "./compile-eval-value.js";
import { NotPushable } from "./compile-where.js";
import { regexExtractSql, regexMatchSql, type RegexSubject } from "./regex-sql.js";
import { binSql } from "./row-bin.js";
import { foreachInstances } from "./row-foreach.js";
import { checkWildcardRename, wildcardRenameValue } from "./row-rename.js";
import { rowSearch } from "./row-search.js";
import { fieldColumns, sqlString, stringList } from "./sql-text.js";

/** A row step the compiler takes: the commands this file knows. */
export type RowStep = RenameCommand | FillnullCommand | EvalCommand | WhereCommand | SearchCommand | RexCommand | RegexCommand | ForeachCommand | (BinOptions & { readonly kind: "bin" | "bucket" });

/** A foreach instance's eval (row-foreach.ts): it applies on the rows where `field` had a value at step `entry`. */
interface WhenStep {
  readonly kind: "when";
  readonly field: string;
  readonly entry: number;
  readonly eval: EvalCommand;
}

type Step = Exclude<RowStep, ForeachCommand> | WhenStep;

const ROW_KINDS: ReadonlySet<string> = new Set(["rename", "fillnull", "eval", "where", "search", "bin", "bucket", "rex", "regex", "foreach"]);

export function isRowStep(c: Command): c is Command & RowStep {
  return ROW_KINDS.has(c.kind);
}

/** The original time of an event (the events source names it so). */
export const TIME0 = "_time0";

/** What a name holds at a point of the steps. */
export type RowValue =
  /** A store field's values and side columns, under its own name. */
  | { readonly kind: "store"; readonly field: string }
  | { readonly kind: "null" }
  /** The event's time (a Float64 expression): `_time`, or a copy of it. */
  | { readonly kind: "time"; readonly sql: string }
  /** Computed: a string, a list of strings, or (usable by later evals only) a number. */
  | { readonly kind: "expr"; readonly value: SqlValue; readonly window?: boolean };

export interface RowStepsOptions {
  readonly tz: string;
  /**
   * The store's field names in its order (EventStore.fieldNames): what a wildcard rename right
   * after the search matches (the scan's table has `_time`, then those of them some matched event
   * has a value in). Without them a wildcard rename stays local.
   */
  readonly storeFields?: readonly string[];
  /** Marks a store field as read (the loader must provide its table). */
  readonly use: (field: string) => void;
}

export class RowSteps {
  private readonly memo = new Map<string, RowValue>();
  private readonly filterList: string[] = [];
  private readonly aliasList: { readonly item: string; readonly depth: number }[] = [];
  /** Store fields whose presence among the matched events a wildcard rename reads (presenceColumn). */
  private readonly presenceList = new Set<string>();
  /** Index of the first listless fillnull (no filter may follow it), or Infinity. */
  private readonly windowFrom: number;

  private readonly steps: Step[] = [];

  constructor(given: readonly RowStep[], private readonly opts: RowStepsOptions) {
    for (const s of given) {
      // A rename's pairs apply one after another (`rename a AS b, b AS c` moves a to c).
      if (s.kind === "rename") this.steps.push(...s.pairs.map((p) => ({ ...s, pairs: [p] })));
      else if (s.kind === "foreach") this.steps.push(...this.expandForeach(s));
      else this.steps.push(s);
    }
    const steps = this.steps;
    this.windowFrom = steps.findIndex((s) => s.kind === "fillnull" && s.fields.length === 0);
    if (this.windowFrom < 0) this.windowFrom = Infinity;
    steps.forEach((s, k) => this.check(s, k));
  }

  /** The filters of the `where`s and `search`es, each a UInt8 over the events source. */
  get filters(): readonly string[] {
    return this.filterList;
  }

  /** Store fields whose presence column (presenceColumn) the events source must define. */
  get presence(): readonly string[] {
    return [...this.presenceList];
  }

  /** What `name` holds after every step. */
  final(name: string): RowValue {
    return this.at(name, this.steps.length);
  }

  /** The event's time after every step (a bin changes it). */
  time(): string {
    const t = this.final("_time");
    if (t.kind !== "time") throw new Error("internal: _time is always a time");
    return t.sql;
  }

  /** The time (a Float64 expression) a name holds after every step when it is a copy of `_time`; else null. */
  timeOf(name: string): string | null {
    const v = this.final(name);
    return v.kind === "time" ? v.sql : null;
  }

  /** An eval expression (a stats `eval()` argument) over the values after every step, as its values. */
  evalValues(e: Expr, name: string): string {
    const v = settled(this.value(e, (n) => this.final(n)));
    if (v.ty === "null" || v.ty === "bool") return EMPTY;
    return this.valuesOf({ kind: "expr", value: v }, name);
  }

  /** What `name` holds after the first `k` steps. */
  at(name: string, k: number): RowValue {
    const key = `${k}\u0000${name}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const v = this.named(this.compute(name, k));
    this.memo.set(key, v);
    return v;
  }

  /**
   * A computed value under a name of its own, a column of a subquery (`SELECT *, <sql> AS r_<n>
   * FROM (…)`): later steps read the column, so a value read twice by each of many steps (a
   * foreach appending to one field) is computed once, not copied into every reader (ClickHouse
   * expands an alias into each place that names it: ESCU's auditd macro made a tree past its
   * 500,000-node limit that way).
   */
  private named(v: RowValue): RowValue {
    if (v.kind !== "expr" || v.window || v.value.sql.length <= 64) return v;
    const n = this.aliasList.length;
    // A name is read only from an outer SELECT: one level above every name it reads.
    let depth = 0;
    for (const m of v.value.sql.matchAll(/\br_(\d+)\b/g)) depth = Math.max(depth, (this.aliasList[Number(m[1])]?.depth ?? -1) + 1);
    this.aliasList.push({ item: `${v.value.sql} AS r_${n}`, depth });
    return { ...v, value: { ...v.value, sql: `r_${n}` } };
  }

  /**
   * The computed values' SELECT items (`<sql> AS r_<n>`) by level: each level's items read only
   * the columns of the levels before it (`SELECT *, … FROM (<level before>)`).
   */
  get layers(): readonly (readonly string[])[] {
    const out: string[][] = [];
    for (const a of this.aliasList) (out[a.depth] ??= []).push(a.item);
    return out;
  }

  private compute(name: string, k: number): RowValue {
    if (k === 0) return name === "_time" ? { kind: "time", sql: TIME0 } : { kind: "store", field: name };
    const step = this.steps[k - 1] as Step;
    const before = () => this.at(name, k - 1);
    switch (step.kind) {
      case "rename": {
        const { from, to } = step.pairs[0] as RenameCommand["pairs"][number];
        if (from.includes("*")) {
          if (name === "_time") return before();
          return wildcardRenameValue(from, to, name, this.opts.storeFields ?? [], this.opts.use, (f) => this.presenceList.add(f));
        }
        if (from === to) return before();
        if (to === name) return this.at(from, k - 1);
        return from === name ? { kind: "null" } : before();
      }
      case "fillnull": {
        if (step.fields.length > 0 && !step.fields.includes(name)) return before();
        if (name === "_time") return before();
        const prev = before();
        const list = this.valuesOf(prev, name);
        const lit = `[${sqlString(step.value)}]`;
        const filled = `if(empty(${list}), ${lit}, ${list})`;
        if (step.fields.length > 0) return { kind: "expr", value: { sql: filled, ty: "mv" } };
        // A field no matched event has is not a field: it stays null.
        if (prev.kind === "null") return prev;
        return { kind: "expr", value: { sql: `if((max(notEmpty(${list})) OVER ()) = 1, ${filled}, ${list})`, ty: "mv" }, window: true };
      }
      case "eval": {
        const at = step.assignments.map((a) => a.field).lastIndexOf(name);
        if (at < 0) return before();
        return this.assigned(step, at, k);
      }
      case "when": {
        const at = step.eval.assignments.map((a) => a.field).lastIndexOf(name);
        if (at < 0) return before();
        const has = `notEmpty(${this.valuesOf(this.at(step.field, step.entry), step.field)})`;
        const then = this.assigned(step.eval, at, k);
        const prev = before();
        if (then.kind === "null" && prev.kind === "null") return prev;
        return { kind: "expr", value: { sql: `if(${has}, ${this.valuesOf(then, name)}, ${this.valuesOf(prev, name)})`, ty: "mv" } };
      }
      case "rex": {
        if (!step.groups.includes(name)) return before();
        return this.extracted(step, name, k);
      }
      case "bin":
      case "bucket": {
        if (name !== "_time") return before();
        const t = before();
        if (t.kind !== "time") throw new Error("internal: _time is always a time");
        return { kind: "time", sql: binSql(t.sql, step as BinOptions, this.opts.tz) };
      }
      default:
        return before();
    }
  }

  /**
   * A named group of the `rex` at step k (commands/rex.ts, max_match=1): the text it captured in
   * the first match of the first value of the field that matches; where nothing matched or the
   * group took no part, the name keeps what it held (regex-sql.ts regexExtractSql).
   */
  private extracted(step: RexCommand, name: string, k: number): RowValue {
    const field = this.at(step.field, k - 1);
    const prev = this.at(name, k - 1);
    if (field.kind === "null") return prev;
    if (field.kind === "time") throw new NotPushable(`rex of ${step.field} (a time number)`);
    const got = regexExtractSql(this.subject(field, step.field), step.pattern as string, name);
    if (prev.kind === "null") return { kind: "expr", value: { sql: got, ty: "str" } };
    const e = fresh("x");
    return { kind: "expr", value: { sql: bind(e, got, `if(isNull(${e}), ${this.valuesOf(prev, name)}, [assumeNotNull(${e})])`), ty: "mv" } };
  }

  /** A value as a regex reads it: a store field's values, or a computed string or list. */
  private subject(v: RowValue, name: string): RegexSubject {
    if (v.kind === "store") {
      this.opts.use(v.field);
      return { sql: fieldColumns(v.field).values, shape: "array" };
    }
    if (v.kind === "expr" && v.value.ty === "str") return { sql: v.value.sql, shape: "string" };
    if (v.kind === "expr" && v.value.ty === "mv") return { sql: v.value.sql, shape: "array" };
    throw new NotPushable(`a regex over ${name}, a number (its text is JavaScript's)`);
  }

  /** The value of the `at`-th assignment of the eval at step k (earlier ones of the same eval visible). */
  private assigned(step: EvalCommand, at: number, k: number): RowValue {
    const key = `${k}\u0001${at}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const v = this.named(this.assign(step, at, k));
    this.memo.set(key, v);
    return v;
  }

  private assign(step: EvalCommand, at: number, k: number): RowValue {
    const a = step.assignments[at] as EvalCommand["assignments"][number];
    // Earlier assignments in the same eval: resolve names through a view of this step's prefix.
    const view = (n: string): RowValue => {
      const j = step.assignments.slice(0, at).map((x) => x.field).lastIndexOf(n);
      return j < 0 ? this.at(n, k - 1) : this.assigned(step, j, k);
    };
    if (a.expr.kind === "field") {
      // A copy keeps what it copies (a store field's side columns, the time).
      const src = view(a.expr.name);
      return src;
    }
    checkStoredPrecision(a.expr);
    const v = settled(this.value(a.expr, view));
    // Arithmetic of limited precision is stored rounded (compile-eval-precision.ts): not here.
    if (v.raw) throw new NotPushable(`eval ${a.field}: a number of limited precision (stored rounded)`);
    if (v.ty === "null" || v.ty === "bool") return { kind: "null" };
    return { kind: "expr", value: v };
  }

  /** Compiles an eval expression over the values `read` gives its field names. */
  private value(e: Expr, read: (name: string) => RowValue): SqlValue {
    const columns: RowColumn[] = [];
    for (const n of fieldsOf(e)) {
      const v = read(n);
      if (v.kind === "null") continue;
      if (v.kind === "store") {
        this.opts.use(v.field);
        columns.push({ name: n, key: fieldColumns(v.field).values, kind: "values" });
      } else if (v.kind === "time") columns.push({ name: n, key: `toString(${v.sql})`, kind: "number" });
      else {
        if (v.window) throw new NotPushable(`${n} is filled by a fillnull without a field list (a window) before an eval reads it`);
        // The compiled value itself (an exact number stays exact for the next arithmetic).
        columns.push({ name: n, key: `(${v.value.sql})`, kind: "values", value: v.value });
      }
    }
    return compileValue(e, columns);
  }

  /** A name's values as an Array(String) (what a stats, a fill or a search reads); local for a computed number. */
  valuesOf(v: RowValue, name: string): string {
    switch (v.kind) {
      case "null": return EMPTY;
      case "store":
        this.opts.use(v.field);
        return fieldColumns(v.field).values;
      case "time": throw new NotPushable(`${name} holds the time as a number (its text is JavaScript's)`);
      case "expr":
        if (v.value.ty === "mv") return v.value.sql;
        if (v.value.ty === "str") return stringList(v.value.sql);
        throw new NotPushable(`${name} holds a number eval computed (its text is JavaScript's)`);
    }
  }

  /**
   * A foreach as its instances' evals (row-foreach.ts), each applying where its field had a value
   * when the foreach began. Its candidates are the store's fields in store order, which is the
   * results' field order only while no step before it renamed fields or gave a value to a name
   * a pattern matches (such a field would be added after the search's own fields).
   */
  private expandForeach(s: ForeachCommand): WhenStep[] {
    const entry = this.steps.length;
    const patterns = s.patterns.map((p) => fieldPattern(p));
    const named = (n: string) => patterns.some((re) => re.test(n));
    for (const earlier of this.steps) {
      if (earlier.kind === "rename") throw new NotPushable("foreach after a rename (the results' fields moved)");
      const targets = earlier.kind === "eval" ? earlier.assignments.map((a) => a.field)
        : earlier.kind === "when" ? earlier.eval.assignments.map((a) => a.field)
        : earlier.kind === "rex" ? earlier.groups
        : earlier.kind === "fillnull" ? (earlier.fields.length === 0 ? ["*"] : earlier.fields) : [];
      if (targets.some((t) => t === "*" || named(t))) throw new NotPushable("foreach over a field an earlier step gave values to");
    }
    return foreachInstances(s, this.opts.storeFields).flatMap((i) => i.evals.map((e): WhenStep => ({ kind: "when", field: i.field, entry, eval: e })));
  }

  /** Validates a step and records its filter. */
  private check(s: Step, k: number): void {
    switch (s.kind) {
      case "when":
        this.check(s.eval, k);
        return;
      case "rename":
        for (const { from, to } of s.pairs) {
          if (from.includes("*") || to.includes("*")) {
            // Only on the scan's own table: later steps change which fields it has.
            checkWildcardRename(from, to, this.opts.storeFields, k === 0);
            if (this.windowFrom < Infinity) throw new NotPushable(`rename ${from} AS ${to} (a wildcard) with a fillnull without a field list`);
          }
          if (from === "_time" || to === "_time") throw new NotPushable("a rename of _time");
        }
        return;
      case "fillnull":
        for (const f of s.fields) {
          if (f.includes("*")) throw new NotPushable(`fillnull of the wildcard field ${f}`);
          if (f === "_time") throw new NotPushable("a fillnull of _time");
        }
        if (s.fields.length > 0 && k > this.windowFrom) throw new NotPushable("fillnull with fields after a fillnull without a field list");
        return;
      case "eval":
        if (s.subsearches?.size) throw new NotPushable("a subsearch in the expression");
        for (const a of s.assignments) {
          if (/\{[^{}]+\}/.test(a.field)) throw new NotPushable(`eval ${a.field}: a field name from data`);
          if (a.field === "_time") throw new NotPushable("an eval of _time");
        }
        return;
      case "where":
        if (s.subsearches?.size) throw new NotPushable("a subsearch in the expression");
        if (k > this.windowFrom) throw new NotPushable("a where after a fillnull without a field list");
        this.filterList.push(truthy(this.value(s.expr, (n) => this.at(n, k))));
        return;
      case "search":
        if (s.subsearches.size) throw new NotPushable("a subsearch in the search");
        if (k > this.windowFrom) throw new NotPushable("a search after a fillnull without a field list");
        if (s.expr) this.filterList.push(rowSearch(s.expr, { at: (n) => this.at(n, k), valuesOf: (v, n) => this.valuesOf(v, n), use: this.opts.use }));
        return;
      case "bin":
      case "bucket":
        binSql(TIME0, s, this.opts.tz);
        return;
      case "regex": {
        // commands/regex.ts: `=` keeps the rows where some value matches, `!=` the others (a row
        // without the field matches nothing).
        if (k > this.windowFrom) throw new NotPushable("a regex after a fillnull without a field list");
        const v = this.at(s.field, k);
        const hit = v.kind === "null" ? "0" : regexMatchSql(this.subject(v, s.field), s.pattern);
        this.filterList.push(s.negate ? `NOT ${hit}` : hit);
        return;
      }
      case "rex":
        if (s.sed || s.pattern === undefined) throw new NotPushable("rex mode=sed");
        if (s.maxMatch !== 1) throw new NotPushable("rex max_match other than 1 (a list of matches)");
        if (s.offsetField !== undefined) throw new NotPushable("rex offset_field=");
        if (s.groups.includes("_time")) throw new NotPushable("rex into _time");
        return;
    }
  }


}

