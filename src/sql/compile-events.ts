/**
 * An event search and the `stats` right after it (`index=* sourcetype=… EventCode=1 … | stats
 * count min(_time) … by …`, 660 of ESCU's production detections) → one ClickHouse query over the
 * `events` table and its per-field tables (sql/README.md "Tables"), with exactly the rows of the
 * in-memory scan (executor/store-scan.ts) and stats (commands/stats.ts):
 * - the filter is the scan's, compiled as a tstats where is (compile-where.ts) over the store's
 *   fields: a field the store lacks is null; free text is a case-insensitive `*text*` match on
 *   `_raw` (search-predicate.ts termTest; CASE(x) case-sensitive; TERM(x) stays local);
 * - `earliest=`/`latest=` anywhere hold on every row (the scan's ignoreFields), and those in the
 *   top-level AND bound `_time` (store-scan.ts timeBounds: earliest inclusive, latest exclusive),
 *   relative ones against the search's `now` and time zone; `index=`/`sourcetype=`/`source=`/
 *   `host=` are ordinary fields, as in the store;
 * - the scan hands stats the events newest first (time descending, then store row descending):
 *   that position, `row_number() OVER (ORDER BY _time DESC, _row DESC)`, is the input order the
 *   grouping (compile-group.ts) uses for group ties, earliest/latest ties and sums.
 * - `rename` and `fillnull` steps between the search and the stats are name substitutions in
 *   the stats' fields (eventSteps).
 * Stays local (NotPushable): a subsearch in the search, `allnum=`/`dedup_splitvals=`, wildcard
 * field names in stats, rename or fillnull (they expand over the fields the matched events
 * have), `by _time`.
 */
import type { StatsCommand } from "../ast/commands.js";
import type { SearchExpr } from "../ast/nodes.js";
import type { EventScan } from "../plan/nodes.js";
import { relativeTime } from "../values/time-modifier.js";
import { compileGroup, type CompiledGroup } from "./compile-group.js";
import { compileWhere, freeTextMatch, NotPushable, type FieldResolver } from "./compile-where.js";
import { presenceColumn } from "./row-rename.js";
import { RowSteps, TIME0, type RowStep } from "./row-steps.js";
import { encodeName, fieldColumns, sqlFloat, SIDE_COLUMNS } from "./sql-text.js";
import type { TableNeed } from "./types.js";

/** The table of every event's `_row` and `_time`; each field read is in its own table (eventFieldTable). */
export const EVENTS_TABLE = "events";

/** A field table's columns: `_row`, then the values and their side forms (SIDE_COLUMNS order). */
export const FIELD_TABLE_COLUMNS = ["v", "l", "c", "i"] as const;

/** The table of one field's values (only rows that have one), joined to EVENTS_TABLE on `_row`. */
export function eventFieldTable(field: string): string {
  return `ev_${encodeName(field)}`;
}

const TIME_FIELDS: ReadonlySet<string> = new Set(["earliest", "latest"]);

export interface CompiledEvents extends CompiledGroup {
  readonly tables: readonly TableNeed[];
}

export interface EventsOptions {
  readonly now: number;
  readonly tz: string;
  /** The store's field names in its order, for a wildcard rename (row-steps.ts); absent: it stays local. */
  readonly storeFields?: readonly string[];
}

/** `steps`: the per-event steps between the search and its stats (row-steps.ts). */
export function compileEventStats(scan: EventScan, stats: StatsCommand, opts: EventsOptions, steps: readonly RowStep[] = []): CompiledEvents {
  if (stats.allnum) throw new NotPushable("stats allnum=");
  if (stats.dedupSplitvals) throw new NotPushable("stats dedup_splitvals=");
  for (const f of [...stats.by, ...stats.aggregates.map((a) => a.field ?? "")]) {
    // stats expands these over the fields the matching events have.
    if (f.includes("*")) throw new NotPushable(`stats of the wildcard field ${f}`);
  }
  const { used, use, where, filterFields, rows } = eventReads(scan, opts, steps);
  // Computed values the stats reads, under keys no field name can take (a NUL first): name → key → SQL.
  const computed = new Map<string, string>();
  const keys = new Map<string, string | null>();
  const aggregates = stats.aggregates.map((a, j) => {
    if (!a.evalExpr) return a;
    if (a.evalSubsearches?.size) throw new NotPushable(`${a.as}: a subsearch in its eval()`);
    if (a.fn === "count") throw new NotPushable(`${a.as}: count(eval(…)) counts true rows`);
    const key = `\u0000e${j}`;
    computed.set(key, rows.evalValues(a.evalExpr, a.as));
    const { evalExpr: _e, ...rest } = a;
    return { ...rest, field: key };
  });
  const resolve = (f: string): string | null => {
    if (computed.has(f)) return f;
    if (keys.has(f)) return keys.get(f) as string | null;
    const v = rows.final(f);
    let key: string | null;
    if (v.kind === "null") key = null;
    else if (v.kind === "store") key = use(v.field);
    else {
      key = `\u0000c${keys.size}`;
      computed.set(key, rows.valuesOf(v, f));
    }
    keys.set(f, key);
    return key;
  };
  const filters = rows.filters;
  const group = compileGroup({ ...stats, aggregates }, {
    resolve,
    time: (f) => rows.timeOf(f),
    // The search's filter is the source's: what it computes over the matched events (a wildcard
    // rename's presence) comes before the steps' filters.
    where: filters.length === 0 ? null : filters.length === 1 ? (filters[0] as string) : `(${filters.join(" AND ")})`,
    from: (fields) => rows.layers.reduce((q, items) => `(SELECT *, ${items.join(", ")} FROM ${q})`, eventsSource(fields, rows.time(), where, rows.presence, filterFields)),
    order: "_ord",
    passed: [TIME0],
    orderDef: `row_number() OVER (ORDER BY ${TIME0} DESC, _row DESC) AS _ord`,
    computed: () => computed,
  }, () => [...used]);
  return { ...group, fields: [...used], tables: [{ kind: "events", table: EVENTS_TABLE, fields: [...used] }] };
}

