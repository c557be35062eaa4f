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
import type { RenameCommand, StatsCommand } from "../ast/commands.js";
import type { FillnullCommand } from "../ast/commands-stream.js";
import type { SearchExpr } from "../ast/nodes.js";
import type { EventScan } from "../plan/nodes.js";
import { relativeTime } from "../values/time-modifier.js";
import { compileGroup, type CompiledGroup } from "./compile-group.js";
import { compileWhere, freeTextMatch, NotPushable, type FieldResolver } from "./compile-where.js";
import { encodeName, fieldColumns, sqlFloat, sqlString, SIDE_COLUMNS } from "./sql-text.js";
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
}

/** `steps`: the renames and fillnulls between the search and its stats (eventSteps). */
export function compileEventStats(scan: EventScan, stats: StatsCommand, opts: EventsOptions, steps: readonly (RenameCommand | FillnullCommand)[] = []): CompiledEvents {
  if (scan.subsearches.size > 0) throw new NotPushable("a subsearch in the search");
  if (scan.limit !== null) throw new NotPushable("a search limited to its newest events");
  if (stats.allnum) throw new NotPushable("stats allnum=");
  if (stats.dedupSplitvals) throw new NotPushable("stats dedup_splitvals=");
  if (stats.by.includes("_time")) throw new NotPushable("stats by _time");
  for (const f of [...stats.by, ...stats.aggregates.map((a) => a.field ?? "")]) {
    // stats expands these over the fields the matching events have.
    if (f.includes("*")) throw new NotPushable(`stats of the wildcard field ${f}`);
  }
  const used = new Set<string>();
  const resolve: FieldResolver = (f) => {
    if (encodeName(f).length > 180) throw new NotPushable(`the field name ${f.slice(0, 40)}… is too long for a table name`);
    used.add(f);
    return f;
  };
  const where = eventsWhere(scan.filter, resolve, opts);
  const origin = eventSteps(steps);
  // A filled name is a column of its own (its key: JSON of its origin, encoded like any name).
  const filled = new Map<string, Origin>();
  const group = compileGroup(stats, {
    resolve: (f) => {
      const o = origin(f);
      const field = o.field === null ? null : resolve(o.field);
      if (o.fill === undefined) return field;
      // A conditional fill of a field no event has does nothing.
      if (o.ifAny && field === null) return null;
      const key = JSON.stringify([o.field, o.fill, o.ifAny === true]);
      filled.set(key, o);
      return key;
    },
    where,
    from: eventsSource,
    order: "_ord",
    orderDef: "row_number() OVER (ORDER BY _time DESC, _row DESC) AS _ord",
    computed: () => new Map([...filled].map(([key, o]) => [key, fillSql(o)])),
  }, () => [...used]);
  return { ...group, fields: [...used], tables: [{ kind: "events", table: EVENTS_TABLE, fields: [...used] }] };
}

/** What a name holds after the steps between the search and its stats: a store field's values (or null), nulls filled. */
interface Origin {
  readonly field: string | null;
  readonly fill?: string;
  /** The fill applies only when some matched event has a value (fillnull without a field list). */
  readonly ifAny?: boolean;
}

/**
 * What each name holds after the `| rename …` and `| fillnull …` steps between the search and its
 * stats. `rename a AS b` (commands/rename.ts renameOne) gives b a's values whether or not either
 * exists (a missing a nulls b) and leaves a null; `fillnull value=v f` gives f v wherever it is
 * null, whether or not it exists; `fillnull value=v` (no list) does so for every field some
 * result has a value in (a field null in all of them does not exist: ifAny). Names only: a
 * wildcard rename or fillnull field, or a step touching `_time` (not a store field) stays local.
 */
