/**
 * The time of a detection result, for the timeline and the risk windows. ESCU results rarely keep
 * `_time`: most are tstats/stats rows with `firstTime`/`lastTime`, which `security_content_ctime`
 * has turned into `%m/%d/%Y %H:%M:%S` text (in the run's zone, UTC by default). First found wins:
 * `_time`, `firstTime`, `lastTime`; numbers are epoch seconds.
 */
import type { Value } from "../values/value.js";

const CTIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;
const FIELDS: readonly (readonly [string, string])[] = [
  ["_time", "Event time (_time)"],
  ["firstTime", "First seen (firstTime)"],
  ["lastTime", "Last seen (lastTime)"],
];

function timeOf(v: Value | undefined): number | null {
  const x = Array.isArray(v) ? v[0] : v;
  if (typeof x === "number") return Number.isFinite(x) ? x : null;
  if (typeof x !== "string" || x === "") return null;
  if (/^\d+(\.\d+)?$/.test(x)) return Number(x);
  const m = CTIME.exec(x);
  if (m) return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000 + Number(m[7] ?? 0);
  const iso = Date.parse(x);
  return /^\d{4}-\d{2}-\d{2}T/.test(x) && !Number.isNaN(iso) ? iso / 1000 : null;
}

/**
 * A result row's time in epoch seconds and what it is; null when the row has none. ctime text is
 * read as UTC (minispl renders times in UTC unless --tz says otherwise).
 */
export function resultTime(row: Readonly<Record<string, Value>>): { time: number; desc: string } | null {
  for (const [field, desc] of FIELDS) {
    const t = timeOf(row[field]);
    if (t !== null) return { time: t, desc };
  }
  return null;
}
