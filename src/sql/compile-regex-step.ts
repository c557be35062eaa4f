/**
 * `| regex field="re"` and `| regex field!="re"` after a pushed aggregate, as a filter over its
 * result (commands/regex.ts): `=` keeps the rows where some value of the field matches, `!=` the
 * others; a row without the field matches nothing (`=` drops it, `!=` keeps it). The pattern is
 * run by ClickHouse only when regex-re2.ts proves RE2 reads it as the in-memory engine does; a
 * number field (its text) stays local.
 */
import type { Command } from "../ast/commands.js";
import { shownColumn } from "./compile-eval.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { NotPushable } from "./compile-where.js";
import { regexMatchSql, type RegexSubject } from "./regex-sql.js";
import type { SqlColumn } from "./types.js";
import { NULL_KEY } from "./sql-text.js";

/** The filter of a `regex` command over the result, the query extended in place; null for any other command. */
export function regexStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery): readonly SqlColumn[] | null {
  if (c.kind !== "regex") return null;
  const subject = regexSubject(columns, c.field);
  // Without the field no value is tested, whatever the pattern: nothing matches.
  const hit = subject === null ? "0" : regexMatchSql(subject, c.pattern);
  checkSize(q, [hit]);
  q.filter(c.negate ? `NOT ${hit}` : hit);
  return columns;
}

/**
 * How a result column reads through a regex: a string column as it is, a multivalue or values()
 * set as its array (any value matching does not depend on the set's order); null when the row has
 * no such field. Numbers (their text), convert ctime's time-or-number columns and internal
 * columns stay local.
 */
export function regexSubject(columns: readonly SqlColumn[], name: string): RegexSubject | null {
  const col = shownColumn(columns, name);
  if (!col || col.key === NULL_KEY) return null;
  if (col.fallback !== undefined) throw new NotPushable(`${name} holds a time text or a number (convert ctime)`);
  switch (col.kind) {
    case "string": return { sql: col.key, shape: "string" };
    case "values": case "set": return { sql: col.key, shape: "array" };
    case "number": throw new NotPushable(`${name} is a number (a regex reads its text)`);
    case "tuple": throw new NotPushable(`${name} is an internal column`);
  }
}

/**
 * SQL a regex step may add (bytes): a large pattern is written several times (its guard, each rex
 * group), and a query past compile-plan.ts MAX_SQL would keep the whole search local, the
 * aggregate too: such a step stays local instead.
 */
const STEP_SQL = 60_000;

export function checkSize(q: ResultQuery, items: readonly string[]): void {
  const added = items.reduce((n, x) => n + new TextEncoder().encode(x).length, 0);
  if (added > STEP_SQL || added + new TextEncoder().encode(q.sql()).length > 2 * STEP_SQL) throw new NotPushable(`the regex would add ${added} bytes of SQL`);
}