function eventSteps(steps: readonly (RenameCommand | FillnullCommand)[]): (name: string) => Origin {
  const map = new Map<string, Origin>();
  /** The fill every name not in `map` has (a fillnull without a list), if any. */
  let all: Origin | undefined;
  const origin = (name: string): Origin => map.get(name) ?? { field: name, ...(all ? { fill: all.fill as string, ifAny: true } : {}) };
  for (const step of steps) {
    if (step.kind === "fillnull") {
      if (step.fields.length === 0) {
        // An earlier fill left no nulls, or (ifAny) no values at all: both stay as they are.
        for (const [k, o] of map) if (o.fill === undefined) map.set(k, { ...o, fill: step.value, ifAny: true });
        all ??= { field: null, fill: step.value };
        continue;
      }
      for (const f of step.fields) {
        if (f.includes("*")) throw new NotPushable(`fillnull of the wildcard field ${f}`);
        if (f === "_time") throw new NotPushable("a fillnull of _time");
        const o = origin(f);
        // A conditional fill that did not apply leaves every value null, for this one to fill.
        if (o.ifAny) throw new NotPushable(`fillnull ${f} after a fillnull without a field list`);
        if (o.fill === undefined) map.set(f, { field: o.field, fill: step.value });
      }
      continue;
    }
    for (const { from, to } of step.pairs) {
      if (from.includes("*") || to.includes("*")) throw new NotPushable(`rename ${from} AS ${to} (a wildcard)`);
      if (from === "_time" || to === "_time") throw new NotPushable("a rename of _time");
      if (from === to) continue;
      map.set(to, origin(from));
      map.set(from, { field: null });
    }
  }
  return origin;
}

/** The scan's filter and time bounds as one boolean, or null for every event. */
function eventsWhere(filter: SearchExpr | null, resolve: FieldResolver, opts: EventsOptions): string | null {
  if (!filter) return null;
  const parts: string[] = [compileWhere(filter, resolve, { freeText: (v) => freeTextMatch(v, () => resolve("_raw")), ignoreFields: TIME_FIELDS })];
  for (const t of filter.kind === "and" ? filter.items : [filter]) {
    if (t.kind !== "compare" || !TIME_FIELDS.has(t.field.toLowerCase())) continue;
    const at = relativeTime(opts.now, t.value.text, opts.tz);
    // The scan refuses the search with an error; it runs here to give it.
    if (at === null) throw new NotPushable(`bad time modifier "${t.value.text}"`);
    if (Number.isNaN(at)) throw new NotPushable(`time modifier "${t.value.text}"`);
    const bound = t.field.toLowerCase() === "earliest" ? (at === -Infinity ? null : `_time >= ${literalTime(at)}`) : at === Infinity ? null : `_time < ${literalTime(at)}`;
    if (bound) parts.push(bound);
  }
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" AND ")})`;
}

function literalTime(t: number): string {
  return t === Infinity ? "inf" : t === -Infinity ? "-inf" : sqlFloat(t);
}

/**
 * A filled name's values, computed after the filter (a fillnull without a list looks at the
 * matched events only: `max(…) OVER ()` over them).
 */
function fillSql(o: Origin): string {
  const lit = `[${sqlString(o.fill as string)}]`;
  if (o.field === null) return lit;
  const v = fieldColumns(o.field).values;
  const filled = `if(empty(${v}), ${lit}, ${v})`;
  return o.ifAny ? `if((max(notEmpty(${v})) OVER ()) = 1, ${filled}, ${v})` : filled;
}

/** The events with the fields read as `v_<f>`, `l_<f>`, … columns: a field's table LEFT JOINed on `_row` ([] where absent). */
function eventsSource(fields: readonly string[]): string {
  const cols = ["e._row AS _row", "e._time AS _time"];
  const joins: string[] = [];
  fields.forEach((f, i) => {
    const c = fieldColumns(f);
    const [v, ...side] = FIELD_TABLE_COLUMNS;
    cols.push(`j${i}.${v} AS ${c.values}`, ...SIDE_COLUMNS.map((k, s) => `j${i}.${side[s] as string} AS ${c[k]}`));
    joins.push(`LEFT JOIN ${eventFieldTable(f)} AS j${i} ON j${i}._row = e._row`);
  });
  return `(SELECT ${cols.join(", ")} FROM ${EVENTS_TABLE} AS e${joins.length ? ` ${joins.join(" ")}` : ""})`;
}
