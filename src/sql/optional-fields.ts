/**
 * Fields that exist only when some row has a value (SqlColumn.optional): the fields a pushed `rex`
 * extracts (created by the first row that matches, commands/rex.ts) and a pushed `| lookup`'s new
 * output fields (created when some row has a value right after the lookup). The pushed result
 * shows such a column when some final row has a value in it (rows-to-table.ts), or, after a step
 * that may have dropped rows, when the presence query says some row had one right after the step
 * that made it (optionalPresence; storage/clickhouse/present-fields.ts runs it only when no final
 * row has a value). A later step whose result could depend on whether such a field exists stays
 * local (checkAfterOptional).
 */
import type { Command } from "../ast/commands.js";
import { expandFields } from "../commands/field-list.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { renameColumns } from "./compile-rename.js";
import { projectStep } from "./compile-project-step.js";
import { NotPushable } from "./compile-where.js";
import { SETTINGS } from "./compile-group.js";
import type { OptionalPresence, SqlColumn } from "./types.js";

/** Steps that only drop or reorder rows: fine while they name no optional field. */
const ROW_STEPS = new Set(["dedup", "sort", "head", "regex"]);
/** Steps that read a missing field as null, as they read an optional field without a value. */
const READERS = new Set(["search", "where", "lookup", "rex"]);

/**
 * Throws NotPushable when the result of `c` could depend on whether an optional field of
 * `columns` exists: an eval that creates it where it stands (unless it is the last column: then
 * in place and appended are the same place), a rename/table/fields whose columns differ without
 * the optional fields (other than by those fields themselves), any step outside the lists above,
 * or a row step naming one. Records steps that may drop rows (the presence query is then needed).
 */
export function checkAfterOptional(c: Command, columns: readonly SqlColumn[], q: ResultQuery): void {
  const optional = columns.filter((x) => x.optional && !x.hidden);
  if (optional.length === 0) return;
  const names = new Set(optional.map((x) => x.name));
  const why = (name: string) => new NotPushable(`whether ${name} exists (a field made by a rex or a lookup only where a row had a value) is known only from the rows`);
  if (c.kind !== "eval" && c.kind !== "fillnull" && c.kind !== "rename" && c.kind !== "table" && c.kind !== "fields" && c.kind !== "convert" && !ROW_STEPS.has(c.kind) && !READERS.has(c.kind)) {
    throw new NotPushable(`| ${c.kind} after a rex's or lookup's new fields (whether they exist is known only from the rows)`);
  }
  if (c.kind === "search" || c.kind === "where" || c.kind === "dedup" || c.kind === "head" || c.kind === "regex") stateOf(q).filtered = true;
  if (READERS.has(c.kind)) return;
  if (c.kind === "eval") {
    placeAssigned(columns, names, c.assignments.map((a) => a.field), why);
    return;
  }
  if (c.kind === "fillnull") {
    // Without a list a field is filled only where some row has a value (compile-fillnull-step.ts).
    // A wildcard matches an optional field only where it exists.
    const hit = expandFields(c.fields.filter((f) => f.includes("*")), [...names], false)[0];
    if (hit !== undefined) throw why(hit);
    placeAssigned(columns, names, c.fields.filter((f) => !f.includes("*")), why);
    return;
  }
  if (c.kind === "rename" || c.kind === "table" || c.kind === "fields") {
    const step = (cols: readonly SqlColumn[]) => (c.kind === "rename" ? renameColumns(cols, c) : projectStep(c, cols) ?? []);
    const plain = (cols: readonly SqlColumn[]) => cols.filter((x) => !x.optional).map((x) => `${x.name}\u0000${x.key}\u0000${x.hidden ? 1 : 0}`).join("\u0001");
    if (plain(step(columns)) !== plain(step(columns.filter((x) => !optional.includes(x))))) {
      throw new NotPushable(`| ${c.kind}: its columns depend on whether ${[...names].join(", ")} exist (made by a rex or a lookup only where a row had a value)`);
    }
    return;
  }
  // convert and the row steps: their output does not move fields; they must not name an optional
  // one (nor may convert use a wildcard; a regex's pattern is not a field name).
  const strings: string[] = [];
  JSON.stringify(c, (_k, v: unknown) => {
    if (typeof v === "string") strings.push(v);
    return v;
  });
  const hit = strings.find((s) => names.has(s) || (c.kind === "convert" && s.includes("*")));
  if (hit !== undefined) throw why(hit);
}

/**
 * Simulates the placement of assigned fields (eval, a listed fillnull): a field that exists stays
 * put, a new one goes last. An optional field lands in the same place either way only when it is
 * the last field at the moment it is assigned; it exists from then on.
 */
function placeAssigned(columns: readonly SqlColumn[], optional: ReadonlySet<string>, targets: readonly string[], why: (name: string) => Error): void {
  const order = columns.filter((x) => !x.hidden).map((x) => x.name);
  const pending = new Set(optional);
  for (const f of targets) {
    if (pending.has(f)) {
      if (order[order.length - 1] !== f) throw why(f);
      pending.delete(f);
    } else if (!order.includes(f)) order.push(f);
  }
}

/** Per pushed query: the steps that made optional fields (their columns and the query as it was then), and whether rows were dropped since. */
interface OptionalState {
  readonly steps: { readonly columns: readonly SqlColumn[]; readonly sql: string }[];
  filtered: boolean;
}

const states = new WeakMap<ResultQuery, OptionalState>();

function stateOf(q: ResultQuery): OptionalState {
  let s = states.get(q);
  if (!s) {
    s = { steps: [], filtered: false };
    states.set(q, s);
  }
  return s;
}

/** Records a step's new optional columns and the query as it is right after the step. */
export function noteOptionalFields(q: ResultQuery, columns: readonly SqlColumn[]): void {
  if (columns.length > 0) stateOf(q).steps.push({ columns, sql: q.sql() });
}

/**
 * Called once the pushed steps are known. After a step that may have dropped rows, an optional
 * field of the final columns may exist in memory (some row had a value right after the step that
 * made it) while no final row has one: the presence query answers, per key, whether some row had
 * a value then (one row, `present`: an array of 0/1 in the order of `keys`).
 */
export function optionalPresence(q: ResultQuery, columns: readonly SqlColumn[]): OptionalPresence | undefined {
  const s = states.get(q);
  if (!s || !s.filtered) return undefined;
  const shown = new Set(columns.filter((c) => c.optional && !c.hidden).map((c) => c.key));
  const keys: string[] = [];
  const parts: string[] = [];
  for (const st of s.steps) {
    const cols = st.columns.filter((c) => shown.has(c.key));
    if (cols.length === 0) continue;
    keys.push(...cols.map((c) => c.key));
    parts.push(`(SELECT [${cols.map((c) => `max(${hasValue(c)})`).join(", ")}] FROM (${st.sql}))`);
  }
  if (keys.length === 0) return undefined;
  return { keys, sql: `SELECT arrayConcat(${parts.join(", ")}) AS present ${SETTINGS}` };
}

/** A UInt8: the row has a value in the column (a list: at least one element). */
function hasValue(c: SqlColumn): string {
  return c.kind === "values" || c.kind === "set" ? `notEmpty(${c.key})` : `isNotNull(${c.key})`;
}