/**
 * What an event search reads: the store fields (`used`, recorded by `use`), its filter over them
 * (`where`, reading `filterFields`), and its per-event steps (row-steps.ts).
 */
export function eventReads(scan: EventScan, opts: EventsOptions, steps: readonly RowStep[]) {
  if (scan.subsearches.size > 0) throw new NotPushable("a subsearch in the search");
  if (scan.limit !== null) throw new NotPushable("a search limited to its newest events");
  const used = new Set<string>();
  const use = (f: string): string => {
    if (encodeName(f).length > 180) throw new NotPushable(`the field name ${f.slice(0, 40)}… is too long for a table name`);
    used.add(f);
    return f;
  };
  const filterFields = new Set<string>();
  const where = eventsWhere(scan.filter, (f) => use(filterFields.add(f) && f), opts);
  const rows = new RowSteps(steps, { tz: opts.tz, use, ...(opts.storeFields ? { storeFields: opts.storeFields } : {}) });
  return { used, use, where, filterFields, rows };
}

/** The scan's filter and time bounds as one boolean, or null for every event. */
export function eventsWhere(filter: SearchExpr | null, resolve: FieldResolver, opts: EventsOptions): string | null {
  if (!filter) return null;
  const parts: string[] = [compileWhere(filter, resolve, { freeText: (v) => freeTextMatch(v, () => resolve("_raw")), ignoreFields: TIME_FIELDS })];
  for (const t of filter.kind === "and" ? filter.items : [filter]) {
    if (t.kind !== "compare" || !TIME_FIELDS.has(t.field.toLowerCase())) continue;
    const at = relativeTime(opts.now, t.value.text, opts.tz);
    // The scan refuses the search with an error; it runs here to give it.
    if (at === null) throw new NotPushable(`bad time modifier "${t.value.text}"`);
    if (Number.isNaN(at)) throw new NotPushable(`time modifier "${t.value.text}"`);
    const bound = t.field.toLowerCase() === "earliest" ? (at === -Infinity ? null : `${TIME0} >= ${literalTime(at)}`) : at === Infinity ? null : `${TIME0} < ${literalTime(at)}`;
    if (bound) parts.push(bound);
  }
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" AND ")})`;
}

function literalTime(t: number): string {
  return t === Infinity ? "inf" : t === -Infinity ? "-inf" : sqlFloat(t);
}

/**
 * The events the search matches (`where`) with the fields read as `v_<f>`, `l_<f>`, … columns: a
 * field's table LEFT JOINed on `_row` ([] where absent); `_time0` the event's time, `_time` after
 * the bins (`time`, over `_time0`); and for each of `presence`, whether some matched event has a
 * value of it (row-steps.ts presenceColumn). When the steps read more fields than the search's
 * filter (`filterFields`), the events are matched first over the filter's fields alone and only
 * those rows are joined to the others (`e._row IN (…)` filters before the joins): a foreach
 * over a hundred fields otherwise joins every one of them to every event.
 */
export function eventsSource(fields: readonly string[], time: string, where: string | null, presence: readonly string[], filterFields: ReadonlySet<string> = new Set(fields)): string {
  const extra = [`${time} AS _time`];
  for (const f of presence) extra.push(`max(notEmpty(${fieldColumns(f).values})) OVER () AS ${presenceColumn(f)}`);
  if (!where) return `(${joined(fields, extra)})`;
  if (fields.every((f) => filterFields.has(f))) return `(${joined(fields, extra)} WHERE ${where})`;
  const matched = `SELECT _row FROM (${joined([...filterFields], [])} WHERE ${where})`;
  return `(${joined(fields, extra)} WHERE e._row IN (${matched}))`;
}

/** `SELECT _row, _time0, <extra>, <fields' columns> FROM events AS e LEFT JOIN <field tables>`. */
function joined(fields: readonly string[], extra: readonly string[]): string {
  const cols = ["e._row AS _row", `e._time AS ${TIME0}`, ...extra];
  const joins: string[] = [];
  fields.forEach((f, i) => {
    const c = fieldColumns(f);
    const [v, ...side] = FIELD_TABLE_COLUMNS;
    cols.push(`j${i}.${v} AS ${c.values}`, ...SIDE_COLUMNS.map((k, s) => `j${i}.${side[s] as string} AS ${c[k]}`));
    joins.push(`LEFT JOIN ${eventFieldTable(f)} AS j${i} ON j${i}._row = e._row`);
  });
  return `SELECT ${cols.join(", ")} FROM ${EVENTS_TABLE} AS e${joins.length ? ` ${joins.join(" ")}` : ""}`;
}
