/**
 * Which optional result columns exist although no returned row has a value in them
 * (sql/optional-fields.ts): a rex's or a lookup's new field exists in memory when some row had a
 * value right after that step, and a later filter may have dropped all of those rows. The presence
 * query (PushedPrefix.presence) answers; it runs only when some such column has no value in the
 * returned rows (most detections return no rows at all), so a result that shows every optional
 * field costs no second query.
 */
import type { PushedPrefix } from "../../sql/types.js";
import type { SqlBackend } from "./backend.js";

export async function presentFields(backend: SqlBackend, pushed: PushedPrefix, rows: readonly Record<string, unknown>[]): Promise<ReadonlySet<string> | undefined> {
  const presence = pushed.presence;
  if (!presence) return undefined;
  const hasValue = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
  if (presence.keys.every((k) => rows.some((r) => hasValue(r[k])))) return undefined;
  const [row] = await backend.query(presence.sql);
  const flags = row?.present;
  if (!Array.isArray(flags) || flags.length !== presence.keys.length) throw new Error("internal: the presence query returned no flags");
  return new Set(presence.keys.filter((_, i) => Number(flags[i]) === 1));
}
