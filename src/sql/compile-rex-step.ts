/**
 * `| rex [field=f] "(?<name>…)…"` after a pushed aggregate (commands/rex.ts), as new result
 * columns: for each row, the first value of f that matches (a multivalue in its order), its first
 * match, each named group's text. In memory a row that does not match (or has no f) gets nothing,
 * and a group's field is created by the first row that sets it, in the order rows and groups set
 * them: that order is the pattern's, and the fields exist together, only when every named group
 * takes part in every match (regex-re2.ts `always`); then each field is a column shown only when
 * some row has a value in it (`optional`: optional-fields.ts says which later steps may follow).
 * A field f that does not exist leaves the rows as they are.
 * max_match=n (0: no limit) collects the first n successive matches over the values in order,
 * each group's texts a multivalue (regex-sql.ts regexMatchesSql).
 * A values() set is read in the order the rows show it (sortedSet). Stays local: max_match≠1
 * with a pattern that can match empty text, offset_field, mode=sed, a group that may take no part,
 * a group named like a field the rows already have (a row without a match keeps that value), f a
 * number (its text).
 */
import type { Command } from "../ast/commands.js";
import { shownColumn } from "./compile-eval.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { NotPushable } from "./compile-where.js";
import { checkSize, regexSubject } from "./compile-regex-step.js";
import { guarded } from "./guard.js";
import { noteOptionalFields } from "./optional-fields.js";
import { re2Pattern } from "./regex-re2.js";
import { sqlString } from "./sql-text.js";
import { regexExtractSql, regexMatchesSql, type RegexSubject } from "./regex-sql.js";
import type { SqlColumn } from "./types.js";

/** The columns of a `rex` over the result, the query extended in place; null for any other command. */
export function rexStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, serial: () => number): readonly SqlColumn[] | null {
  if (c.kind !== "rex") return null;
  if (c.sed) throw new NotPushable("mode=sed");
  if (c.pattern === undefined) throw new NotPushable("a rex without a pattern");
  if (c.offsetField !== undefined) throw new NotPushable("offset_field");
  if (!Number.isSafeInteger(c.maxMatch) || c.maxMatch < 0) throw new NotPushable(`max_match=${c.maxMatch}`);
  if (!shownColumn(columns, c.field)) return columns;
  const found = regexSubject(columns, c.field);
  if (found === null) throw new NotPushable(`${c.field} is a renamed missing field`);
  const subject = shownColumn(columns, c.field)?.kind === "set" ? sortedSet(found) : found;
  const rx = re2Pattern(c.pattern);
  const out = [...columns];
  const items: string[] = [];
  for (const g of c.groups) {
    const slot = rx.names.get(g);
    if (slot === undefined) throw new NotPushable(`internal: no group ${g}`);
    if (!rx.always.has(slot)) throw new NotPushable(`the group ${g} may take no part in a match (which fields exist, and their order, depend on the data)`);
    if (shownColumn(out, g)) throw new NotPushable(`the group ${g} names a field the rows have (kept where nothing matches)`);
    const key = `rx${serial()}`;
    if (c.maxMatch === 1) {
      items.push(`${regexExtractSql(subject, c.pattern, g)} AS ${key}`);
      out.push({ name: g, key, kind: "string", optional: true });
    } else {
      // max_match=n (0: all): the group's text in each of the first n matches, a multivalue.
      items.push(`arrayMap(rx_m -> rx_m[${slot}], ${regexMatchesSql(subject, c.pattern, c.maxMatch)}) AS ${key}`);
      out.push({ name: g, key, kind: "values", optional: true });
    }
  }
  checkSize(q, items);
  for (const item of items) q.addOver(item);
  noteOptionalFields(q, out.slice(columns.length));
  return out;
}

/**
 * A values() set in the order the rows show it (rows-to-table.ts sorts it with compareLexical, by
 * UTF-8 bytes; ClickHouse keeps it in no order), which decides the first matching value: sorted
 * by bytes, the same order.
 */
function sortedSet(s: RegexSubject): RegexSubject {
  return { sql: `arraySort(${s.sql})`, shape: "array" };
}
