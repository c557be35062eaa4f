/**
 * What follows a pushed `| lookup` that added fields (compile-lookup-step.ts). Such a field exists
 * in memory only when some row had a value right after the lookup; the pushed result shows it when
 * some row of the final result has one (`optional`, rows-to-table.ts). So a later step whose result
 * could depend on whether the field exists stays local (checkAfterLookup), and when a later
 * search/where may have dropped every row with a value, a run-time guard compares the two
 * (finishLookups).
 */
import type { Command } from "../ast/commands.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { NotPushable } from "./compile-where.js";
import { LOCAL_FALLBACK } from "./guard.js";
import { sqlString } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

/** Commands after a lookup's optional fields that cannot depend on whether those exist (checkAfterLookup). */
const SAFE_MENTIONING = new Set(["rename", "convert", "table", "fields"]);

/**
 * A lookup's new fields exist only when some row has a value (`optional`). A later step whose
 * result could depend on whether such a field exists stays local: one that assigns it or copies
 * it (eval), and any other command than search, where, eval and lookup (which read a missing
 * field as null, as they read these) unless it is a rename, convert, table or fields that does
 * not name one of them nor use a wildcard.
 */
export function checkAfterLookup(c: Command, columns: readonly SqlColumn[], q: ResultQuery): void {
  const optional = new Set(columns.filter((x) => x.optional && !x.hidden).map((x) => x.name));
  if (optional.size === 0) return;
  const why = (name: string) => new NotPushable(`whether ${name} exists (a lookup's new field) is known only from the rows`);
  switch (c.kind) {
    case "search": case "where":
      // It may drop every row holding a value: finishLookups then checks the field's existence.
      stateOf(q).filtered = true;
      return;
    case "lookup": return;
    case "eval":
      for (const a of c.assignments) {
        if (optional.has(a.field)) throw why(a.field);
        if (a.expr.kind === "field" && optional.has(a.expr.name)) throw why(a.expr.name);
      }
      return;
    default: {
      if (!SAFE_MENTIONING.has(c.kind)) throw new NotPushable(`| ${c.kind} after a lookup's new fields (whether they exist is known only from the rows)`);
      const strings: string[] = [];
      JSON.stringify(c, (_k, v: unknown) => {
        if (typeof v === "string") strings.push(v);
        return v;
      });
      const hit = strings.find((s) => optional.has(s) || s.includes("*"));
      if (hit !== undefined) throw why(hit);
    }
  }
}

/** Per pushed query: the lookups that added fields (their keys and the query as it was then), and whether rows were filtered since. */
interface LookupState {
  readonly steps: { readonly keys: readonly string[]; readonly sql: string }[];
  filtered: boolean;
}

const states = new WeakMap<ResultQuery, LookupState>();

function stateOf(q: ResultQuery): LookupState {
  let s = states.get(q);
  if (!s) {
    s = { steps: [], filtered: false };
    states.set(q, s);
  }
  return s;
}

/**
 * Called once the pushed steps are known. A lookup's new field exists in memory when some row had
 * a value right after the lookup; the pushed result shows it when some row of the final result
 * has one (rows-to-table.ts). Those differ only when a later search/where dropped every row with a
 * value: then a run-time guard (scalar subqueries, evaluated even when no row is left) sends the
 * search to memory. It recomputes the query, so it is added only after such a filter.
 */
export function finishLookups(q: ResultQuery, columns: readonly SqlColumn[]): void {
  const s = states.get(q);
  if (!s || !s.filtered) return;
  const shown = new Set(columns.filter((c) => c.optional && !c.hidden).map((c) => c.key));
  const steps = s.steps.map((st) => ({ sql: st.sql, keys: st.keys.filter((k) => shown.has(k)) })).filter((st) => st.keys.length > 0);
  if (steps.length === 0) return;
  const final = q.sql();
  const has = (keys: readonly string[], sql: string) => `(SELECT [${keys.map((k) => `max(notEmpty(${k}))`).join(", ")}] FROM (${sql}))`;
  const lost = steps.map((st) => `arrayExists((before, after) -> before = 1 AND after = 0, ${has(st.keys, st.sql)}, ${has(st.keys, final)})`);
  q.addOver(`(SELECT throwIf(${lost.join(" OR ")}, ${sqlString(LOCAL_FALLBACK)})) AS lkguard`);
}

/** Records a lookup's new fields (result keys) and the query as it is right after the lookup. */
export function noteLookupFields(q: ResultQuery, keys: readonly string[]): void {
  stateOf(q).steps.push({ keys, sql: q.sql() });
}
