/** Parses a `span=` value (`2m`, `1h`, `30s`, `1d`) into seconds; null when malformed. */
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
};

export function parseSpan(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)?([a-z]+)?$/i.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const n = m[1] ? Number(m[1]) : 1;
  const unit = (m[2] ?? "s").toLowerCase();
  const secs = UNIT_SECONDS[unit];
  return secs === undefined || n <= 0 ? null : n * secs;
}
